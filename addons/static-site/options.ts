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

const stringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string')

/** Reads `staticSite:` from the headmatter; a wrong type is an error that names the file and the key. */
export function staticSiteOptions(raw: unknown, file = 'slides.md'): StaticSiteOptions {
  const options = (raw ?? {}) as Record<string, unknown>
  if (typeof options !== 'object' || Array.isArray(options))
    throw new TypeError(`${file}: the headmatter's staticSite must be a map (staticSite: { preloadFonts: [...] }).`)
  for (const key of ['preloadFonts', 'textFrom'] as const) {
    if (options[key] !== undefined && !stringList(options[key]))
      throw new Error(`${file}: the headmatter's staticSite.${key} must be a list of strings.`)
  }
  if (options.allowRemote !== undefined && typeof options.allowRemote !== 'boolean')
    throw new Error(`${file}: the headmatter's staticSite.allowRemote must be true or false.`)
  return {
    preloadFonts: (options.preloadFonts as string[] | undefined) ?? [],
    textFrom: (options.textFrom as string[] | undefined) ?? [],
    allowRemote: (options.allowRemote as boolean | undefined) ?? true,
  }
}
