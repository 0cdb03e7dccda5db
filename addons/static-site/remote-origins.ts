import type { PolicyAdditions } from 'slidev-addons-kit/policy'

/**
 * The other sites a deck itself reaches, read from what it is made of, by the kind of request the
 * policy names them under: its pictures (Slidev's own list of each slide's images, the favicon), its
 * web fonts (Slidev's font provider), its embeds (`<Tweet>`, `<Youtube>`, `<iframe>`, an iframe
 * layout's `url`), its videos, PlantUML diagrams (drawn by a remote server) and the stylesheets its
 * CSS imports. A deck that names none (this talk) reaches only itself.
 */

export interface DeckSources {
  /** The slides' markdown, one string a slide, and their frontmatter. */
  slides: Array<{ content: string, frontmatter: Record<string, unknown>, images?: string[] }>
  /** The headmatter's favicon. */
  favicon?: string
  /** Slidev's resolved fonts: the provider and the fonts it fetches from it. */
  fonts?: { provider?: string, webfonts?: string[] }
  /** Slidev's PlantUML server (`plantUmlServer`). */
  plantUmlServer?: string
  /** The built stylesheets (their `url(…)` and `@import`). */
  css?: string[]
}

/** What each kind of remote request needs, and why, for the build's one line. */
export interface RemoteOrigin {
  origin: string
  directive: string
  /** What on the deck asks for it: `an image`, `<Tweet>`, `Google Fonts`… */
  what: string
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.origin
      : undefined
  }
  catch {
    return undefined
  }
}

/** Embeds of Slidev's built-in components, by the origins they load. */
const builtinEmbeds: Array<{ tag: RegExp, what: string, needs: Array<[string, string]> }> = [
  {
    tag: /<Tweet\b/,
    what: '<Tweet>',
    needs: [
      ['script-src', 'https://platform.twitter.com'],
      ['frame-src', 'https://platform.twitter.com'],
      ['img-src', 'https://pbs.twimg.com'],
      ['img-src', 'https://syndication.twitter.com'],
    ],
  },
  {
    tag: /<Youtube\b/,
    what: '<Youtube>',
    needs: [
      ['frame-src', 'https://www.youtube.com'],
    ],
  },
  {
    tag: /<BlueSky\b/,
    what: '<BlueSky>',
    needs: [
      ['script-src', 'https://embed.bsky.app'],
      ['frame-src', 'https://embed.bsky.app'],
    ],
  },
]

/** Every remote origin the deck asks for, each with its directive, once. */
export function remoteOrigins(deck: DeckSources): RemoteOrigin[] {
  const found = new Map<string, RemoteOrigin>()
  const add = (directive: string, url: string | undefined, what: string) => {
    const origin = url && originOf(url)
    if (origin && !found.has(`${directive} ${origin}`))
      found.set(`${directive} ${origin}`, { origin, directive, what })
  }
  for (const slide of deck.slides) {
    for (const image of slide.images ?? [])
      add('img-src', image, 'an image')
    for (const [, url] of slide.content.matchAll(/<(?:img|image)\b[^>]*?\ssrc=["']([^"']+)/gi))
      add('img-src', url, 'an image')
    for (const [, url] of slide.content.matchAll(/!\[[^\]]*\]\(\s*<?(https?:[^\s)>]+)/g))
      add('img-src', url, 'an image')
    for (const [, url] of slide.content.matchAll(/<(?:video|audio|source|SlidevVideo)\b[^>]*?\ssrc=["']([^"']+)/gi))
      add('media-src', url, 'a video')
    for (const [, url] of slide.content.matchAll(/<iframe\b[^>]*?\ssrc=["']([^"']+)/gi))
      add('frame-src', url, 'an <iframe>')
    const layout = String(slide.frontmatter.layout ?? '')
    if (layout.startsWith('iframe'))
      add('frame-src', String(slide.frontmatter.url ?? ''), `layout: ${layout}`)
    // A picture named in the frontmatter: Slidev's `image` and `background`, and a theme's own keys
    // (`coverBackgroundUrl`, `figureUrl`), by what their names say.
    for (const [key, value] of Object.entries(slide.frontmatter)) {
      if (typeof value === 'string' && /image|background|bg|figure|photo|picture|logo|src/i.test(key))
        add('img-src', value, `the frontmatter's ${key}`)
    }
    for (const embed of builtinEmbeds) {
      if (embed.tag.test(slide.content)) {
        for (const [directive, origin] of embed.needs)
          add(directive, origin, embed.what)
      }
    }
    if (/^\s*(?:`{3,}|~{3,})\s*plantuml\b/m.test(slide.content))
      add('img-src', deck.plantUmlServer ?? 'https://www.plantuml.com/plantuml', 'a PlantUML diagram')
  }
  add('img-src', deck.favicon, 'the favicon')
  if (deck.fonts?.provider === 'google' && deck.fonts.webfonts?.length) {
    add('style-src', 'https://fonts.googleapis.com', 'Google Fonts (fonts.provider)')
    add('font-src', 'https://fonts.gstatic.com', 'Google Fonts (fonts.provider)')
  }
  for (const css of deck.css ?? []) {
    for (const [, url] of css.matchAll(/@import\s+(?:url\(\s*)?["']?(https?:[^"')\s]+)/g))
      add('style-src', url, 'a stylesheet the CSS imports')
    for (const [, url] of css.replace(/@import[^;]*;/g, '').matchAll(/url\(\s*["']?(https?:[^"')\s]+)/g)) {
      const font = /\.(?:woff2?|ttf|otf|eot)(?:[?#]|$)/i.test(url)
      add(font ? 'font-src' : 'img-src', url, font ? 'a font the CSS names' : 'a picture the CSS names')
    }
  }
  return [
    ...found.values(),
  ].sort((a, b) => a.directive.localeCompare(b.directive) || a.origin.localeCompare(b.origin))
}

/** The origins as additions to the policy, by directive. */
export function remoteAdditions(origins: RemoteOrigin[]): PolicyAdditions {
  const additions: PolicyAdditions = {}
  for (const { directive, origin } of origins)
    (additions[directive] ??= []).push(origin)
  return additions
}

/** The build's one line about them: allowed, or blocked with the option that allows them. */
export function remoteOriginsLine(origins: RemoteOrigin[], allowed: boolean): string | undefined {
  if (!origins.length)
    return undefined
  const list = origins.map(o => `${o.origin} (${o.directive}, ${o.what})`).join(', ')
  return allowed
    ? `slidev-addon-static-site: the policy lets the deck reach what it names itself: ${list}. Set staticSite.allowRemote: false to block them.`
    : `slidev-addon-static-site: the policy blocks what the deck names on other sites: ${list}. Set staticSite.allowRemote: true (the default) to allow them.`
}
