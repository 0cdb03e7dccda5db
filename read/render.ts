import type { Component } from 'vue'
import type { ReadingSlide } from './slides'
import MarkdownExit from 'markdown-exit'
import { full as emoji } from 'markdown-it-emoji'
import { createHighlighter, createJavaScriptRegexEngine } from 'shiki'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { deck, demos } from '../data/deck'
import { throwsWhileRendering } from '../scripts/slide-source'
import shikiSetup from '../setup/shiki'
import { barChartLayout } from './chart-layout'
import readingViewStyle from './reading.css?raw'

/**
 * The reading view: every slide of the deck, in order, as one page of real text for a phone held
 * upright, rendered at build time from the same slides and the same components as the deck (no
 * JavaScript on the page). `read/plugin.ts` serves it in `npm run dev` and writes it into the
 * built site as `read/index.html`.
 */

export interface ReadingViewOptions {
  /** The deck's slides, in order (Slidev's own parse of slides.md). */
  slides: ReadingSlide[]
  /** The favicon, as the headmatter gives it. */
  favicon?: string
  /** The site's Content-Security-Policy (plugins/csp.ts), as a `<meta>` tag. */
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

/** Components a slide uses, by their tag: `<DemoLink id="…" />` → `DemoLink`. */
// Stryker disable next-line StringLiteral: Vite reads the pattern as written; a changed one does not compile.
const componentFiles = import.meta.glob<{ default: Component }>('../components/*.vue')
const componentByName = new Map(Object.keys(componentFiles).map(path => [
  path.replace(/^.*\/(\w+)\.vue$/, '$1'),
  path,
]))

/** On a page that is already open on the reader's phone, the QR code is its own link. */
const QrAsLink: Component = {
  name: 'SlidesQrCode',
  render: () => h('p', { class: 'qr-link' }, h('a', { href: deck.publicUrl }, deck.publicUrl)),
}

/** What the deck shows differently when it is read as a page. */
const readingOverrides: Record<string, Component> = {
  SlidesQrCode: QrAsLink,
  // The deck's link to this page, seen on this page.
  ReadingViewLink: {
    name: 'ReadingViewLink',
    render: () => null,
  },
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

type Highlighter = Awaited<ReturnType<typeof createHighlighter>>

/** Shiki with the deck's own light and dark themes (setup/shiki.ts), for every language the slides use. */
async function deckHighlighter(slides: ReadingSlide[]): Promise<{ highlighter: Highlighter, themes: Record<string, string> }> {
  const { themes } = (shikiSetup as unknown as () => { themes: Record<string, string> })()
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
function createMarkdown(highlighter: Highlighter, themes: Record<string, string>, { linkify }: { linkify: boolean }) {
  const md = MarkdownExit({ html: true, linkify, typographer: false })
  md.use(emoji as unknown as Parameters<typeof md.use>[0])
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

/** Renders one slide's markdown, components and all, to HTML. */
async function renderSlideBody(slide: ReadingSlide, md: ReturnType<typeof createMarkdown>, env: RenderEnv): Promise<string> {
  const template = md.render(slide.content, env)
  const used = new Set([
    ...template.matchAll(/<([A-Z]\w*)[\s/>]/g),
  ].map(m => m[1]))
  const components: Record<string, Component> = {}
  for (const name of used) {
    if (readingOverrides[name]) {
      components[name] = readingOverrides[name]
      continue
    }
    const path = componentByName.get(name)
    if (!path)
      throw new ReadingViewError(slide, `the reading view has no component <${name}> (components/${name}.vue).`)
    components[name] = (await componentFiles[path]()).default
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
  // Charts lay their bars out to fit a phone's width at a readable size.
  app.provide(barChartLayout, 'stacked')
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
  // The same words as the build's check of the rendered deck (scripts/render-check.ts).
  if (thrown)
    throw new ReadingViewError(slide, throwsWhileRendering(thrown.error, thrown.component), thrown)
  if (warnings.length)
    throw new ReadingViewError(slide, `the reading view could not render it: ${warnings.join('; ')}`)
  // Comments Vue leaves for hydration, and scoped-style attributes: the page has no app to hydrate.
  return scrollingTables(html.replace(/<!--[[\]]?-->/g, '').replace(/ data-v-[\da-f]{8}(?:="")?/g, ''), `on slide ${slide.no}`)
}

/** What a slide is, in a few words above it: its number, and for backups which demo they stand in for. */
function slideLabel(slide: ReadingSlide): string {
  const demo = typeof slide.frontmatter.demo === 'string'
    ? demos[slide.frontmatter.demo as keyof typeof demos]
    : undefined
  if (slide.frontmatter.layout === 'backup' && demo)
    return `Slide ${slide.no} · <span class="slide__kind">Demo backup</span> · <code>${escapeHtml(demo.folder)}</code>`
  return `Slide ${slide.no}`
}

/** The page: the title slide as its header, then one `<section id="N">` per slide. */
export async function renderReadingView({ slides, favicon, contentSecurityPolicy }: ReadingViewOptions): Promise<string> {
  const { highlighter, themes } = await deckHighlighter(slides)
  const md = createMarkdown(highlighter, themes, { linkify: true })
  const notesMd = createMarkdown(highlighter, themes, { linkify: false })
  const sections: string[] = []
  for (const slide of slides) {
    const cover = slide.no === 1
    const headingId = `slide-${slide.no}-title`
    const body = await renderSlideBody(slide, md, {
      shift: cover ? 1 : 2,
      vue: true,
      headingId,
    })
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
  const description = `${deck.title} by ${deck.speaker} (${deck.role}): the talk's ${slides.length} slides and speaker's notes as one page to read.`
  return `<!doctype html>
<html lang="${escapeHtml(String(slides[0]?.frontmatter.lang ?? 'en'))}">
<head>
${contentSecurityPolicy
  ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}">\n`
  : ''}<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(deck.title)}: the talk as a page</title>
<meta name="description" content="${escapeHtml(description)}">
<meta name="author" content="${escapeHtml(deck.speaker)}">
<meta name="color-scheme" content="light dark">
<link rel="canonical" href="${escapeHtml(new URL('read/', deck.publicUrl).href)}">
${favicon
  ? `<link rel="icon" href="${escapeHtml(favicon)}">\n`
  : ''}<style>
${readingViewStyle}</style>
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
<p>${escapeHtml(deck.title)} · ${escapeHtml(deck.speaker)} · <a href="../?view=slides">View as slides</a></p>
</footer>
</body>
</html>
`
}
