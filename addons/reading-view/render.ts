import type { Component } from 'vue'
import type { ReadingSlide } from './slides'
import MarkdownExit from 'markdown-exit'
import { createHighlighter, createJavaScriptRegexEngine } from 'shiki'
import { throwsWhileRendering } from 'slidev-addons-kit/words'
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import readingViewStyle from './reading.css?raw'

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
  /** The components slides may use, by name (`DemoLink`): every root's `components/`. */
  components?: Record<string, ComponentLoader>
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
  /** The page's Content-Security-Policy, as a `<meta>` tag. */
  contentSecurityPolicy?: string
}

/** A slide the reading view cannot show: names the slide, as the deck check does. */
export class ReadingViewError extends Error {
  constructor(
    readonly slide: ReadingSlide,
    readonly reason: string,
    /** What the slide threw while it rendered, and in which component, if it threw. */
    readonly thrown?: { error: string, component?: string },
  ) {
    super(`${slide.file}:${slide.line} (slide ${slide.no}): ${reason}`)
    this.name = 'ReadingViewError'
  }
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
}

/**
 * A markdown renderer as Slidev's: for slides, bare URLs become links (its `markdownOptions`); for
 * speaker's notes they stay text (its notes renderer), so "main.rs" in a note is not a website.
 */
function createMarkdown(highlighter: Highlighter, themes: Record<string, string>, { linkify, setup }: { linkify: boolean, setup?: ReadingViewOptions['markdownSetup'] }) {
  const md = MarkdownExit({ html: true, linkify, typographer: false })
  setup?.(md)
  const loaded = new Set(highlighter.getLoadedLanguages())

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
    const html = highlighter.codeToHtml(token.content.replace(/\n$/, ''), {
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

/**
 * Renders one slide's markdown, components and all, to HTML, with the CSS of the components on
 * it (`styles`, by module id).
 */
async function renderSlideBody(slide: ReadingSlide, md: ReturnType<typeof createMarkdown>, env: RenderEnv, loaders: Record<string, ComponentLoader>): Promise<{ html: string, styles: ComponentStyle[] }> {
  const template = md.render(slide.content, env)
  const used = new Set([
    ...template.matchAll(/<([A-Z]\w*)[\s/>]/g),
  ].map(m => m[1]))
  const components: Record<string, Component> = {}
  const styles: ComponentStyle[] = []
  for (const name of used) {
    if (hiddenHere.has(name)) {
      components[name] = {
        name,
        render: () => null,
      }
      continue
    }
    const load = loaders[name]
    if (!load)
      throw new ReadingViewError(slide, `the reading view has no component <${name}> (components/${name}.vue).`)
    const loaded = await load()
    components[name] = loaded.default
    styles.push(...loaded.styles ?? [])
  }
  const warnings: string[] = []
  let thrown: { error: string, component?: string } | undefined
  const app = createSSRApp({ template, components })
  Object.assign(app.config.globalProperties, {
    // The page shows a slide as it is before its first click.
    $clicks: 0,
    $page: slide.no,
    $frontmatter: slide.frontmatter,
    $renderContext: 'reading',
  })
  // Components may lay themselves out for the page (a chart for a phone's width).
  app.provide(readingViewKey, true)
  app.config.warnHandler = message => warnings.push(message)
  app.config.errorHandler = (error, instance) => {
    const component = instance && instance.$ !== undefined && instance.$.parent
      ? (instance.$.type as { __name?: string, name?: string }).__name ?? (instance.$.type as { name?: string }).name
      : undefined
    thrown ??= {
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
    thrown ??= {
      error: String(error instanceof Error
        ? `${error.name}: ${error.message}`
        : error),
    }
  }
  // The same words as the build's check of the rendered deck (slidev-addon-deck-check).
  if (thrown)
    throw new ReadingViewError(slide, throwsWhileRendering(thrown.error, thrown.component), thrown)
  if (warnings.length)
    throw new ReadingViewError(slide, `the reading view could not render it: ${warnings.join('; ')}`)
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
  }
}

/** What a slide is, in a few words above it: its number, and whether it is a backup (`layout: backup`). */
function slideLabel(slide: ReadingSlide): string {
  return slide.frontmatter.layout === 'backup'
    ? `Slide ${slide.no} · <span class="slide__kind">Backup</span>`
    : `Slide ${slide.no}`
}

/** The page: the title slide as its header, then one `<section id="N">` per slide. */
export async function renderReadingView({ slides, components = {}, title, author, url, themes: deckThemes = defaultThemes, markdownSetup, favicon, contentSecurityPolicy }: ReadingViewOptions): Promise<string> {
  const { highlighter, themes } = await deckHighlighter(slides, deckThemes)
  const md = createMarkdown(highlighter, themes, { linkify: true, setup: markdownSetup })
  const notesMd = createMarkdown(highlighter, themes, { linkify: false, setup: markdownSetup })
  const sections: string[] = []
  /** The CSS of the components on the page, once each, in the order they first appear. */
  const componentStyles = new Map<string, string>()
  for (const slide of slides) {
    const cover = slide.no === 1
    const headingId = `slide-${slide.no}-title`
    const { html: body, styles } = await renderSlideBody(slide, md, {
      shift: cover ? 1 : 2,
      vue: true,
      headingId,
    }, components)
    for (const { id, css } of styles) {
      if (!componentStyles.has(id))
        componentStyles.set(id, css.trim().replace(/<\/style/gi, '<\\/style'))
    }
    const notes = slide.note.trim()
      ? `<aside class="notes" aria-label="Speaker's notes, slide ${slide.no}"><p class="notes__title">Speaker's notes</p>${scrollingTables(notesMd.render(slide.note, { shift: 4, vue: false } satisfies RenderEnv), `in the notes of slide ${slide.no}`)}</aside>`
      : ''
    const kind = [
      'slide',
      cover ? 'slide--cover' : '',
      slide.frontmatter.layout === 'section'
        ? 'slide--part'
        : '',
      slide.frontmatter.layout === 'backup'
        ? 'slide--backup'
        : '',
    ].filter(Boolean).join(' ')
    const labelled = body.includes(`id="${headingId}"`)
      ? ` aria-labelledby="${headingId}"`
      : ''
    sections.push([
      `<section id="${slide.no}" class="${kind}"${labelled}>`,
      `<div class="slide__meta"><span>${slideLabel(slide)}</span><a class="slide__open" href="../${slide.no}?view=slides">View as slide<span class="sr-only"> ${slide.no}</span></a></div>`,
      body,
      notes,
      '</section>',
    ].join('\n'))
  }
  highlighter.dispose()

  const [cover, ...rest] = sections
  const pageTitle = title ?? slides[0]?.content.match(/^#+ (\S.*)$/m)?.[1] ?? 'Slides'
  const description = `${pageTitle}${author
    ? ` by ${author}`
    : ''}: the talk's ${slides.length} slides and speaker's notes as one page to read.`
  return `<!doctype html>
<html lang="${escapeHtml(String(slides[0]?.frontmatter.lang ?? 'en'))}" class="${readingViewClass}">
<head>
${contentSecurityPolicy
  ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}">\n`
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
</head>
<body>
<a class="skip" href="#2">Skip to the slides</a>
<header class="page-header">
<a class="view-switch" href="../?view=slides">View as slides</a>
${cover}
</header>
<main>
${rest.join('\n')}
</main>
<footer class="page-footer">
<p>${[pageTitle, author].filter(Boolean).map(text => escapeHtml(text!)).join(' · ')} · <a href="../?view=slides">View as slides</a></p>
</footer>
</body>
</html>
`
}
