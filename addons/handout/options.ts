/** A link in the handout's page footer: "Demos: github.com/…". */
export interface HandoutLink {
  /** Words before the link ("Demos:"); may be empty. */
  label: string
  /** The link's text. */
  text: string
  href: string
}

export interface HandoutOptions {
  title: string
  author?: string
  /** The deck's public address, on every page's header (the headmatter's `seoMeta.ogUrl`). */
  url?: string
  links: HandoutLink[]
}

/**
 * What the handout shows of the headmatter: `title`, `author`, `seoMeta.ogUrl`, and
 * `handout.links` (a list of `{ label, text, href }`) for the page footer. A link without a text
 * or an address is an error that names the key.
 */
export function handoutOptions(config: { title?: string, author?: unknown, seoMeta?: { ogUrl?: string }, handout?: unknown }): HandoutOptions {
  const raw = (config.handout ?? {}) as { links?: unknown }
  const links = raw.links ?? []
  if (!Array.isArray(links))
    throw new TypeError('slides.md: the headmatter\'s handout.links must be a list of { label, text, href }.')
  return {
    title: String(config.title ?? ''),
    author: typeof config.author === 'string'
      ? config.author
      : undefined,
    url: config.seoMeta?.ogUrl,
    links: links.map((link: Partial<HandoutLink>, index) => {
      if (typeof link?.href !== 'string' || typeof link.text !== 'string')
        throw new TypeError(`slides.md: the headmatter's handout.links[${index}] needs a text and an href.`)
      return {
        label: String(link.label ?? ''),
        text: link.text,
        href: link.href,
      }
    }),
  }
}

/**
 * The handout PDF's name in the built site: the slides PDF's name (Slidev's `exportFilename`, or its
 * default `slidev-exported`) with `-handout`, so that the two sit side by side.
 */
export function handoutFile(config: { exportFilename?: string | null }): string {
  return `${config.exportFilename || 'slidev-exported'}-handout.pdf`
}
