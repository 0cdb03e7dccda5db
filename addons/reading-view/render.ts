import type { PolicyAdditions } from 'slidev-addons-kit/policy'
import type { Component } from 'vue'
import type { TocEntry } from './builtins'
import type { ReadingViewContribution, SlideKind } from './extend'
import type { ReadingSlide } from './slides'
import { tex } from '@mdit/plugin-tex'
import { isVoidTag } from '@vue/shared'
import katex from 'katex'
import MarkdownExit from 'markdown-exit'
import { createHighlighter, createJavaScriptRegexEngine } from 'shiki'
import { parsePolicy, policyHeader, withAdditions } from 'slidev-addons-kit/policy'
import { problemLine, throwsWhileRendering } from 'slidev-addons-kit/words'
import { createSSRApp } from 'vue'
import { parse as parseSfc } from 'vue/compiler-sfc'
import { renderToString } from 'vue/server-renderer'
import { builtinComponents, installBuiltins, readingDeckKey, readingSlideNoKey } from './builtins'
import { layoutMarkup, layoutName, layoutProps, renderedSlots, slideParts, slotElement, slotSentinel } from './layouts'
import readingViewStyle from './reading.css?raw'
import { resolveSnippet, snippetLine } from './snippets'

/**
 * The reading view: every slide of the deck, in order, as one page of real text for a phone held
 * upright, rendered at build time from the same slides and the same components as the deck (no
 * JavaScript on the page). `vite-plugin.ts` serves it in `slidev` (dev) and writes it into the
 * built site as `read/index.html`.
 *
 * A component can tell that it renders on this page: `inject(readingViewKey, false)` is true
 * there (`'slidev-reading-view'`, a plain string, so a deck's component needs no import of this
 * addon), and `$renderContext` is `'reading'`. Its CSS can tell too: the page's `<html>` has the
 * class `slidev-reading-view` (`readingViewClass`). The page brings the CSS of the components it
 * shows, scoped as on the slides, after its own (`reading.css`), whose colours and fonts a
 * component may use as `var(--reading-text)` and so on: they follow light and dark.
 */

/** The injection key that is `true` while a component renders on the reading view. */
export const readingViewKey = 'slidev-reading-view'

/** The class of the page's `<html>`, for a component's CSS that is for the page only. */
export const readingViewClass = 'slidev-reading-view'

/**
 * CSS that a component brings to the page: one of its `<style>` blocks, compiled as for the slides
 * (scoped, `.demo-link[data-v-1a2b3c4d]`), or a stylesheet it imports. `id` is its module's id, so
 * CSS that two components share (a component they both use) is on the page once.
 */
export interface ComponentStyle {
  id: string
  css: string
}

/**
 * A component of the deck, loaded on demand, with the CSS it brings: its own `<style>` blocks and
 * those of the components it imports. Without `styles` it renders unstyled.
 */
export type ComponentLoader = () => Promise<{ default: Component, styles?: ComponentStyle[] }>

export interface ReadingViewOptions {
  /** The deck's slides, in order (Slidev's own parse of slides.md). */
  slides: ReadingSlide[]
  /** The deck's folder: `<<< @/…` snippet imports are read from it. */
  root?: string
  /** What kinds of slide other addons tell apart (extend.ts's `slideKind`: road's backups). */
  slideKinds?: Array<NonNullable<ReadingViewContribution['slideKind']>>
  /** The components slides may use, by name (`DemoLink`): every root's `components/`. */
  components?: Record<string, ComponentLoader>
  /**
   * The layouts slides render in, by name (`cover`, `two-cols`): Slidev's own and every root's
   * `layouts/`. A layout's CSS is not on the page (`styles` are not read). Without them, slides
   * show without layouts.
   */
  layouts?: Record<string, ComponentLoader>
  /** The talk's title (the headmatter's `title`). Default: the first slide's heading. */
  title?: string
  /** The speaker (the headmatter's `author`). */
  author?: string
  /** The deck's public address (the headmatter's `seoMeta.ogUrl`): the page's canonical URL is `read/` under it. */
  url?: string
  /** Shiki themes by colour scheme, as the deck's `setup/shiki.ts` gives them. Default GitHub light and dark. */
  themes?: Record<string, string>
  /** The deck's markdown-it setup (`slidev.markdown.markdownSetup` of its vite.config), e.g. emoji. */
  markdownSetup?: (md: ReturnType<typeof MarkdownExit>) => void
  /** The favicon, as the headmatter gives it. */
  favicon?: string
  /**
   * The page's Content-Security-Policy, as a `<meta>` tag. The origins of remote images and videos
   * the slides show (and of a remote favicon) are added to it, so that the page shows what the deck shows.
   */
  contentSecurityPolicy?: string
  /**
   * Told, one line each, of a slide the page shows without a part it could not render here (a
   * component that throws or is not there): `slides.md:12 (slide 2): the reading view shows …`.
   */
  warn?: (line: string) => void
}

/** The deck's link to this page means nothing on this page. */
const hiddenHere = new Set(['ReadingViewLink'])

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

type Highlighter = Awaited<ReturnType<typeof createHighlighter>>

const defaultThemes = { light: 'github-light', dark: 'github-dark' }

/** Shiki with the deck's own light and dark themes, for every language the slides use. */
async function deckHighlighter(slides: ReadingSlide[], themes: Record<string, string>): Promise<{ highlighter: Highlighter, themes: Record<string, string> }> {
  const langs = new Set<string>()
  for (const slide of slides) {
    for (const [, lang] of `${slide.content}\n${slide.note}`.matchAll(/^\s*(?:`{3,}|~{3,})\s*([\w+-]+)/gm))
      langs.add(lang)
  }
  // The JavaScript regex engine needs no WebAssembly, so the page renders the same in the build,
  // the dev server and the unit tests.
  const highlighter = await createHighlighter({
    themes: Object.values(themes),
    langs: [],
    engine: createJavaScriptRegexEngine(),
  })
  for (const lang of langs) {
    try {
      await highlighter.loadLanguage(lang as Parameters<Highlighter['loadLanguage']>[0])
    }
    catch {
      // Unknown to shiki: shown as plain text, as the deck shows it.
    }
  }
  return { highlighter, themes }
}

interface RenderEnv {
  /** The page's heading level of the slide's top heading, minus that heading's own level. */
  shift: number
  /** Whether the HTML becomes a Vue template (slides) or stays HTML (notes). */
  vue: boolean
  /** Id of the slide's first heading, for `aria-labelledby`. */
  headingId?: string
  headingSeen?: boolean
  /** The slide's markdown file and the deck's folder, where `<<<` snippet imports are read from. */
  file?: string
  root?: string
}

/**
 * A line of Slidev's slot syntax (`::right::`), as Slidev reads it (its `slot-sugar`): a line of its
 * own, not indented, outside code. The slide's content after it is the layout's slot of that name.
 */
const slotMarker = /^::\s*([\w.\-:]+)\s*::\s*$/

/** KaTeX as MathML, which browsers draw with no stylesheet or font of KaTeX's: the page has neither. */
function mathMl(content: string, displayMode: boolean): string {
  return katex.renderToString(content, { displayMode, output: 'mathml', throwOnError: false })
}

/**
 * A markdown renderer as Slidev's: for slides, bare URLs become links (its `markdownOptions`); for
 * speaker's notes they stay text (its notes renderer), so "main.rs" in a note is not a website.
 */
function createMarkdown(highlighter: Highlighter, themes: Record<string, string>, { linkify, setup }: { linkify: boolean, setup?: ReadingViewOptions['markdownSetup'] }) {
  // Slides are typeset as Slidev's markdown (unplugin-vue-markdown's options with Slidev's): an
  // apostrophe is ’, `...` is …, quotes stay straight, and only a URL with its scheme or `www.` is a
  // link ("example.com" is text). Notes are plain, as Slidev's notes renderer has them.
  const md = MarkdownExit({
    html: true,
    linkify,
    typographer: linkify,
    quotes: '""\'\'',
  })
  if (linkify)
    md.linkify.set({ fuzzyLink: false })
  setup?.(md)
  const loaded = new Set(highlighter.getLoadedLanguages())
  // `$x$` and `$$ … $$`, as Slidev writes math.
  md.use(tex as unknown as Parameters<typeof md.use>[0], {
    render: (content: string, displayMode: boolean, env: RenderEnv) => env.vue
      ? `<span v-pre>${mathMl(content, displayMode)}</span>`
      : mathMl(content, displayMode),
  })

  // Slidev's slot markers (`::right::`) on slides, where the slide is split into its layout's slots
  // (`slideParts`). In notes, as in Slidev's notes renderer, such a line is text.
  md.block.ruler.before('fence', 'reading-slot-marker', (state, startLine, _endLine, silent) => {
    if (!(state.env as RenderEnv).vue || state.sCount[startLine] - state.blkIndent > 0)
      return false
    const match = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]).match(slotMarker)
    if (!match)
      return false
    if (!silent) {
      const token = state.push('reading_slot_marker', '', 0)
      token.meta = { slot: match[1] }
      token.map = [startLine, startLine + 1]
      state.line = startLine + 1
    }
    return true
  }, {
    alt: [
      'paragraph',
      'reference',
      'blockquote',
      'list',
    ],
  })
  md.renderer.rules.reading_slot_marker = (tokens, index) => slotSentinel((tokens[index].meta as { slot: string }).slot)

  // What Slidev reads before markdown does: a snippet import (`<<< @/snippets/a.ts#region`) becomes
  // the code block it stands for. A slide's `<script setup>` and `<style>` are code of the slide,
  // not its text.
  md.core.ruler.after('block', 'reading-slidev-syntax', (state) => {
    const env = state.env as RenderEnv
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]
      if (token.type === 'html_block' && /^\s*<(?:script|style)\b/i.test(token.content)) {
        tokens.splice(i--, 1)
        continue
      }
      if (token.type !== 'paragraph_open' || tokens[i + 1]?.type !== 'inline')
        continue
      const text = tokens[i + 1].content.trim()
      const snippet = env.file && env.root
        ? snippetLine(text)
        : undefined
      if (!snippet)
        continue
      const resolved = resolveSnippet(snippet, { file: env.file!, root: env.root! })
      const fence = new state.Token('fence', 'code', 0)
      fence.block = true
      fence.map = token.map
      if ('missing' in resolved) {
        fence.info = 'text'
        fence.content = `${text}\n(${resolved.missing})\n`
      }
      else {
        fence.info = resolved.lang
        fence.content = `${resolved.code}\n`
      }
      tokens.splice(i, 3, fence)
    }
  })

  // The deck sizes headings by level; on the page a slide's top heading is an <h2> (the talk's
  // title is the page's only <h1>) and the levels below it follow.
  md.core.ruler.push('reading-heading-levels', (state) => {
    const env = state.env as RenderEnv
    const levels = state.tokens.filter(t => t.type === 'heading_open').map(t => Number(t.tag.slice(1)))
    const top = Math.min(...levels)
    for (const token of state.tokens) {
      if (token.type !== 'heading_open' && token.type !== 'heading_close')
        continue
      const level = Math.min(6, Number(token.tag.slice(1)) - top + env.shift)
      token.tag = `h${level}`
      if (token.type === 'heading_open' && env.headingId && !env.headingSeen) {
        token.attrSet('id', env.headingId)
        env.headingSeen = true
      }
    }
  })

  // Code as the deck highlights it, scrolling sideways inside its block. `{1|2-3|all}` click steps
  // after the language are the deck's; the page shows every line.
  md.renderer.rules.fence = (tokens, index, _options, env) => {
    const token = tokens[index]
    const lang = token.info.trim().split(/[\s{]/)[0] || 'text'
    // A Magic Move block is the same code in steps, morphing on each click: the page shows the last.
    if (/\bmagic-move\b/.test(token.info)) {
      const steps = md.parse(token.content, {}).filter(t => t.type === 'fence')
      const last = steps.at(-1)
      if (last) {
        const caption = `<p class="slide-caption">The code below changes in ${steps.length} steps on the slide; here is the last.</p>\n`
        return caption + md.renderer.rules.fence!([last], 0, _options, env, md.renderer)
      }
    }
    const diagram = { mermaid: 'Mermaid', plantuml: 'PlantUML' }[lang]
    // A block's title, as Slidev shows it above the code: ```ts [filename-example.ts]
    const title = token.info.match(/^[\w+-]*\s*\[([^\]]+)\]/)?.[1]
    const caption = diagram
      ? `<p class="slide-caption">A diagram on the slide, written in ${diagram}:</p>\n`
      : title
        ? `<p class="slide-caption">${escapeHtml(title)}</p>\n`
        : ''
    const html = caption + highlighter.codeToHtml(token.content.replace(/\n$/, ''), {
      lang: loaded.has(lang)
        ? lang
        : 'text',
      themes,
      defaultColor: 'light',
      transformers: [
        {
          pre(node) {
            node.properties['aria-label'] = `${lang === 'text'
              ? 'Code'
              : `${lang} code`}, scrolls sideways`
            if ((env as RenderEnv).vue)
              node.properties['v-pre'] = ''
          },
        },
      ],
    })
    return `${html}\n`
  }
  const inlineCode = md.renderer.rules.code_inline!
  md.renderer.rules.code_inline = (tokens, index, options, env, self) => {
    const html = inlineCode(tokens, index, options, env, self) as string
    return (env as RenderEnv).vue
      ? html.replace(/^<code/, '<code v-pre')
      : html
  }
  return md
}

/**
 * Every table, from markdown or from a component (CacheLayers), in a box of its own that scrolls
 * sideways when the table is wider than the screen: a table never makes the page scroll sideways,
 * whatever the width and the font. The box can be focused, so that a keyboard can scroll it, and is
 * a region named after where the table is (`on slide 18`), as no two regions of a page may share a name.
 */
export function scrollingTables(html: string, where: string): string {
  const count = html.match(/<table\b/g)?.length ?? 0
  let n = 0
  return html
    .replace(/<table\b/g, () => `<div class="table-scroll" tabindex="0" role="region" aria-label="Table${count > 1
      ? ` ${++n}`
      : ''} ${where}, scrolls sideways"><table`)
    .replace(/<\/table>/g, '</table></div>')
}

/** A scoped-style attribute of Vue's server rendering: ` data-v-1a2b3c4d=""` (`-s` on slotted content). */
const scopeAttribute = / data-v-([\da-f]{8})(-s)?(?:="")?/g

const pascal = (tag: string) => tag.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())

interface TemplateNode {
  type: number
  tag?: string
  tagType?: number
  content?: string
  props?: Array<{ type: number, name: string, value?: { content: string } }>
  children?: TemplateNode[]
}

/**
 * A slide's template as plain HTML, without Vue: its text and elements as written, a component by
 * what it wraps, an expression (`{{ … }}`) and directives left out. What the page shows of a slide
 * that Vue could not render here at all.
 */
export function staticHtml(template: string): string {
  const ast = parseSfc(`<template>${template}</template>`).descriptor.template?.ast as TemplateNode | undefined
  const write = (node: TemplateNode): string => {
    if (node.type === 2)
      return escapeHtml(node.content ?? '')
    if (node.type !== 1)
      return ''
    const children = (node.children ?? []).map(write).join('')
    // A component, a <template> or a <slot>: what it wraps.
    if (node.tagType !== 0 || node.tag === 'template')
      return children
    const attributes = (node.props ?? []).filter(p => p.type === 6).map(p => p.value
      ? ` ${p.name}="${escapeHtml(p.value.content)}"`
      : ` ${p.name}`).join('')
    return isVoidTag(node.tag!)
      ? `<${node.tag}${attributes}>`
      : `<${node.tag}${attributes}>${children}</${node.tag}>`
  }
  return (ast?.children ?? []).map(write).join('')
}

/** What a slide's render met: an error thrown (and in which component), and what Vue warned. */
interface RenderTrouble {
  thrown?: { error: string, component?: string }
  warnings: string[]
}

/** The deck as a slide's render needs it: the table of contents, the number of slides. */
interface DeckInfo { toc: TocEntry[], total: number }

/** What a slide's app is made of: its template, the components it names, and what its templates may read. */
interface SlideApp {
  template: string
  components: Record<string, Component>
  globals?: Record<string, unknown>
}

/**
 * Renders one app of a slide to HTML, with what its render met (`trouble`). A component that a
 * component of the slide (or its layout) uses without importing it, as Slidev's components may
 * (Slidev registers every root's components), is loaded from the roots and the app renders again:
 * `nested` gathers those, and `styles` their CSS.
 */
async function renderApp(slide: ReadingSlide, deck: DeckInfo, { template, components, globals }: SlideApp, loaders: Record<string, ComponentLoader>, nested: { components: Record<string, Component>, failed: Set<string> }): Promise<{ html: string, trouble: RenderTrouble, styles: ComponentStyle[] }> {
  const styles: ComponentStyle[] = []
  const known = (tag: string) => pascal(tag) in components || pascal(tag) in builtinComponents
  for (let round = 0; ; round++) {
    const trouble: RenderTrouble = { warnings: [] }
    const app = createSSRApp({ template, components })
    installBuiltins(app)
    for (const [name, component] of Object.entries(nested.components))
      app.component(name, component)
    // The components the app looked for and no one registered: a root may have them.
    const missing = new Set<string>()
    app._context.components = new Proxy(app._context.components, {
      get(registry, key, receiver) {
        const found = Reflect.get(registry, key, receiver) as Component | undefined
        if (found === undefined && typeof key === 'string' && /^[A-Z]/.test(key))
          missing.add(key)
        return found
      },
    })
    // An element with a dash that no root or built-in has (an icon, `<carbon-logo-github>`) stays an
    // element: it decorates the slide, and the page has no icon set.
    app.config.compilerOptions.isCustomElement = tag => tag.includes('-') && !known(tag)
    Object.assign(app.config.globalProperties, {
      // The page shows a slide as it is before its first click.
      $clicks: 0,
      $page: slide.no,
      $frontmatter: slide.frontmatter,
      $renderContext: 'reading',
      ...globals,
    })
    // Components may lay themselves out for the page (a chart for a phone's width).
    app.provide(readingViewKey, true)
    app.provide(readingDeckKey, deck)
    app.provide(readingSlideNoKey, slide.no)
    app.config.warnHandler = message => trouble.warnings.push(message)
    app.config.errorHandler = (error, instance) => {
      const component = instance && instance.$ !== undefined && instance.$.parent
        ? (instance.$.type as { __name?: string, name?: string }).__name ?? (instance.$.type as { name?: string }).name
        : undefined
      trouble.thrown ??= {
        error: String(error instanceof Error
          ? `${error.name}: ${error.message}`
          : error),
        component,
      }
    }
    let html = ''
    try {
      html = await renderToString(app)
    }
    catch (error) {
      trouble.thrown ??= {
        error: String(error instanceof Error
          ? `${error.name}: ${error.message}`
          : error),
      }
    }
    const toLoad = [...missing].filter(name => loaders[name] && !(name in nested.components) && !nested.failed.has(name) && !hiddenHere.has(name))
    if (!toLoad.length || round >= 3)
      return { html, trouble, styles }
    for (const name of toLoad) {
      try {
        const loaded = await loaders[name]()
        nested.components[name] = loaded.default
        styles.push(...loaded.styles ?? [])
      }
      catch {
        nested.failed.add(name)
      }
    }
  }
}

/** A slide's layout, loaded, with the props and attributes it gets (the frontmatter, as Slidev binds it). */
interface SlideLayout {
  name: string
  load: ComponentLoader
  props: Record<string, unknown>
}

/** What the root template calls a slide's layout. */
const layoutTag = 'ReadingViewSlideLayout'

/**
 * The slide inside its layout, as layouts.ts shows a layout on the page; `undefined` if the layout
 * cannot render here (it does not load, it throws, it shows none of the slide): the slide then
 * shows without it, and nothing is said, as a layout only presents the slide. A slot the layout
 * leaves out (`::right::` on `default`) follows it, so that the page has all the slide says.
 */
async function renderInLayout(slide: ReadingSlide, deck: DeckInfo, layout: SlideLayout, slots: Map<string, string>, components: Record<string, Component>, loaders: Record<string, ComponentLoader>, nested: { components: Record<string, Component>, failed: Set<string> }, shift: number): Promise<string | undefined> {
  let component: Component
  try {
    component = (await layout.load()).default
  }
  catch {
    return undefined
  }
  const given = [...slots].filter(([, html]) => html.trim())
  const part = ([slot, html]: [string, string]) => `<${slotElement} data-slot="${slot}">${html}</${slotElement}>`
  let left: string[] = []
  for (let round = 0; round < 2; round++) {
    const template = `<${layoutTag} v-bind="$readingLayoutProps">${given.map(([slot, html]) => `<template v-slot:${slot}>${part([slot, html])}</template>`).join('')}</${layoutTag}>${given.filter(([slot]) => left.includes(slot)).map(part).join('')}`
    const { html, trouble } = await renderApp(slide, deck, {
      template,
      components: { ...components, [layoutTag]: component },
      globals: { $readingLayoutProps: layout.props },
    }, loaders, nested)
    if (trouble.thrown)
      return undefined
    const shown = renderedSlots(html)
    if (given.length && !shown.size)
      return undefined
    left = given.map(([slot]) => slot).filter(slot => !shown.has(slot))
    if (!left.length)
      return layoutMarkup(html, shift)
  }
  return undefined
}

/**
 * Renders one slide's markdown, components and all, to HTML, with the CSS of the components on
 * it (`styles`, by module id), in its layout when the layout renders here (`renderInLayout`).
 * Slidev's built-ins render as the page shows them (builtins.ts); a part that cannot render here
 * (a component that throws, one no root has) is left out, and the slide says so (`trouble`)
 * instead of stopping the page.
 */
async function renderSlideBody(slide: ReadingSlide, md: ReturnType<typeof createMarkdown>, env: RenderEnv, loaders: Record<string, ComponentLoader>, deck: DeckInfo, layout?: SlideLayout): Promise<{ html: string, styles: ComponentStyle[], trouble?: RenderTrouble }> {
  const { written, slots } = slideParts(md.render(slide.content, env))
  // Without its layout, a slide shows its slots as written.
  const template = written.join('')
  const tags = new Set([
    ...template.matchAll(/<([A-Z][\w-]*)[\s/>]/gi),
  ].map(m => m[1]))
  const used = new Set([...tags].map(pascal))
  const components: Record<string, Component> = {}
  const styles: ComponentStyle[] = []
  const warnings: string[] = []
  /** What a component that is not here wraps, in its place. */
  const standIn = (name: string) => ({
    name,
    setup: (_: unknown, { slots }: { slots: Record<string, (() => unknown) | undefined> }) => () => slots.default?.(),
  }) as Component
  for (const name of used) {
    if (hiddenHere.has(name)) {
      components[name] = {
        name,
        render: () => null,
      }
      continue
    }
    const load = loaders[name]
    if (!load) {
      // A component no root has and Slidev does not build in (a theme may register it in its own
      // setup): what it wraps shows, and the slide says that a part is missing.
      if (!(name in builtinComponents) && [...tags].some(tag => tag === name && /^[A-Z]/.test(tag))) {
        warnings.push(`no component <${name}> here`)
        components[name] = standIn(name)
      }
      continue
    }
    try {
      const loaded = await load()
      components[name] = loaded.default
      styles.push(...loaded.styles ?? [])
    }
    catch (error) {
      // A component that does not load outside the deck's app (it imports Slidev's client,
      // `@slidev/client`): the same, and the page is still made.
      warnings.push(`<${name}> does not load here (${String((error as Error)?.message ?? error).split('\n')[0]})`)
      components[name] = standIn(name)
    }
  }
  const nested = {
    components: {},
    failed: new Set<string>(),
  }
  const content = await renderApp(slide, deck, { template, components }, loaders, nested)
  styles.push(...content.styles)
  const trouble = content.trouble
  trouble.warnings.unshift(...warnings)
  let html = content.html
  // Nothing rendered (the slide's own expression threw): its text and elements, without Vue.
  if (trouble.thrown && !html.replace(/<!--[\s\S]*?-->/g, '').trim())
    html = staticHtml(template)
  // The slide in its layout, once the slide itself renders whole.
  else if (layout && !trouble.thrown && !trouble.warnings.length)
    html = await renderInLayout(slide, deck, layout, slots, components, loaders, nested, env.shift) ?? html
  // Comments Vue leaves for hydration go: the page has no app to hydrate. Scoped-style attributes
  // stay where the page has CSS that they scope, and go where it has none.
  const scopes = new Set(styles.flatMap(style => [
    ...style.css.matchAll(/\[data-v-([\da-f]{8})(?:-s)?\]/g),
  ].map(m => m[1])))
  return {
    html: scrollingTables(html.replace(/<!--[[\]]?-->/g, '').replace(scopeAttribute, (_, scope: string, slotted = '') => scopes.has(scope)
      ? ` data-v-${scope}${slotted}`
      : ''), `on slide ${slide.no}`),
    styles,
    trouble: trouble.thrown || trouble.warnings.length
      ? trouble
      : undefined,
  }
}

/** The one line a build is told of a slide the page shows without a part of it. */
function troubleLine(slide: ReadingSlide, trouble: RenderTrouble): string {
  const what = trouble.thrown
    ? throwsWhileRendering(trouble.thrown.error, trouble.thrown.component).replace(/, so it shows blank\..*$/, '')
    : `Vue warned: ${trouble.warnings[0].split('\n')[0]}`
  return problemLine(slide.file, slide.line, slide.no, `the reading view shows this slide without a part it could not render here (${what.replace(/^the slide /, 'it ')}); the deck itself is not affected.`)
}

/** What a slide is, in a few words above it: its number, and its kinds (another addon's, extend.ts). */
function slideLabel(slide: ReadingSlide, kinds: SlideKind[]): string {
  return [
    `Slide ${slide.no}`,
    ...kinds.map(kind => `<span class="slide__kind">${escapeHtml(kind.label)}</span>`),
  ].join(' · ')
}

/**
 * The page's policy with the origins its images and videos come from (`<img src="https://…">`, a
 * remote favicon): the page shows the pictures the deck shows, and reaches nothing else.
 */
function pagePolicy(policy: string, html: string): string {
  const origins = (tag: string) => [
    ...new Set([
      ...html.matchAll(new RegExp(`<(?:${tag})\\b[^>]*?\\ssrc="(https?://[^"/?#]+)`, 'gi')),
    ].map(m => new URL(m[1]).origin)),
  ]
  const images = origins('img')
  const media = origins('video|audio|source')
  return policyHeader(withAdditions(parsePolicy(policy), [
    images.length
      ? { 'img-src': images }
      : {},
    media.length
      ? { 'media-src': media }
      : {},
  ]))
}

/** The page: the title slide as its header, then one `<section id="N">` per slide. */
export async function renderReadingView(options: ReadingViewOptions): Promise<string> {
  return (await readingViewPages(options)).page()
}

/** What a page made from the reading view adds to it (extend.ts's `ReadingPageVariant`, its scripts resolved). */
export interface PageAdditions {
  head?: string
  bodyStart?: string
  policy?: PolicyAdditions
  scripts?: string[]
  query?: string
}

/**
 * The slides rendered once, and the pages made of them: `page()` is `read/`, `page(additions)` a
 * page like it with more on it (another addon's, through extend.ts).
 */
export async function readingViewPages({ slides, root, slideKinds = [], components = {}, layouts = {}, title, author, url, themes: deckThemes = defaultThemes, markdownSetup, favicon, contentSecurityPolicy, warn = () => {} }: ReadingViewOptions): Promise<{ page: (additions?: PageAdditions) => string }> {
  const { highlighter, themes } = await deckHighlighter(slides, deckThemes)
  const md = createMarkdown(highlighter, themes, { linkify: true, setup: markdownSetup })
  const notesMd = createMarkdown(highlighter, themes, { linkify: false, setup: markdownSetup })
  const sections: string[] = []
  const deck = {
    toc: slides.filter(slide => !slide.frontmatter.hideInToc && slide.title).map(slide => ({ no: slide.no, title: slide.title!, level: slide.level ?? 1 })),
    total: slides.length,
  }
  const headmatter = slides[0]?.frontmatter ?? {}
  const layoutOf = (slide: ReadingSlide): Parameters<typeof renderSlideBody>[5] => {
    const name = layoutName(slide, headmatter, name => name in layouts)
    return layouts[name]
      ? {
          name,
          load: layouts[name],
          props: layoutProps(slide),
        }
      : undefined
  }
  /** The CSS of the components on the page, once each, in the order they first appear. */
  const componentStyles = new Map<string, string>()
  for (const slide of slides) {
    const cover = slide.no === 1
    const headingId = `slide-${slide.no}-title`
    const { html: rendered, styles, trouble } = await renderSlideBody(slide, md, {
      shift: cover ? 1 : 2,
      vue: true,
      headingId,
      file: slide.path,
      root,
    }, components, deck, layoutOf(slide))
    if (trouble)
      warn(troubleLine(slide, trouble))
    const body = trouble
      ? `${rendered}\n<p class="slide-caption">Part of this slide only shows on the slide itself: <a href="../${slide.no}?view=slides">view slide ${slide.no}</a>.</p>`
      : rendered
    for (const { id, css } of styles) {
      if (!componentStyles.has(id))
        componentStyles.set(id, css.trim().replace(/<\/style/gi, '<\\/style'))
    }
    const notes = slide.note.trim()
      ? `<aside class="notes" aria-label="Speaker's notes, slide ${slide.no}"><p class="notes__title">Speaker's notes</p>${scrollingTables(notesMd.render(slide.note, { shift: 4, vue: false } satisfies RenderEnv), `in the notes of slide ${slide.no}`)}</aside>`
      : ''
    const kinds = slideKinds.flatMap(kindOf => kindOf({ no: slide.no, frontmatter: slide.frontmatter }) ?? [])
    const kind = [
      'slide',
      cover ? 'slide--cover' : '',
      // Slidev's own layout of a slide that starts a part.
      slide.frontmatter.layout === 'section'
        ? 'slide--part'
        : '',
      ...kinds.map(k => k.className ?? ''),
    ].filter(Boolean).join(' ')
    const labelled = body.includes(`id="${headingId}"`)
      ? ` aria-labelledby="${headingId}"`
      : ''
    sections.push([
      `<section id="${slide.no}" class="${kind}"${labelled}>`,
      `<div class="slide__meta"><span>${slideLabel(slide, kinds)}</span><a class="slide__open" href="../${slide.no}?view=slides">View as slide<span class="sr-only"> ${slide.no}</span></a></div>`,
      body,
      notes,
      '</section>',
    ].join('\n'))
  }
  highlighter.dispose()

  const basePolicy = contentSecurityPolicy && pagePolicy(contentSecurityPolicy, [
    ...sections,
    favicon
      ? `<img src="${escapeHtml(favicon)}">`
      : '',
  ].join('\n'))
  const pageTitle = title ?? slides[0]?.content.match(/^#+ (\S.*)$/m)?.[1] ?? 'Slides'
  const description = `${pageTitle}${author
    ? ` by ${author}`
    : ''}: the talk's ${slides.length} slides and speaker's notes as one page to read.`
  const page = ({ head = '', bodyStart = '', policy: added, scripts = [], query }: PageAdditions = {}) => {
    const policy = basePolicy && added
      ? policyHeader(withAdditions(parsePolicy(basePolicy), [added]))
      : basePolicy
    // The deck's links from the page keep its query (`?view=slides&follow`).
    const [cover, ...rest] = query
      ? sections.map(section => section.replaceAll('?view=slides"', `?view=slides&amp;${query}"`))
      : sections
    const toDeck = `../?view=slides${query
      ? `&amp;${query}`
      : ''}`
    return `<!doctype html>
<html lang="${escapeHtml(String(slides[0]?.frontmatter.lang ?? 'en'))}" class="${readingViewClass}">
<head>
${policy
  ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">\n`
  : ''}<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle)}: the talk as a page</title>
<meta name="description" content="${escapeHtml(description)}">
${author
  ? `<meta name="author" content="${escapeHtml(author)}">\n`
  : ''}<meta name="color-scheme" content="light dark">
${url
  ? `<link rel="canonical" href="${escapeHtml(new URL('read/', url).href)}">\n`
  : ''}${favicon
  ? `<link rel="icon" href="${escapeHtml(favicon)}">\n`
  : ''}<style>
${[
  readingViewStyle.trimEnd(),
  ...componentStyles.values(),
].join('\n')}
</style>
${head}${scripts.map(src => `<script type="module" src="${escapeHtml(src)}"></script>\n`).join('')}</head>
<body>
${bodyStart}<a class="skip" href="#2">Skip to the slides</a>
<header class="page-header">
<a class="view-switch" href="${toDeck}">View as slides</a>
${cover}
</header>
<main>
${rest.join('\n')}
</main>
<footer class="page-footer">
<p>${[pageTitle, author].filter(Boolean).map(text => escapeHtml(text!)).join(' · ')} · <a href="${toDeck}">View as slides</a></p>
</footer>
</body>
</html>
`
  }
  return { page }
}
