import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import type { CheckOptions, DeckRule, Problem } from './check.ts'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { createJiti } from 'jiti'
import { readOptions } from 'slidev-addons-kit/keys'
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

/** The keys the deck check reads, declared once: `deckCheckConfig` reads them, setup/deck-check.ts exports them. */
export const deckCheckKeys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'deckCheck',
    type: 'map',
    description: 'the deck check\'s options',
  },
  {
    where: 'headmatter',
    path: 'deckCheck.emojiShortcodes',
    type: 'boolean',
    description: 'whether :name: shortcodes render as emoji',
  },
  {
    where: 'headmatter',
    path: 'deckCheck.languages',
    type: 'string list',
    description: 'code languages the highlighter knows beyond shiki\'s bundled ones',
  },
]

/** Reads `deckCheck:` from the headmatter, as `deckCheckKeys` declares it; a wrong value is an error that names the key. */
export function deckCheckConfig(raw: unknown, file = 'slides.md'): DeckCheckConfig {
  const config = readOptions<DeckCheckConfig>(deckCheckKeys, 'deckCheck', raw, file) ?? {}
  return { emojiShortcodes: config.emojiShortcodes, languages: config.languages }
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

/** What the roots' `setup/deck-check.ts` files give the check: rules, and the keys the deck and its addons read. */
export interface DeckSetup {
  rules: DeckRule[]
  keys: KeyDeclaration[]
}

const isKeyList = (value: unknown): value is KeyDeclaration[] => Array.isArray(value) && value.every(key => typeof key === 'object' && key !== null && typeof key.path === 'string' && (key.where === 'headmatter' || key.where === 'slide'))

/**
 * What each root's `setup/deck-check.ts` gives, loaded as Slidev loads its setup files (jiti), so
 * they may be TypeScript anywhere: its rules, the default export (a rule, a list of rules, or
 * `{ rules, keys }`), and its key declarations (slidev-addons-kit/keys), a named export `keys`
 * (or `keys` of the default export).
 */
export async function deckSetup(roots: string[]): Promise<DeckSetup> {
  const jiti = createJiti(import.meta.url, { moduleCache: false })
  const setup: DeckSetup = { rules: [], keys: [] }
  for (const root of roots) {
    const file = join(root, 'setup/deck-check.ts')
    if (!existsSync(file))
      continue
    const loaded = await jiti.import<{ default?: unknown, keys?: unknown }>(file)
    const given = loaded.default
    const both = typeof given === 'object' && given !== null && !Array.isArray(given)
      ? given as { rules?: unknown, keys?: unknown }
      : undefined
    const rules = both
      ? both.rules ?? []
      : given ?? []
    const list = Array.isArray(rules)
      ? rules as unknown[]
      : [rules]
    if (!list.every(rule => typeof rule === 'function'))
      throw new Error(`${file}: its default export must be a rule (deck => problems), a list of rules, or { rules, keys }.`)
    // jiti lets the default export's own properties through: a default list of rules has a keys() method.
    const named = typeof loaded.keys === 'function'
      ? undefined
      : loaded.keys
    const keys = named ?? both?.keys ?? []
    if (!isKeyList(keys))
      throw new Error(`${file}: its keys must be a list of key declarations ({ where: 'headmatter' | 'slide', path, type, description }, slidev-addons-kit/keys).`)
    setup.rules.push(...list as DeckRule[])
    setup.keys.push(...keys)
  }
  return setup
}

/** The rules of a deck's own, in each root's `setup/deck-check.ts` (deckSetup). */
export async function deckRules(roots: string[]): Promise<DeckRule[]> {
  return (await deckSetup(roots)).rules
}

/** The keys the deck and its addons declare, in each root's `setup/deck-check.ts` (deckSetup). */
export async function deckKeys(roots: string[]): Promise<KeyDeclaration[]> {
  return (await deckSetup(roots)).keys
}

/** Every problem of the deck of `entry`, with its roots, rules and options. */
export async function checkWholeDeck(entry: string, options: CheckOptions = {}): Promise<Problem[]> {
  const path = resolve(entry)
  const root = options.root ?? projectOf(path)
  const roots = options.roots ?? deckRoots(path, root)
  const { slides } = parseSync(readFileSync(path, 'utf8'), path)
  let config: DeckCheckConfig = {}
  try {
    config = deckCheckConfig(slides[0]?.frontmatter?.deckCheck, path)
  }
  catch {
    // A wrong deckCheck: is named by its line below, as every declared key is (deckCheckKeys).
  }
  const setup = options.rules && options.keys
    ? undefined
    : await deckSetup(roots)
  return checkDeck(path, {
    root,
    roots,
    rules: options.rules ?? setup?.rules,
    keys: options.keys ?? setup?.keys,
    emojiShortcodes: options.emojiShortcodes ?? config.emojiShortcodes,
    languages: options.languages ?? config.languages,
  })
}

/**
 * The command line, as a deck's own script calls it (`slidev-deck-check [slides.md ...]`, bin/): checks each file
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
