import type { SourceSlideInfo } from '@slidev/types'
import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseSync } from '@slidev/parser'
import emojiByName from 'markdown-it-emoji/lib/data/full.mjs'
import { bundledLanguagesInfo } from 'shiki'
import { closest, validateKeys } from 'slidev-addons-kit/keys'
import { scanMarkdown } from './markdown.ts'

/**
 * Finds the mistakes a speaker makes while editing a deck, which Slidev would otherwise turn into a
 * blank or broken slide without a word: frontmatter that is not valid YAML, an unknown layout or
 * component, an image that is not there, a code block never closed, a code language the
 * highlighter does not know, a line-highlight step past the end of its code, an emoji shortcode
 * that does not exist, a frontmatter key that is not as declared (slidev-addons-kit/keys: the
 * declarations of every root, and Slidev's own key names for a guess at a misspelt one). Rules of a deck's own (`setup/deck-check.ts` in any of Slidev's roots, see
 * deck.ts) run after these.
 */

export interface Problem {
  /** The file with the mistake, as given (slides.md or an imported file). */
  file: string
  /** 1-based line of the mistake. */
  line: number
  /** 1-based number of the slide, as in its URL. */
  slide: number
  message: string
}

/** A problem a rule finds; its file is the slides file unless it says otherwise. */
export type RuleProblem = Omit<Problem, 'file'> & { file?: string }

/** What a rule of the deck's own is given: the slides as Slidev's parser reads them. */
export interface DeckSource {
  /** The slides file, absolute. */
  file: string
  /** Its lines. */
  lines: string[]
  /** Its slides, in file order, with the 1-based number each has in the deck's URL. */
  slides: Array<{ no: number, info: SourceSlideInfo, frontmatter: Record<string, unknown> }>
  /** The deck's folder. */
  root: string
}

/** A rule of a deck's own: the default export of `setup/deck-check.ts`, or a list of them. */
export type DeckRule = (deck: DeckSource) => RuleProblem[]

export interface CheckOptions {
  /** The deck's folder (public/, and relative image paths); by default the folder of the slides file. */
  root?: string
  /**
   * Slidev's roots (theme, addons, deck): where components and layouts are looked up. By default
   * the deck's folder and its theme.
   */
  roots?: string[]
  /** Rules of the deck's own, run after the built-in ones. */
  rules?: DeckRule[]
  /**
   * The frontmatter and headmatter keys the deck and its addons read (each root's
   * `setup/deck-check.ts` exports them as `keys`): every slide is checked against them. Without
   * any, a key is still named when it is a near miss of one of Slidev's own (`layuot`).
   */
  keys?: readonly KeyDeclaration[]
  /**
   * Whether `:name:` emoji shortcodes render as emoji in this deck (a markdown-it-emoji plugin).
   * By default: when the deck writes at least one shortcode that exists.
   */
  emojiShortcodes?: boolean
  /** Code languages the highlighter knows beyond shiki's own (custom grammars in setup/shiki.ts). */
  languages?: string[]
}

/** `slides.md:123 (slide 14): unknown component <DemoLnk>. Did you mean <DemoLink>?` */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  return `${relative(cwd, problem.file) || problem.file}:${problem.line} (slide ${problem.slide}): ${problem.message}`
}

/** The closest of `known` to `name`, if it is close enough to be a typo: the kit's, which the key check uses too. */
export { closest }

function namesIn(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir))
    return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => extensions.includes(extname(file)) && !/\.(?:test|spec|d)\.[jt]s$/.test(file))
    .map(file => basename(file, extname(file)))
}

const pascal = (kebab: string) => kebab.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())

/** Vue's own components, usable in any slide. */
const vueBuiltins = [
  'Transition',
  'TransitionGroup',
  'KeepAlive',
  'Teleport',
  'Suspense',
  'Component',
  'Slot',
  'Template',
  'RouterLink',
  'RouterView',
]

interface DeckVocabulary {
  components: Set<string>
  layouts: Set<string>
  iconCollections: Set<string>
}

/** The `node_modules` folders Node looks in from `root`: its own, then each parent's. */
export function nodeModulesFrom(root: string): string[] {
  const dirs: string[] = []
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules'))
    if (dirname(dir) === dir)
      return dirs
  }
}

/**
 * The folder of an installed package, looked up from `root` as Node looks it up. Its
 * `package.json` is read directly, so a package whose `exports` map does not list it (most
 * themes) is found too.
 */
export function packageDir(root: string, name: string): string | undefined {
  return nodeModulesFrom(root).map(dir => join(dir, name)).find(dir => existsSync(join(dir, 'package.json')))
}

/** The theme's folder, as Slidev resolves a theme name. */
export function themeRoot(root: string, theme: string): string | undefined {
  if (theme === 'none')
    return undefined
  if (theme.startsWith('.') || theme.startsWith('/'))
    return resolve(root, theme)
  return packageDir(root, theme.startsWith('@') || theme.startsWith('slidev-theme-')
    ? theme
    : `@slidev/theme-${theme}`)
}

/**
 * What a slide may use, read from the file system the way Slidev finds it: components in
 * `components/` of every root (theme, addons, deck) and Slidev's built-ins; layouts in `layouts/`
 * of every root and Slidev's; icons of the installed `@iconify-json/*` collections (`<carbon-logo-github />`).
 */
function deckVocabulary(root: string, roots: string[]): DeckVocabulary {
  const client = packageDir(root, '@slidev/client')
  const componentExtensions = [
    '.vue',
    '.md',
    '.js',
    '.ts',
    '.jsx',
    '.tsx',
  ]
  const components = new Set([
    ...vueBuiltins,
    ...roots.flatMap(dir => namesIn(join(dir, 'components'), componentExtensions)),
    ...(client
      ? namesIn(join(client, 'builtin'), componentExtensions)
      : []),
  ].map(name => pascal(name)))
  const layouts = new Set([
    ...roots.flatMap(dir => namesIn(join(dir, 'layouts'), ['.vue'])),
    ...(client
      ? namesIn(join(client, 'layouts'), ['.vue'])
      : []),
  ])
  const iconDirs = [
    ...nodeModulesFrom(root).map(dir => join(dir, '@iconify-json')),
    ...(client
      ? [
          join(client, '../../@iconify-json'),
        ]
      : []),
  ]
  const iconCollections = new Set(iconDirs.filter(existsSync).flatMap(dir => readdirSync(dir)))
  return { components, layouts, iconCollections }
}

/** Every language name shiki knows, aliases included, with the plain and special ones. */
const knownLanguages = new Set([
  ...bundledLanguagesInfo.flatMap(lang => [
    lang.id,
    ...(lang.aliases ?? []),
  ]),
  'text',
  'txt',
  'plain',
  'plaintext',
  'ansi',
  // Slidev renders these itself (diagrams), not through the highlighter.
  'mermaid',
  'plantuml',
  'kroki',
])

/** A code block's line-highlight steps, `{1-2|40-50|all}` → ['1-2', '40-50', 'all'], if it has any. */
export function highlightSteps(info: string): string[] | undefined {
  const braces = info.match(/\{([^{}]*)\}/)
  if (!braces || braces[1].includes(':'))
    return undefined
  return braces[1].split('|').map(step => step.trim())
}

/** The highest line a step names (`40-50` → 50, `3,7` → 7), or 0 for `all`, `none`, `*`, `hide`. */
function lastLineOf(step: string): number {
  return Math.max(0, ...step.split(',').flatMap(part => part.split('-')).map(n => Number(n.trim())).filter(n => Number.isInteger(n)))
}

/** `:name:` shortcodes in a masked line: a name of letters, digits, `_`, `+`, `-` with a letter in it. */
const shortcodePattern = /(?<![\w:/]):([-\d+_]*[A-Z][-\w+]*):(?![\w/])/gi

function yamlErrorLine(error: unknown): number | undefined {
  const pos = (error as { linePos?: Array<{ line: number }> }).linePos
  return pos?.[0]?.line
}

/** Checks a deck's markdown file; returns every problem found, in file order. */
export function checkDeck(file: string, options: CheckOptions = {}): Problem[] {
  const path = resolve(file)
  const root = resolve(options.root ?? dirname(path))
  const source = readFileSync(path, 'utf8')
  const fileLines = source.split(/\r?\n/)
  const { slides } = parseSync(source, path)
  const headmatter = (slides[0]?.frontmatter ?? {}) as Record<string, unknown>
  const theme = themeRoot(root, typeof headmatter.theme === 'string'
    ? headmatter.theme
    : 'default')
  const roots = options.roots ?? [
    ...(theme
      ? [theme]
      : []),
    root,
  ]
  const vocabulary = deckVocabulary(root, roots)
  const languages = new Set([
    ...knownLanguages,
    ...(options.languages ?? []),
  ])
  const emojiOn = options.emojiShortcodes ?? [
    ...source.matchAll(shortcodePattern),
  ].some(match => match[1] in emojiByName)
  const numbered: DeckSource['slides'] = []

  const problems: Problem[] = []
  let visibleNo = 0
  for (const slide of slides as SourceSlideInfo[]) {
    const frontmatter = slide.frontmatter as unknown
    const hidden = typeof frontmatter === 'object' && frontmatter !== null && ((frontmatter as Record<string, unknown>).hide === true || (frontmatter as Record<string, unknown>).disabled === true)
    if (!hidden)
      visibleNo++
    const no = Math.max(visibleNo, 1)
    const report = (line: number, message: string) => problems.push({ file: path, line, slide: no, message })
    /** 1-based file line of the frontmatter's first line (the one after `---`). */
    const frontmatterLine = slide.start + 2

    /** 1-based file line of the frontmatter's last line. */
    const frontmatterEnd = slide.start + 1 + Math.max(1, (slide.frontmatterRaw ?? '').replace(/\n$/, '').split('\n').length)
    for (const error of slide.frontmatterDoc?.errors ?? []) {
      const line = yamlErrorLine(error)
      const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
      // YAML notices some mistakes (an unclosed bracket) only after the last line: point at that line.
      report(line
        ? Math.min(slide.start + 1 + line, frontmatterEnd)
        : frontmatterLine, `the frontmatter between the --- lines is not valid YAML (${what}). Each line is "key: value"; check colons, quotes, brackets and indentation.`)
    }
    if (slide.frontmatterRaw?.trim() && (typeof frontmatter !== 'object' || frontmatter === null || Array.isArray(frontmatter)) && !slide.frontmatterDoc?.errors?.length)
      report(frontmatterLine, `the frontmatter between the --- lines must be "key: value" lines (is a space missing after a colon?).`)

    const fm = (typeof frontmatter === 'object' && frontmatter !== null
      ? frontmatter
      : {}) as Record<string, unknown>
    numbered.push({ no, info: slide, frontmatter: fm })
    const fmLine = (key: string) => {
      const index = fileLines.slice(slide.start, slide.contentStart).findIndex(l => l.startsWith(`${key}:`))
      return index >= 0
        ? slide.start + index + 1
        : frontmatterLine
    }
    if (typeof fm.layout === 'string' && !vocabulary.layouts.has(fm.layout)) {
      const guess = closest(fm.layout, vocabulary.layouts)
      report(fmLine('layout'), `unknown layout "${fm.layout}".${guess
        ? ` Did you mean "${guess}"?`
        : ''} Layouts: ${[...vocabulary.layouts].sort().join(', ')}.`)
    }
    for (const key of ['image', 'background', 'backgroundImage']) {
      const value = fm[key]
      if (typeof value === 'string')
        checkImage(value, fmLine(key))
    }

    const lines = fileLines.slice(slide.contentStart, slide.end)
    const { masked, fences } = scanMarkdown(lines)
    const lineOf = (index: number) => slide.contentStart + index + 1
    for (const fence of fences) {
      if (fence.end === undefined)
        report(lineOf(fence.start), `the code block opened here with ${fence.marker} is never closed, so the rest of the slide shows as code. Add a line with ${fence.marker} where the code ends.`)
      if (fence.lang && !languages.has(fence.lang.toLowerCase())) {
        const guess = closest(fence.lang, knownLanguages)
        report(lineOf(fence.start), `the code block's language "${fence.lang}" is not one the highlighter knows, so the build stops.${guess
          ? ` Did you mean "${guess}"?`
          : ''} Write "text" for code without highlighting.`)
      }
      const steps = highlightSteps(fence.info)
      const count = fence.code.length
      steps?.forEach((step, index) => {
        const last = lastLineOf(step)
        if (last > count) {
          report(lineOf(fence.start), `the line-highlight step ${index + 1} "${step}" of {${steps.join('|')}} is past the end of the ${count}-line code block, so that click highlights nothing. Lines are counted from 1 in the block.`)
        }
      })
    }

    masked.forEach((line, index) => {
      for (const match of line.matchAll(/<([A-Z][\w.-]*)(?=[\s/>])/gi)) {
        const tag = match[1]
        const isComponent = /^[A-Z]/.test(tag)
        const isCustomElement = !isComponent && tag.includes('-')
        if (!isComponent && !isCustomElement)
          continue
        const name = pascal(tag)
        if (vocabulary.components.has(name))
          continue
        if (isCustomElement && vocabulary.iconCollections.has(tag.split('-')[0]))
          continue
        if (isCustomElement && [...vocabulary.iconCollections].some(c => tag.startsWith(`${c}-`) || tag.startsWith(`i-${c}-`)))
          continue
        const guess = closest(name, vocabulary.components)
        report(lineOf(index), `unknown component <${tag}>.${guess
          ? ` Did you mean <${guess}>?`
          : ''} Slidev would leave it blank. Components live in components/.`)
      }
      if (emojiOn) {
        for (const match of line.matchAll(shortcodePattern)) {
          const name = match[1]
          if (name in emojiByName)
            continue
          const guess = closest(name, Object.keys(emojiByName))
          report(lineOf(index), `no emoji ":${name}:", so it shows as text.${guess
            ? ` Did you mean ":${guess}:"?`
            : ''}`)
        }
      }
      for (const match of line.matchAll(/!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        checkImage(match[1], lineOf(index))
      for (const match of line.matchAll(/<img\s(?:[^>]*\s)?src\s*=\s*(["'])(.*?)\1/g))
        checkImage(match[2], lineOf(index))
    })

    function checkImage(url: string, line: number) {
      if (/^(?:[a-z]+:|\/\/|#)/i.test(url) || url.includes('{{'))
        return
      const clean = decodeURIComponent(url.replace(/[?#].*$/, ''))
      const candidates = clean.startsWith('/')
        ? [
            join(root, 'public', clean),
            join(root, clean),
          ]
        : [
            resolve(dirname(path), clean),
            join(root, 'public', clean),
          ]
      if (!candidates.some(existsSync))
        report(line, `image "${url}" not found: there is no ${relative(root, candidates[0])}. Images go in public/ (and are written "/name.png") or next to the slides file.`)
    }
  }
  const deck: DeckSource = {
    file: path,
    lines: fileLines,
    slides: numbered,
    root,
  }
  problems.push(...validateKeys(options.keys ?? [], { file: path, slides: slides as SourceSlideInfo[], lines: fileLines }))
  for (const rule of options.rules ?? [])
    problems.push(...rule(deck).map(problem => ({ file: path, ...problem })))
  return problems.sort((a, b) => a.line - b.line)
}

/** The nearest folder above `file` with a package.json: the deck a markdown file belongs to. */
export function projectOf(file: string): string {
  let dir = dirname(resolve(file))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir)
    dir = dirname(dir)
  return existsSync(join(dir, 'package.json'))
    ? dir
    : dirname(resolve(file))
}
