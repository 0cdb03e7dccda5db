import type { SourceSlideInfo } from '@slidev/types'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@slidev/parser'
import leven from 'leven'
import { demos as deckDemos, demoRepo } from '../data/deck.ts'
import { checkPlan } from '../pace/plan.ts'

/**
 * Finds the mistakes a speaker makes while editing the deck, which Slidev would otherwise turn into
 * a blank or broken slide without a word: frontmatter that is not valid YAML, an unknown layout or
 * component, an image that is not there, a demo that does not exist, a code block never closed.
 *
 * `npm test` runs it first (`npm run check`), and the build and the dev server run it through
 * plugins/deck-check.ts, so the speaker sees the message in the terminal and in the browser.
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

export interface CheckOptions {
  /** The deck's folder (components/, layouts/, public/); by default the folder of the slides file. */
  root?: string
  /** Demo ids and their folders; by default `demos` of data/deck.ts. */
  demos?: Record<string, { folder: string }>
  /** The demo repository's file list, one path a line (`#` starts a comment line); by default data/demo-repo-tree.txt. */
  demoTree?: string
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** The demo repository's file list, as the messages name it. */
export const demoTreeFile = 'data/demo-repo-tree.txt'
const defaultTree = join(projectRoot, demoTreeFile)

/** `slides.md:123 (slide 14): unknown component <DemoLnk>. Did you mean <DemoLink>?` */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  return `${relative(cwd, problem.file) || problem.file}:${problem.line} (slide ${problem.slide}): ${problem.message}`
}

/** The closest of `known` to `name`, if it is close enough to be a typo. */
function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3))
    ? best
    : undefined
}

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

/**
 * What a slide may use, read from the file system the way Slidev finds it: components in the deck's
 * and the theme's `components/` and Slidev's built-ins; layouts in `layouts/` of the deck, the theme
 * and Slidev; icons of the installed `@iconify-json/*` collections (`<carbon-logo-github />`).
 */
function deckVocabulary(root: string, theme: string): DeckVocabulary {
  const require = createRequire(join(root, 'package.json'))
  const packageDir = (name: string) => {
    try {
      return dirname(require.resolve(`${name}/package.json`))
    }
    catch {
      return undefined
    }
  }
  const client = packageDir('@slidev/client')
  const themeDir = theme.startsWith('.') || theme.startsWith('/')
    ? resolve(root, theme)
    : packageDir(theme.startsWith('@') || theme.startsWith('slidev-theme-')
        ? theme
        : `@slidev/theme-${theme}`)
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
    ...namesIn(join(root, 'components'), componentExtensions),
    ...(themeDir
      ? namesIn(join(themeDir, 'components'), componentExtensions)
      : []),
    ...(client
      ? namesIn(join(client, 'builtin'), componentExtensions)
      : []),
  ].map(name => pascal(name)))
  const layouts = new Set([
    ...namesIn(join(root, 'layouts'), ['.vue']),
    ...(themeDir
      ? namesIn(join(themeDir, 'layouts'), ['.vue'])
      : []),
    ...(client
      ? namesIn(join(client, 'layouts'), ['.vue'])
      : []),
  ])
  const iconDirs = [
    join(root, 'node_modules/@iconify-json'),
    ...(client
      ? [
          join(client, '../../@iconify-json'),
        ]
      : []),
  ]
  const iconCollections = new Set(iconDirs.filter(existsSync).flatMap(dir => readdirSync(dir)))
  return { components, layouts, iconCollections }
}

/** Folders and files of the demo repository. */
function demoPaths(tree: string): Set<string> {
  const paths = new Set<string>()
  for (const path of tree.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
    const parts = path.split('/')
    for (let i = 1; i <= parts.length; i++)
      paths.add(parts.slice(0, i).join('/'))
  }
  return paths
}

interface MaskedSlide {
  /** The slide's lines with code, inline code and HTML comments blanked out (same length). */
  lines: string[]
  /** Index (in `lines`) and marker of a code fence that is never closed. */
  unclosedFence?: { index: number, marker: string }
}

/** Blanks out what Slidev does not read as markup: fenced code, `inline code` and `<!-- notes -->`. */
function maskSlide(lines: string[]): MaskedSlide {
  const masked: string[] = []
  let fence: { index: number, marker: string } | undefined
  let inComment = false
  lines.forEach((line, index) => {
    const fenceMatch = line.match(/^\s*(`{3,}|~{3,})/)
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.marker[0] && fenceMatch[1].length >= fence.marker.length && !line.trim().slice(fenceMatch[1].length).trim())
        fence = undefined
      masked.push('')
      return
    }
    if (!inComment && fenceMatch && !(fenceMatch[1][0] === '`' && line.trim().slice(fenceMatch[1].length).includes('`'))) {
      fence = { index, marker: fenceMatch[1] }
      masked.push('')
      return
    }
    let out = ''
    let rest = line
    while (rest) {
      if (inComment) {
        const end = rest.indexOf('-->')
        if (end < 0) {
          out += ' '.repeat(rest.length)
          rest = ''
        }
        else {
          out += ' '.repeat(end + 3)
          rest = rest.slice(end + 3)
          inComment = false
        }
        continue
      }
      const start = rest.indexOf('<!--')
      const chunk = start < 0
        ? rest
        : rest.slice(0, start)
      out += chunk.replace(/(`+)[^`]*\1/g, code => ' '.repeat(code.length))
      if (start < 0)
        break
      out += '    '
      rest = rest.slice(start + 4)
      inComment = true
    }
    masked.push(out)
  })
  return { lines: masked, unclosedFence: fence }
}

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
  const vocabulary = deckVocabulary(root, typeof headmatter.theme === 'string'
    ? headmatter.theme
    : 'default')
  const demos: Record<string, { folder: string }> = options.demos ?? deckDemos
  const repoFiles = demoPaths(options.demoTree ?? readFileSync(defaultTree, 'utf8'))
  const repoLink = new RegExp(`github\\.com/${demoRepo.owner}/${demoRepo.name}/(?:tree|blob)/[^/\\s)"'<>]+/([^\\s)"'<>#?]+)`, 'g')

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
    if (typeof fm.demo === 'string' && !(fm.demo in demos)) {
      const guess = closest(fm.demo, Object.keys(demos))
      report(fmLine('demo'), `no demo "${fm.demo}".${guess
        ? ` Did you mean "${guess}"?`
        : ''} Demos (data/deck.ts): ${Object.keys(demos).join(', ')}.`)
    }
    for (const key of ['image', 'background', 'backgroundImage']) {
      const value = fm[key]
      if (typeof value === 'string')
        checkImage(value, fmLine(key))
    }

    const lines = fileLines.slice(slide.contentStart, slide.end)
    const masked = maskSlide(lines)
    const lineOf = (index: number) => slide.contentStart + index + 1
    if (masked.unclosedFence) {
      const { index, marker } = masked.unclosedFence
      report(lineOf(index), `the code block opened here with ${marker} is never closed, so the rest of the slide shows as code. Add a line with ${marker} where the code ends.`)
    }

    masked.lines.forEach((line, index) => {
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
      for (const match of line.matchAll(/<DemoLink\s(?:[^>]*\s)?id\s*=\s*(["'])(.*?)\1/g)) {
        const id = match[2]
        if (!(id in demos)) {
          const guess = closest(id, Object.keys(demos))
          report(lineOf(index), `<DemoLink id="${id}">: no such demo.${guess
            ? ` Did you mean "${guess}"?`
            : ''} Demos (data/deck.ts): ${Object.keys(demos).join(', ')}.`)
        }
        else if (!repoFiles.has(demos[id].folder)) {
          report(lineOf(index), `<DemoLink id="${id}"> links to the folder "${demos[id].folder}", which the demo repository does not have (${demoTreeFile}). Fix its folder in data/deck.ts.`)
        }
      }
      for (const match of line.matchAll(repoLink)) {
        const target = decodeURIComponent(match[1]).replace(/\/+$/, '')
        if (!repoFiles.has(target)) {
          const guess = closest(basename(target), [...repoFiles].map(p => basename(p)))
          const full = guess && [...repoFiles].find(p => basename(p) === guess)
          report(lineOf(index), `the link to the demo repository points at "${target}", which it does not have (${demoTreeFile}).${full
            ? ` Did you mean "${full}"?`
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
  // The pace plan (part, planned, duration): pace/plan.ts.
  problems.push(...checkPlan(slides).map(p => ({ file: path, ...p })))
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

/**
 * `node scripts/check-deck.ts [slides.md ...]`: checks each file (slides.md by default) against the deck
 * it belongs to, writes each problem to `error` and a summary, and returns the exit code: 1 if there are any.
 */
export function main(files: string[], out: { log: (line: string) => void, error: (line: string) => void } = console): number {
  const problems = (files.length
    ? files
    : ['slides.md']).flatMap(file => checkDeck(file, {
    root: projectOf(file),
  }))
  for (const problem of problems)
    out.error(formatProblem(problem))
  if (problems.length) {
    out.error(`\n${problems.length} problem${problems.length === 1
      ? ''
      : 's'} in the deck: fix ${problems.length === 1
      ? 'it'
      : 'them'} and run again.`)
    return 1
  }
  out.log(`deck check: ${files.length
    ? files.join(', ')
    : 'slides.md'} has no problems`)
  return 0
}

// Stryker disable next-line all: true only when Node runs this file itself, never under a test runner.
if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = main(process.argv.slice(2))
