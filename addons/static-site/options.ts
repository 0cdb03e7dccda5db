import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { readOptions } from 'slidev-addons-kit/keys'

/** The headmatter's `staticSite:` options. */
export interface StaticSiteOptions {
  /**
   * Font files to fetch with the page (`inter-latin-400-normal`), rather than once slide 1 has
   * rendered: the ones slide 1 and most slides use.
   */
  preloadFonts: string[]
  /** Folders of the deck (relative to it) whose files put text on slides, for the font subsets. */
  textFrom: string[]
  /**
   * Whether the policy lets the deck reach the other sites it names itself (its remote pictures,
   * embeds, web fonts: remote-origins.ts). Default true; either way the build names them.
   */
  allowRemote: boolean
}

/**
 * The keys static-site reads, declared once (slidev-addons-kit/keys): `staticSiteOptions` reads
 * `staticSite:` through them at build time, and setup/deck-check.ts gives them to the deck check,
 * which names a wrong or misspelt one by its line in `npm run check`.
 */
export const staticSiteKeys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'staticSite',
    type: 'map',
    description: 'the static site\'s options',
  },
  {
    where: 'headmatter',
    path: 'staticSite.preloadFonts',
    type: 'string list',
    description: 'font files to fetch with the page (inter-latin-400-normal)',
  },
  {
    where: 'headmatter',
    path: 'staticSite.textFrom',
    type: 'string list',
    description: 'folders of the deck whose files put text on slides, for the font subsets',
  },
  {
    where: 'headmatter',
    path: 'staticSite.allowRemote',
    type: 'boolean',
    description: 'whether the policy lets the deck reach the other sites it names itself',
  },
]

/** Reads `staticSite:` from the headmatter as `staticSiteKeys` declares it; a wrong value is an error that names the file and the key. */
export function staticSiteOptions(raw: unknown, file = 'slides.md'): StaticSiteOptions {
  const options = readOptions<Partial<StaticSiteOptions>>(staticSiteKeys, 'staticSite', raw, file) ?? {}
  return {
    preloadFonts: options.preloadFonts ?? [],
    textFrom: options.textFrom ?? [],
    allowRemote: options.allowRemote ?? true,
  }
}
