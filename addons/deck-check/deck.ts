import type { CheckOptions, DeckRule, Problem } from './check.ts'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { createJiti } from 'jiti'
import { checkDeck, formatProblem, packageDir, projectOf, themeRoot } from './check.ts'

/**
 * The deck check of a whole deck, as `slidev` sees it: its roots (theme, addons, the deck itself),
 * the rules of its own in any root's `setup/deck-check.ts`, and the headmatter's `deckCheck:`
 * options. The build and the dev server get the roots from Slidev; the command line finds them here.
 */

/** The headmatter's `deckCheck:` options. */
export interface DeckCheckConfig {
  /** Whether `:name:` shortcodes render as emoji (default: when the deck writes one that exists). */
  emojiShortcodes?: boolean
  /** Code languages the highlighter knows beyond shiki's bundled ones. */
  languages?: string[]
}

/** Reads `deckCheck:` from the headmatter; a wrong type is an error that names the key. */
export function deckCheckConfig(raw: unknown, file = 'slides.md'): DeckCheckConfig {
  if (raw === undefined || raw === null)
    return {}
  const config = raw as Record<string, unknown>
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new TypeError(`${file}: the headmatter's deckCheck must be a map (deckCheck: { emojiShortcodes: true }).`)
  if (config.emojiShortcodes !== undefined && typeof config.emojiShortcodes !== 'boolean')
    throw new Error(`${file}: the headmatter's deckCheck.emojiShortcodes must be true or false.`)
  if (config.languages !== undefined && !(Array.isArray(config.languages) && config.languages.every(lang => typeof lang === 'string')))
    throw new Error(`${file}: the headmatter's deckCheck.languages must be a list of language names.`)
  return { emojiShortcodes: config.emojiShortcodes as boolean | undefined, languages: config.languages as string[] | undefined }
}

/** An addon's folder, as Slidev 53 resolves its name: `@slidev/addon-x`, `slidev-addon-x`, then `x`. */
function addonRoot(root: string, name: string): string | undefined {
  if (name.startsWith('.') || name.startsWith('/'))
    return resolve(dirname(root), name)
  if (name.startsWith('@/'))
    return resolve(root, name.slice(2))
  const candidates = name.startsWith('@') || name.startsWith('slidev-addon-')
    ? [name]
    : [`@slidev/addon-${name}`, `slidev-addon-${name}`, name]
  for (const candidate of candidates) {
    const dir = packageDir(root, candidate)
    if (dir)
      return dir
  }
  return undefined
}

/** Slidev's roots for the deck of `entry`: its theme, its addons (headmatter or package.json), the deck. */
export function deckRoots(entry: string, root = projectOf(entry)): string[] {
  const { slides } = parseSync(readFileSync(entry, 'utf8'), entry)
  const headmatter = (slides[0]?.frontmatter ?? {}) as Record<string, unknown>
  const packageFile = join(root, 'package.json')
  const fromPackage = existsSync(packageFile)
    ? (JSON.parse(readFileSync(packageFile, 'utf8')) as { slidev?: { addons?: unknown } }).slidev?.addons
    : undefined
  const names = [headmatter.addons, fromPackage].flatMap(list => Array.isArray(list)
    ? list
    : []).filter((name): name is string => typeof name === 'string')
  const theme = themeRoot(root, typeof headmatter.theme === 'string'
    ? headmatter.theme
    : 'default')
  const addons = names.map((name) => {
    const dir = addonRoot(root, name)
    if (!dir)
      throw new Error(`${entry}: the addon "${name}" is not installed (looked for slidev-addon-${name}).`)
    return dir
  })
  return [
    ...new Set([
      ...(theme
        ? [theme]
        : []),
      ...addons,
      root,
    ]),
  ]
}

/**
 * The rules of a deck's own: the default export (a rule or a list of rules) of `setup/deck-check.ts`
 * in each root, loaded as Slidev loads its setup files (jiti), so they may be TypeScript anywhere.
 */
export async function deckRules(roots: string[]): Promise<DeckRule[]> {
  const jiti = createJiti(import.meta.url, { moduleCache: false })
  const rules: DeckRule[] = []
  for (const root of roots) {
    const file = join(root, 'setup/deck-check.ts')
    if (!existsSync(file))
      continue
    const loaded = await jiti.import<DeckRule | DeckRule[]>(file, { default: true })
    const list = Array.isArray(loaded)
      ? loaded
      : [loaded]
    if (!list.every(rule => typeof rule === 'function'))
      throw new Error(`${file}: its default export must be a rule (deck => problems) or a list of rules.`)
    rules.push(...list)
  }
  return rules
}

/** Every problem of the deck of `entry`, with its roots, rules and options. */
export async function checkWholeDeck(entry: string, options: CheckOptions = {}): Promise<Problem[]> {
  const path = resolve(entry)
  const root = options.root ?? projectOf(path)
  const roots = options.roots ?? deckRoots(path, root)
  const { slides } = parseSync(readFileSync(path, 'utf8'), path)
  const config = deckCheckConfig(slides[0]?.frontmatter?.deckCheck, path)
  return checkDeck(path, {
    root,
    roots,
    rules: options.rules ?? await deckRules(roots),
    emojiShortcodes: options.emojiShortcodes ?? config.emojiShortcodes,
    languages: options.languages ?? config.languages,
  })
}

/**
 * The command line, as a deck's own script calls it (`node scripts/check-deck.ts [slides.md ...]`): checks each file
 * (slides.md by default) against the deck it belongs to, writes each problem to `error` and a
 * summary, and returns the exit code: 1 if there are any.
 */
export async function main(files: string[], out: { log: (line: string) => void, error: (line: string) => void } = console): Promise<number> {
  const problems: Problem[] = []
  for (const file of files.length
    ? files
    : ['slides.md'])
    problems.push(...await checkWholeDeck(file))
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
