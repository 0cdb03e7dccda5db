import type { PolicyAdditions } from 'slidev-addons-kit/policy'

/**
 * How another Vite plugin adds to the reading view, without knowing it by name: it carries
 * `api.readingView` (a `ReadingViewContribution`), which the reading view collects from every plugin
 * of the build, as slidev-addon-static-site collects `api.contentSecurityPolicy`.
 *
 * ```ts
 * const plugin: Plugin = {
 *   name: 'my-addon',
 *   api: { readingView: { readBodyStart: '<p><a href="../live/">Live</a></p>' } satisfies ReadingViewContribution },
 * }
 * ```
 */
export interface ReadingViewContribution {
  /** HTML at the start of `read/`'s body, which runs no script: a link to another page, say. */
  readBodyStart?: string
  /** Pages like `read/`, with more on them (slidev-addon-follow's `follow/`). */
  pages?: ReadingPageVariant[]
  /**
   * What kind of slide this is, in a word beside its number ("Slide 7 · Backup") and as a class of
   * its section (`slide--backup`), or undefined (slidev-addon-road marks its backup slides so).
   */
  slideKind?: (slide: { no: number, frontmatter: Record<string, unknown> }) => SlideKind | undefined
}

/** A kind of slide, as the page shows it. */
export interface SlideKind {
  label: string
  /** A class of the slide's `<section>`, for the page's CSS or a component's. */
  className?: string
}

/** A page made from the reading view, at its own path. */
export interface ReadingPageVariant {
  /** Its path under the site's base, ending in `/`: `follow/`. */
  path: string
  /** HTML at the end of its `<head>` (a `<style>`). */
  head?: string
  /** HTML at the start of its `<body>`. */
  bodyStart?: string
  /** Sources its policy adds to the reading view's (`script-src`, `connect-src`). */
  policy?: PolicyAdditions
  /** The module scripts it loads, in order, by address (called when the page is written). */
  scripts?: (context: ReadingPageContext) => string[]
  /**
   * A query parameter that means this page: the deck's links from it carry it
   * (`?view=slides&follow`), and a phone held upright that opens the deck with it (`/?follow`)
   * lands here rather than on `read/`.
   */
  query?: string
}

export interface ReadingPageContext {
  command: 'build' | 'serve'
  /** The site's base (`/`, `/talk/`). */
  base: string
  /** In a build, the file name of a chunk the contributing plugin emitted (`this.getFileName`). */
  fileName?: (referenceId: string) => string
}

/** Every plugin's `api.readingView`, in plugin order. */
export function readingViewContributions(plugins: ReadonlyArray<{ api?: unknown }>): ReadingViewContribution[] {
  return plugins.flatMap((plugin) => {
    const contribution = (plugin.api as { readingView?: ReadingViewContribution } | undefined)?.readingView
    return contribution
      ? [contribution]
      : []
  })
}
