import leven from 'leven'

/**
 * The frontmatter and headmatter keys a deck's talk or an addon reads, each declared once, and ONE
 * validator for them: the addon reads its options through the declarations at build time
 * (`readOptions`), and the deck check (slidev-addon-deck-check) validates every slide against the
 * declarations of every root (`validateKeys`), naming the file, the line of the key and the slide.
 *
 * Why a small table of our own and not valibot or zod: the types these keys need are six (text,
 * true/false, number, a list of text, a map, a list of maps), and what matters here lies outside a
 * schema library: where a key is read (headmatter or any slide), companions on the same slide,
 * uniqueness across slides, the YAML line of each nested key, a guess at a misspelt key among
 * Slidev's own, and messages a speaker reads ("must be true or false, not "yes"") rather than a
 * library's ("Invalid type: Expected boolean but received "yes""). A schema library would carry
 * the types only, its issues would still be mapped to lines and rewritten, and every addon
 * would load it. A declaration is also plain data, so the READMEs' Options tables read as it does.
 */

/** A key's type. A `map`'s fields, and each map's fields of a `list of maps`, are declared as keys of their own. */
export type KeyType = 'string' | 'boolean' | 'number' | 'string list' | 'map' | 'list of maps'

/** A key that must be on the same slide: present (`'part'`), or with a value (`{ path: 'backup', value: true }`). */
export type Companion = string | { path: string, value: unknown }

export interface KeyDeclaration {
  /**
   * Where the key is read: `headmatter`, the deck's options (the first slide's frontmatter), or
   * `slide`, any slide's frontmatter (the first's too).
   */
  where: 'headmatter' | 'slide'
  /**
   * The key's path: `part`, `staticSite.preloadFonts`; a field of each map of a list of maps is
   * `handout.links[].href`. A nested key's parents are declared too (`staticSite`, a map).
   */
  path: string
  /** Its type, or the types it may have (`['string', 'number']`). */
  type: KeyType | readonly KeyType[]
  /** What it is, in one line: the Options tables and the messages say it. */
  description: string
  /** The values it takes (a string, or each string of a list); a function is asked at check time. */
  values?: readonly string[] | (() => readonly string[])
  /** Where those values come from, for the message ("the demos in data/deck.ts"). */
  valuesFrom?: string
  /** A pattern a string (or each string of a list) must match, and how the message says it. */
  pattern?: { test: RegExp, words: string }
  /**
   * A check beyond type, values and pattern: what is wrong with the value, as words that follow the
   * key's name (`"soon" cannot be read as a time`), or undefined.
   */
  check?: (value: unknown) => string | undefined
  /** A nested key its map cannot do without (`handout.links[].href`). */
  required?: boolean
  /** A top-level slide key that means something only with one of these on the same slide. */
  needs?: readonly Companion[]
  /** No two slides may give this top-level key the same value (part names). */
  unique?: boolean
  /** A map that takes keys it does not declare (by default a declared map names each key it takes). */
  open?: boolean
  /**
   * The key may be written without a value (`broker:`), which means none. Otherwise a key without
   * one is named: it is most often a value YAML read as a comment (`themeColor: #b7410e`). A map
   * without a value is always allowed (its keys all commented out).
   */
  empty?: boolean
}

/** A problem, as the deck check's `Problem`: file, 1-based line of the key, 1-based slide number as in its URL. */
export interface KeyProblem {
  file: string
  line: number
  slide: number
  message: string
}

/**
 * Slidev 53's own frontmatter keys: the `Frontmatter` interface of `@slidev/types` (keys.test.ts
 * holds this list to the installed dist/index.d.mts). Only for guesses: Slidev allows any key.
 */
export const slidevFrontmatterKeys: readonly string[] = [
  'layout',
  'class',
  'clicks',
  'clicksStart',
  'preload',
  'hide',
  'disabled',
  'hideInToc',
  'title',
  'level',
  'routeAlias',
  'zoom',
  'clickAnimation',
  'dragPos',
  'src',
  'transition',
]

/** Slidev 53's own headmatter keys: `HeadmatterConfig` of `@slidev/types`, and `Headmatter`'s `defaults`. */
export const slidevHeadmatterKeys: readonly string[] = [
  'title',
  'titleTemplate',
  'theme',
  'addons',
  'remoteAssets',
  'download',
  'codeCopy',
  'magicMoveCopy',
  'author',
  'info',
  'highlighter',
  'twoslash',
  'lineNumbers',
  'colorSchema',
  'routerMode',
  'aspectRatio',
  'canvasWidth',
  'selectable',
  'themeConfig',
  'fonts',
  'favicon',
  'drawings',
  'plantUmlServer',
  'record',
  'remote',
  'css',
  'presenter',
  'browserExporter',
  'htmlAttrs',
  'comark',
  'mdc',
  'editor',
  'mcp',
  'contextMenu',
  'wakeLock',
  'pwa',
  'exportFilename',
  'monaco',
  'monacoTypesSource',
  'monacoTypesAdditionalPackages',
  'monacoTypesIgnorePackages',
  'monacoRunAdditionalDeps',
  'monacoRunUseStrict',
  'seoMeta',
  'notesAutoRuby',
  'duration',
  'timer',
  'magicMoveDuration',
  'shiki',
  'clickAnimation',
  'preloadImages',
  'transition',
  'defaults',
]

/**
 * Keys Slidev and its built-in layouts read that its types do not list: the export options, the
 * document's language, a slide's name and layout class, the built-in layouts' props.
 */
export const slidevUntypedKeys: readonly string[] = [
  'export',
  'lang',
  'name',
  'layoutClass',
  'srcSequence',
  'image',
  'background',
  'backgroundSize',
  'url',
  'position',
  'dir',
]

/** The closest of `known` to `name`, if it is close enough to be a typo (as the deck check guesses names). */
export function closest(name: string, known: Iterable<string>, limit = Math.max(2, Math.floor(name.length / 3))): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= limit
    ? best
    : undefined
}

/**
 * The known key an unknown one was meant to be, stricter than `closest` for short names: a deck
 * may use any key of its own, so only a near miss is worth a word (`layuot`, `planed`).
 */
export function closestKey(name: string, known: Iterable<string>): string | undefined {
  return closest(name, known, name.length <= 4
    ? 1
    : name.length <= 9
      ? 2
      : 3)
}

/** A YAML node as Slidev's parser leaves it (`yaml`'s Document nodes): what the line lookup needs. */
interface YamlNode {
  range?: [number, number, number] | null
  items?: Array<YamlNode | YamlPair>
  value?: unknown
}
interface YamlPair {
  key: YamlNode | null
  value: YamlNode | null
}

const isPair = (item: unknown): item is YamlPair => typeof item === 'object' && item !== null && 'key' in item && 'value' in item
function keyName(node: YamlNode | null | undefined) {
  return node && typeof node === 'object' && 'value' in node
    ? String(node.value)
    : undefined
}

/** The pair of `key` in a YAML map node. */
function pairOf(map: YamlNode | null | undefined, key: string): YamlPair | undefined {
  return map?.items?.find((item): item is YamlPair => isPair(item) && keyName(item.key) === key)
}

/** Where a problem is: the YAML node its line is read from (none when reading options at build time). */
interface Found {
  message: string
  node?: YamlNode | null
  /** A key written without a value: the validator says so when a `#` on its line made the value a comment. */
  empty?: boolean
}

/** A key without a value, where its declaration does not allow that (`empty`, or a map). */
function noValue(declaration: KeyDeclaration, name: string, node?: YamlNode | null): Found[] {
  const types = typeof declaration.type === 'string'
    ? [declaration.type]
    : declaration.type
  return declaration.empty || types.includes('map')
    ? []
    : [
        { message: `${label(declaration.where, name)} has no value.`, node, empty: true },
      ]
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const typeWords: Record<KeyType, string> = {
  'string': 'text',
  'boolean': 'true or false',
  'number': 'a number',
  'string list': 'a list of strings',
  'map': 'a map',
  'list of maps': 'a list of maps',
}

function hasType(type: KeyType, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string'
    case 'boolean': return typeof value === 'boolean'
    case 'number': return typeof value === 'number' && Number.isFinite(value)
    case 'string list': return Array.isArray(value) && value.every(item => typeof item === 'string')
    case 'map': return isMap(value)
    case 'list of maps': return Array.isArray(value)
  }
}

const shown = (value: unknown) => JSON.stringify(value) ?? String(value)

/** The fields declared under `path` (`staticSite` → preloadFonts, …; `handout.links[]` → label, …). */
function fieldsOf(declarations: readonly KeyDeclaration[], where: KeyDeclaration['where'], path: string): KeyDeclaration[] {
  return declarations.filter(d => d.where === where && d.path.startsWith(`${path}.`) && !d.path.slice(path.length + 1).includes('.'))
}

const fieldName = (declaration: KeyDeclaration) => declaration.path.slice(declaration.path.lastIndexOf('.') + 1)

/** How a key is named in a message: `the headmatter's staticSite.preloadFonts`, or a slide's `backup`. */
function label(where: KeyDeclaration['where'], name: string): string {
  return where === 'headmatter'
    ? `the headmatter's ${name}`
    : name
}

/** The words for a map's fields, `{ label, text, href }`. */
function fieldList(fields: readonly KeyDeclaration[]): string {
  return `{ ${fields.map(fieldName).join(', ')} }`
}

/** Everything wrong with `value` as `declaration` declares it; `name` is how the message names it (`handout.links[0].text`). */
function checkValue(declarations: readonly KeyDeclaration[], declaration: KeyDeclaration, value: unknown, name: string, node?: YamlNode | null, valueNode?: YamlNode | null): Found[] {
  const { where } = declaration
  const types = typeof declaration.type === 'string'
    ? [declaration.type]
    : declaration.type
  if (!types.some(type => hasType(type, value))) {
    const fields = fieldsOf(declarations, where, declaration.path)
    const items = fieldsOf(declarations, where, `${declaration.path}[]`)
    const words = types.map(type => type === 'map' && fields.length
      ? `a map of ${fieldList(fields)}`
      : type === 'list of maps' && items.length
        ? `a list of ${fieldList(items)}`
        : typeWords[type]).join(' or ')
    return [
      { message: `${label(where, name)} must be ${words}, not ${shown(value)}.`, node },
    ]
  }
  const found: Found[] = []
  const strings = typeof value === 'string'
    ? [value]
    : Array.isArray(value) && value.every(item => typeof item === 'string')
      ? value as string[]
      : []
  const values = typeof declaration.values === 'function'
    ? declaration.values()
    : declaration.values
  for (const text of strings) {
    if (values && !values.includes(text)) {
      const guess = closest(text, values)
      found.push({
        message: `${label(where, name)} "${text}" is not one it takes.${guess
          ? ` Did you mean "${guess}"?`
          : ''} It takes: ${values.join(', ')}${declaration.valuesFrom
          ? ` (${declaration.valuesFrom})`
          : ''}.`,
        node,
      })
    }
    else if (declaration.pattern && !declaration.pattern.test.test(text)) {
      found.push({ message: `${label(where, name)} must be ${declaration.pattern.words}, not ${shown(text)}.`, node })
    }
  }
  const wrong = found.length
    ? undefined
    : declaration.check?.(value)
  if (wrong)
    found.push({ message: `${label(where, name)} ${wrong}`, node })
  if (isMap(value) && types.includes('map'))
    found.push(...checkMap(declarations, declaration, declaration.path, value, name, node, valueNode))
  if (Array.isArray(value) && types.includes('list of maps')) {
    value.forEach((item, index) => {
      const itemNode = valueNode?.items?.[index] as YamlNode | undefined
      const itemName = `${name}[${index}]`
      const fields = fieldsOf(declarations, where, `${declaration.path}[]`)
      if (!isMap(item))
        found.push({ message: `${label(where, itemName)} must be a map of ${fieldList(fields)}, not ${shown(item)}.`, node: itemNode ?? node })
      else
        found.push(...checkMap(declarations, declaration, `${declaration.path}[]`, item, itemName, itemNode ?? node, itemNode))
    })
  }
  return found
}

/** The fields of a map: each checked as declared, unknown ones named (with a guess), required ones missing. */
function checkMap(declarations: readonly KeyDeclaration[], parent: KeyDeclaration, path: string, value: Record<string, unknown>, name: string, node?: YamlNode | null, mapNode?: YamlNode | null): Found[] {
  const { where } = parent
  const fields = fieldsOf(declarations, where, path)
  const found: Found[] = []
  for (const [key, item] of Object.entries(value)) {
    const pair = pairOf(mapNode, key)
    const field = fields.find(f => fieldName(f) === key)
    if (field) {
      found.push(...item === undefined || item === null
        ? noValue(field, `${name}.${key}`, pair?.key ?? node)
        : checkValue(declarations, field, item, `${name}.${key}`, pair?.key ?? node, pair?.value))
    }
    else if (!parent.open) {
      const guess = closest(key, fields.map(fieldName))
      found.push({
        message: `${label(where, name)} has "${key}", which it does not know.${guess
          ? ` Did you mean "${guess}"?`
          : ''} It takes ${fieldList(fields)}.`,
        node: pair?.key ?? node,
      })
    }
  }
  for (const field of fields) {
    if (field.required && (value[fieldName(field)] === undefined || value[fieldName(field)] === null))
      found.push({ message: `${label(where, name)} needs ${fieldName(field)} (${field.description}).`, node })
  }
  return found
}

/**
 * The problems of one top-level key's value (`staticSite`, `follow`), as the build reads it:
 * messages that name the key, in the order of the value's keys.
 */
export function optionProblems(declarations: readonly KeyDeclaration[], path: string, value: unknown): string[] {
  const declaration = declarations.find(d => d.path === path)
  if (!declaration)
    throw new Error(`no declaration of the key ${path}`)
  if (value === undefined || value === null)
    return []
  return checkValue(declarations, declaration, value, path).map(found => found.message)
}

/**
 * Reads a top-level key's value (`staticSite:` of the headmatter) as declared, for an addon's
 * build: the value, or a TypeError that names `file` and each key that is wrong (the deck check
 * names them by line).
 */
export function readOptions<T>(declarations: readonly KeyDeclaration[], path: string, value: unknown, file = 'slides.md'): T | undefined {
  const problems = optionProblems(declarations, path, value)
  if (problems.length) {
    throw new TypeError(`${file}: ${problems.map((problem, index) => index
      ? problem[0].toUpperCase() + problem.slice(1)
      : problem).join(' ')}`)
  }
  return (value ?? undefined) as T | undefined
}

/** A slide as Slidev's parser (`@slidev/parser`) reads it: what the validator needs of its `SourceSlideInfo`. */
export interface KeySourceSlide {
  /** 0-based line of the slide's opening `---` (the headmatter's too). */
  start: number
  frontmatter?: unknown
  frontmatterRaw?: string
  frontmatterStyle?: 'frontmatter' | 'yaml'
  frontmatterDoc?: { contents?: unknown } | null
}

/** A companion, as a message writes it: `part`, `backup: true`. */
function companionWords(companion: Companion) {
  return typeof companion === 'string'
    ? companion
    : `${companion.path}: ${String(companion.value)}`
}

function holds(companion: Companion, frontmatter: Record<string, unknown>): boolean {
  return typeof companion === 'string'
    ? frontmatter[companion] !== undefined && frontmatter[companion] !== null
    : frontmatter[companion.path] === companion.value
}

/**
 * Every problem of a deck's keys, given the declarations of all its roots and Slidev's parse of the
 * file (`parseSync(...).slides`, and the file's `lines` to place a frontmatter written as a ```yaml
 * block): a declared key of the wrong type, a value not allowed, an unknown key of a declared map,
 * a key without its companion, a value two slides share that must be unique, a headmatter key on
 * another slide, and an unknown key close to a declared or Slidev's own (with the guess). An
 * unknown key close to none is no problem: Slidev allows any frontmatter.
 */
export function validateKeys(declarations: readonly KeyDeclaration[], deck: { file: string, slides: readonly KeySourceSlide[], lines?: readonly string[] }): KeyProblem[] {
  const problems: KeyProblem[] = []
  const topLevel = declarations.filter(d => !d.path.includes('.'))
  const declaredNames = topLevel.map(d => d.path)
  const firstSeen = new Map<string, { line: number, slide: number }>()
  let visible = 0
  deck.slides.forEach((slide, index) => {
    const frontmatter = slide.frontmatter
    if (!isMap(frontmatter) || (frontmatter.hide !== true && frontmatter.disabled !== true))
      visible++
    const no = Math.max(visible, 1)
    if (!isMap(frontmatter))
      return
    const firstLine = frontmatterFirstLine(slide, deck.lines)
    const raw = slide.frontmatterRaw ?? ''
    const lineAt = (node?: YamlNode | null) => {
      const offset = node?.range?.[0]
      return typeof offset === 'number'
        ? firstLine + (raw.slice(0, offset).match(/\n/g)?.length ?? 0)
        : firstLine
    }
    const contents = slide.frontmatterDoc?.contents as YamlNode | null | undefined
    const report = (message: string, node?: YamlNode | null) => problems.push({
      file: deck.file,
      line: lineAt(node),
      slide: no,
      message,
    })
    /** A key without a value whose line has a `#`: YAML read the rest of the line as a comment. */
    const commentHint = (found: Found) => found.empty && /:\s+#/.test(raw.split('\n')[lineAt(found.node) - firstLine] ?? '')
      ? ` YAML reads what follows " #" as a comment: put the value in quotes ('#b7410e').`
      : ''
    const known = new Set([
      ...slidevFrontmatterKeys,
      ...slidevUntypedKeys,
      ...(index === 0
        ? slidevHeadmatterKeys
        : []),
      ...declaredNames,
    ])
    for (const [key, value] of Object.entries(frontmatter)) {
      const pair = pairOf(contents, key)
      const keyNode = pair?.key
      const declared = topLevel.filter(d => d.path === key)
      const declaration = declared.find(d => d.where === 'slide' || index === 0)
      if (declaration) {
        for (const found of value === undefined || value === null
          ? noValue(declaration, key, keyNode)
          : checkValue(declarations, declaration, value, key, keyNode, pair?.value))
          report(found.message + commentHint(found), found.node)
        if (declaration.needs?.length && !declaration.needs.some(companion => holds(companion, frontmatter)))
          report(`${label(declaration.where, key)} needs ${declaration.needs.map(companionWords).join(' or ')} on the same slide (${key}: ${declaration.description}).`, keyNode)
        if (declaration.unique && value !== undefined && value !== null) {
          const id = `${key}\0${shown(value)}`
          const seen = firstSeen.get(id)
          if (seen) {
            report(`${key} "${String(value)}" is already the ${key} of slide ${seen.slide} (line ${seen.line}): each slide's ${key} must be its own.`, keyNode)
          }
          else {
            firstSeen.set(id, {
              line: lineAt(keyNode),
              slide: no,
            })
          }
        }
      }
      else if (declared.length) {
        report(`${key} is read from the headmatter (the first slide's frontmatter) only, so here it does nothing. Move it to the headmatter.`, keyNode)
      }
      else if (key.includes('.') && declarations.some(d => d.path === key)) {
        const [parent, ...rest] = key.split('.')
        report(`"${key}" is one key here, not ${rest.join('.')} inside ${parent}: write "${parent}:" and, indented below it, "${rest.join('.')}:".`, keyNode)
      }
      else if (!known.has(key)) {
        const guess = closestKey(key, known)
        if (guess && guess !== key) {
          report(`unknown ${index === 0
            ? 'headmatter'
            : 'frontmatter'} key "${key}". Did you mean "${guess}"?`, keyNode)
        }
      }
    }
  })
  return problems
}

/**
 * The 1-based file line where a slide's `frontmatterRaw` starts: the line after its `---`; for a
 * frontmatter written as a ```yaml block, the ```yaml line itself (the raw text starts right after `yaml`).
 */
function frontmatterFirstLine(slide: KeySourceSlide, lines?: readonly string[]): number {
  if (slide.frontmatterStyle === 'yaml' && lines) {
    for (let i = slide.start; i < lines.length; i++) {
      if (/^\s*```ya?ml/.test(lines[i]))
        return i + 1
    }
  }
  return slide.start + 2
}
