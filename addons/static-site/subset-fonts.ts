import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import subsetFont from 'subset-font'

/** Every printable ASCII character: whatever is typed into the deck or Slidev's UI renders in the deck's fonts. */
const ascii = Array.from({ length: 0x7F - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

/** What markdown's typography and Slidev's UI add to typed text: curly quotes, dashes, ellipsis, arrows. */
const typographic = '\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00B7\u2022\u2190\u2192\u00D7\u00A0'

/** Emoji are drawn by the system's colour emoji font, never by the deck's text fonts. */
const emoji = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]/u

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir))
    return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(name => pattern.test(name))
    .map(name => join(dir, name))
}

/**
 * The characters the deck can show: printable ASCII plus every other character written in its
 * markdown, in the components and layouts of every root (the deck, its theme and addons), in
 * their `global-*.vue` and `slide-*.vue` layers, and in the deck's `textFrom` folders (emoji left out).
 */
export function deckCharacters(roots: string[], markdown: string[], textFrom: string[] = []): string {
  const files = [
    ...roots.flatMap(root => [
      ...filesUnder(join(root, 'components'), /\.vue$/),
      ...filesUnder(join(root, 'layouts'), /\.vue$/),
      ...(existsSync(root)
        ? readdirSync(root).filter(name => name.endsWith('.vue')).map(name => join(root, name))
        : []),
    ]),
    ...textFrom.flatMap(dir => filesUnder(dir, /\.(?:ts|js|json|vue)$/)),
  ]
  const sources = [
    ...markdown,
    ...files.map(file => readFileSync(file, 'utf8')),
  ]
  const chars = new Set(ascii + typographic)
  for (const source of sources) {
    for (const char of source) {
      if (char.codePointAt(0)! > 0x7F && !emoji.test(char) && !/\s/.test(char))
        chars.add(char)
    }
  }
  return [...chars].sort().join('')
}

/**
 * Ships the deck's web fonts (the `@fontsource` files that the deck's CSS imports) cut down to
 * the characters the deck uses, so slide 1 downloads about a third of the bytes. The characters
 * are read from the deck's files on every build, so a new character in slides.md is never lost.
 * Only the build is changed: `slidev` (dev) serves the full fonts.
 */
export function subsetFonts({ markdown, roots, textFrom = [], preload = [] }: {
  /** The deck's markdown files, read at the start of each build. */
  markdown: () => string[]
  /** Slidev's roots (the theme, the addons, the deck): their components and layouts are read too. */
  roots: string[]
  /** More folders whose files put text on the slides (a deck's data modules), absolute paths. */
  textFrom?: string[]
  /**
   * Font files (`inter-latin-400-normal`) to fetch with the page rather than once slide 1 has
   * rendered: the ones slide 1 and most slides use, so the first slide does not wait for them.
   */
  preload?: string[]
}): Plugin {
  let base = '/'
  let chars = ''
  let cacheDir = ''

  /** The subset of a font file, written once per font and character set into Vite's cache folder. */
  async function subsetFile(original: string): Promise<string> {
    const font = readFileSync(original)
    const key = createHash('sha256').update(font).update(chars).digest('hex').slice(0, 16)
    const file = join(cacheDir, key, basename(original))
    if (!existsSync(file)) {
      const targetFormat = original.endsWith('.woff')
        ? 'woff'
        : 'woff2'
      // noLayoutClosure: only the glyphs of these characters, not every alternate a feature could reach.
      const subset = await subsetFont(font, chars, { targetFormat, noLayoutClosure: true })
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, subset)
    }
    return file
  }

  return {
    name: 'deck-subset-fonts',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      base = config.base
      cacheDir = join(config.cacheDir, 'deck-fonts')
    },
    buildStart() {
      chars = deckCharacters(roots, markdown(), textFrom)
    },
    transformIndexHtml: {
      order: 'post',
      handler(_, context) {
        const files = Object.keys(context.bundle ?? {})
        return preload.map((name) => {
          const file = files.find(f => f.startsWith('assets/') && f.endsWith('.woff2') && basename(f).startsWith(`${name}-`))
          if (!file)
            throw new Error(`subsetFonts: no font file "${name}" to preload; the build has ${files.filter(f => f.endsWith('.woff2')).join(', ')}`)
          return {
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
              href: `${base}${file}`,
            },
            injectTo: 'head' as const,
          }
        })
      },
    },
    // `@import '@fontsource/…/latin-400.css'` in the deck's CSS: inline the package's @font-face
    // rules with their font files replaced by the subsets.
    transform: {
      filter: { id: /\.css$/ },
      async handler(code, id) {
        const imports = [
          ...code.matchAll(/@import\s+(["'])(@fontsource\/[^"']+\.css)\1\s*;/g),
        ]
        if (!imports.length)
          return undefined
        for (const [statement, , spec] of imports) {
          const resolved = await this.resolve(spec, id)
          if (!resolved)
            this.error(`${spec} (imported by ${id}) is not installed`)
          const css = readFileSync(resolved.id, 'utf8')
          let inlined = css
          for (const [, url] of css.matchAll(/url\(["']?([^"')\s]+\.woff2?)["']?\)/g))
            inlined = inlined.replace(url, await subsetFile(resolve(dirname(resolved.id), url)))
          code = code.replace(statement, inlined)
        }
        return { code, map: null }
      },
    },
  }
}
