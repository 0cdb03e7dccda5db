import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { readOptions } from 'slidev-addons-kit/keys'

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
 * The keys the handout reads of its own, declared once (slidev-addons-kit/keys): `handoutOptions`
 * reads `handout:` through them, and setup/deck-check.ts gives them to the deck check, which names a
 * wrong or misspelt one by its line in `npm run check`.
 */
export const handoutKeys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'handout',
    type: 'map',
    description: 'the handout\'s options',
  },
  {
    where: 'headmatter',
    path: 'handout.links',
    type: 'list of maps',
    description: 'links in the page footer',
  },
  {
    where: 'headmatter',
    path: 'handout.links[].label',
    type: 'string',
    description: 'words before the link ("Demos:")',
  },
  {
    where: 'headmatter',
    path: 'handout.links[].text',
    type: 'string',
    required: true,
    description: 'the link\'s text',
  },
  {
    where: 'headmatter',
    path: 'handout.links[].href',
    type: 'string',
    required: true,
    description: 'the link\'s address',
  },
]

/**
 * What the handout shows of the headmatter: `title`, `author`, `seoMeta.ogUrl`, and
 * `handout.links` (a list of `{ label, text, href }`) for the page footer, as `handoutKeys`
 * declares them. A link without a text or an address is an error that names the key.
 */
export function handoutOptions(config: { title?: string, author?: unknown, seoMeta?: { ogUrl?: string }, handout?: unknown }): HandoutOptions {
  const { links = [] } = readOptions<{ links?: Array<Partial<HandoutLink>> }>(handoutKeys, 'handout', config.handout) ?? {}
  return {
    title: String(config.title ?? ''),
    author: typeof config.author === 'string'
      ? config.author
      : undefined,
    url: config.seoMeta?.ogUrl,
    links: links.map(link => ({
      label: String(link.label ?? ''),
      text: link.text!,
      href: link.href!,
    })),
  }
}

/**
 * The handout PDF's name in the built site: the slides PDF's name (Slidev's `exportFilename`, or its
 * default `slidev-exported`) with `-handout`, so that the two sit side by side.
 */
export function handoutFile(config: { exportFilename?: string | null }): string {
  return `${config.exportFilename || 'slidev-exported'}-handout.pdf`
}
