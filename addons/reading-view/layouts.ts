import type { ReadingSlide } from './slides'

/**
 * Slides in their layouts, as Slidev renders them (its `layoutWrapper`): each slide's content is
 * the default slot of its layout, and what follows a slot marker line (`::right::`) the slot of that
 * name; the frontmatter is bound to the layout (`v-bind`), so a layout writes what the frontmatter
 * says (a cover's author and date, a figure's caption). On the page a layout gives its TEXT, and
 * pictures that are `<img>`s, around the slide's content as it places them: its classes and styles
 * are for the projector (backgrounds, columns, positions), so they go, and so does its CSS.
 */

/**
 * The frontmatter keys that Slidev keeps from a layout's props (`FRONTMATTER_FIELDS` of
 * `@slidev/client/constants`), and for slide 1 the headmatter's (`HEADMATTER_FIELDS`).
 */
const frontmatterFields = [
  'clicks',
  'clicksStart',
  'disabled',
  'hide',
  'hideInToc',
  'layout',
  'level',
  'preload',
  'routeAlias',
  'src',
  'title',
  'transition',
  'zoom',
  'dragPos',
  'lang',
  'clickAnimation',
]

const headmatterFields = [
  ...frontmatterFields,
  'theme',
  'titleTemplate',
  'info',
  'author',
  'keywords',
  'presenter',
  'browserExporter',
  'download',
  'exportFilename',
  'export',
  'highlighter',
  'lineNumbers',
  'monaco',
  'monacoTypesSource',
  'monacoTypesAdditionalPackages',
  'monacoRunAdditionalDeps',
  'monacoRunUseStrict',
  'remoteAssets',
  'selectable',
  'record',
  'colorSchema',
  'routerMode',
  'aspectRatio',
  'canvasWidth',
  'themeConfig',
  'favicon',
  'plantUmlServer',
  'fonts',
  'defaults',
  'drawings',
  'htmlAttrs',
  'mdc',
  'comark',
  'contextMenu',
  'wakeLock',
  'pwa',
  'seoMeta',
  'notesAutoRuby',
  'magicMoveDuration',
  'shiki',
  'preloadImages',
]

/**
 * The layout a slide renders in, as Slidev picks it: its frontmatter's `layout`, else the
 * headmatter's `defaults.layout`, else `cover` for slide 1 and `default` for every other; a name
 * that no root has is `default`.
 */
export function layoutName(slide: Pick<ReadingSlide, 'no' | 'frontmatter'>, headmatter: Record<string, unknown>, known: (name: string) => boolean): string {
  const defaults = headmatter.defaults as { layout?: unknown } | undefined
  const named = slide.frontmatter.layout ?? defaults?.layout
  const name = typeof named === 'string' && named
    ? named
    : slide.no === 1
      ? 'cover'
      : 'default'
  return known(name)
    ? name
    : 'default'
}

/** The props and attributes a slide's layout gets: its frontmatter without Slidev's own keys, and `frontmatter` itself. */
export function layoutProps(slide: Pick<ReadingSlide, 'no' | 'frontmatter'>): Record<string, unknown> {
  const omitted = new Set(slide.no === 1
    ? headmatterFields
    : frontmatterFields)
  return {
    ...Object.fromEntries(Object.entries(slide.frontmatter).filter(([key]) => !omitted.has(key))),
    frontmatter: slide.frontmatter,
  }
}

/** What a slot marker line (`::right::`) leaves in a slide's rendered markdown. */
export const slotSentinel = (slot: string): string => `<!--reading-slot:${slot}-->\n`

const sentinels = /<!--reading-slot:([\w.\-:]+)-->\n?/

/**
 * A slide's rendered markdown split at its slot markers: `written`, the parts in the order written
 * (the slide without a layout), and `slots`, the HTML of each slot by name (`default` is what comes
 * before the first marker, and parts of the same slot are one), as its layout gets them.
 */
export function slideParts(html: string): { written: string[], slots: Map<string, string> } {
  const pieces = html.split(sentinels)
  const written = [pieces[0]]
  const slots = new Map([
    ['default', pieces[0]],
  ])
  for (let i = 1; i < pieces.length; i += 2) {
    written.push(pieces[i + 1])
    slots.set(pieces[i], (slots.get(pieces[i]) ?? '') + pieces[i + 1])
  }
  return { written, slots }
}

/** The element that wraps a slot's content while its layout renders, so the page can tell the layout's own markup from it. */
export const slotElement = 'reading-slot-part'

const slotParts = new RegExp(`<${slotElement} data-slot="([^"]*)"[^>]*>([\\s\\S]*?)</${slotElement}>`, 'g')

/** The slots a layout rendered, by name (a layout may leave a slot out, as `default` leaves `::right::`). */
export function renderedSlots(html: string): Set<string> {
  return new Set([
    ...html.matchAll(slotParts),
  ].map(m => m[1]))
}

/** Attributes of a layout's own elements that the page keeps: what a link, a picture or a table cell means. */
const keptAttributes = new Set([
  'href',
  'src',
  'srcset',
  'alt',
  'title',
  'lang',
  'dir',
  'datetime',
  'cite',
  'colspan',
  'rowspan',
  'headers',
  'scope',
  'width',
  'height',
  'role',
  'rel',
  'start',
  'reversed',
  'controls',
  'poster',
])

/** The page's own classes that Slidev's built-ins give (builtins.ts: `<Toc>`, `<Youtube>`): the only ones a layout's elements keep. */
const pageClasses = new Set([
  'slide-caption',
  'slide-embed',
  'slide-toc',
  'slide-video',
])

/** Elements a layout's markup may leave empty once its classes and styles are gone, and that mean nothing so. */
const emptyElements = /<(div|span|[pbi]|section|header|footer|aside|article|main|nav|figure|figcaption|h[1-6]|ul|ol|li|strong|em|small|a|blockquote|code|label)(?:\s[^>]*)?>\s*<\/\1>/g

/**
 * A layout's rendered markup as the page shows it: the slots' content (`<reading-slot-part>`) as
 * the slide renders it, and around it the layout's own elements with only the attributes that
 * carry meaning (`keptAttributes`, and a class of the page's own, `pageClasses`): its
 * classes and inline styles (backgrounds, positions) go. A frame becomes a link to what it shows,
 * drawings (`<svg>`) and styles go, a picture without `alt` is decoration (`alt=""`), headings
 * follow the slide's levels (`shift`, as for its markdown), and elements left empty go.
 */
export function layoutMarkup(html: string, shift: number): string {
  const parts: string[] = []
  let markup = html.replace(slotParts, (_, _slot: string, inner: string) => `\u0000${parts.push(inner) - 1}\u0000`)
  markup = markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|template|object|noscript|canvas)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(?:link|meta|embed|base)\b[^>]*>/gi, '')
    .replace(/<iframe\b([^>]*)>[\s\S]*?<\/iframe>/gi, (_, attributes: string) => {
      const src = attributes.match(/\ssrc="([^"]+)"/)?.[1]
      return src
        ? `<p class="slide-embed">A web page on the slide: <a href="${src}">${src.replace(/^https?:\/\//, '')}</a></p>`
        : ''
    })
    .replace(/<([a-z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/gi, (_, name: string, attributes: string, close: string) => {
      const kept = [
        ...attributes.matchAll(/\s+([^\s"'>/=]+)(?:="([^"]*)")?/g),
      ].flatMap(([, attribute, value]) => {
        if (attribute === 'class') {
          const classes = (value ?? '').split(/\s+/).filter(c => pageClasses.has(c))
          return classes.length
            ? [` class="${classes.join(' ')}"`]
            : []
        }
        return keptAttributes.has(attribute) || attribute.startsWith('aria-')
          ? [
              value === undefined
                ? ` ${attribute}`
                : ` ${attribute}="${value}"`,
            ]
          : []
      })
      if (name.toLowerCase() === 'img' && !kept.some(a => a.startsWith(' alt=')))
        kept.push(' alt=""')
      return `<${name}${kept.join('')}${close ? ' /' : ''}>`
    })
    .replace(/<(\/?)h([1-6])\b/gi, (_, end: string, level: string) => `<${end}h${Math.min(6, Number(level) - 1 + shift)}`)
  for (let before = ''; before !== markup;) {
    before = markup
    markup = markup.replace(emptyElements, '')
  }
  return markup.replace(/\0(\d+)\0/g, (_, n: string) => parts[Number(n)])
}
