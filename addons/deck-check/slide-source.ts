import type { SlideInfo, SourceSlideInfo } from '@slidev/types'
import type { Problem } from './check.ts'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { isVoidTag } from '@vue/shared'
import { scanMarkdown } from './markdown.ts'

/**
 * Maps a slide as the browser numbers it (its URL, `data-slidev-no`) or as Slidev names its module
 * (`slides.md__slidev_2.md`) back to the markdown file and line it is written on, so that an error
 * seen in the rendered deck reads like the deck check's: `slides.md:LINE (slide N): …`.
 */

/** The slides as Slidev numbers them: imported files followed, hidden and disabled slides left out. */
export async function loadSlides(entry: string): Promise<SlideInfo[]> {
  const path = resolve(entry)
  const { slides } = await load({
    userRoot: dirname(path),
    roots: [
      dirname(path),
    ],
  } as Parameters<typeof load>[0], path)
  return slides
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()

/** What to look for in a slide's lines to find where an error comes from, most telling first. */
export function hintsFor({ component, message }: { component?: string, message: string }): string[] {
  const hints: string[] = []
  if (component && /^[A-Z]/.test(component))
    hints.push(`<${component}`, `<${kebab(component)}`)
  // TypeError: Cannot read properties of undefined (reading 'x') / x is not defined / a.x is not a function
  const property = message.match(/\(reading '([^']+)'\)/)?.[1]
  if (property)
    hints.push(`.${property}`)
  const name = message.match(/(?:ReferenceError|TypeError): ([\w$.]+) is not (?:defined|a function|iterable)/)?.[1]
  if (name)
    hints.push(name)
  return hints
}

/**
 * The 1-based line of `source` that best names a mistake on it: the first line of the slide's
 * content with the first hint found (in `{{ }}` or a binding first), else the slide's first
 * non-blank content line.
 */
export function lineInSlide(source: SourceSlideInfo, hints: string[] = []): number {
  const fileLines = readFileSync(source.filepath, 'utf8').split(/\r?\n/)
  const first = source.contentStart
  const lines = fileLines.slice(first, source.end)
  for (const hint of hints.filter(Boolean)) {
    const inBinding = lines.findIndex(line => line.includes(hint) && /\{\{|\s[:@#]|\sv-/.test(line))
    const anywhere = inBinding >= 0
      ? inBinding
      : lines.findIndex(line => line.includes(hint))
    if (anywhere >= 0)
      return first + anywhere + 1
  }
  const content = lines.findIndex(line => line.trim())
  return first + Math.max(content, 0) + 1
}

/** A problem on slide `no` (1-based) of `slides`, at the line its hints point to. */
export function slideProblem(slides: SlideInfo[], no: number, message: string, hints: string[] = []): Problem | undefined {
  const source = slides[no - 1]?.source
  if (!source)
    return undefined
  return {
    file: source.filepath,
    line: lineInSlide(source, hints),
    slide: no,
    message,
  }
}

/**
 * HTML elements and components opened on a slide and never closed, innermost last, each with the
 * 1-based file line of its opening tag. Vue only says that *an* element misses its end tag, and
 * points at the slide's outermost one; this finds the one the speaker wrote.
 */
export function unclosedTags(source: SourceSlideInfo): Array<{ tag: string, line: number }> {
  const fileLines = readFileSync(source.filepath, 'utf8').split(/\r?\n/)
  const text = scanMarkdown(fileLines.slice(source.contentStart, source.end)).masked.join('\n')
  const open: Array<{ tag: string, offset: number }> = []
  for (const match of text.matchAll(/<(\/?)([A-Z][\w.-]*)(?:\s[^<>]*?)?(\/?)>/gi)) {
    const [, closing, tag, selfClosing] = match
    if (selfClosing || isVoidTag(tag.toLowerCase()))
      continue
    if (!closing) {
      open.push({ tag, offset: match.index })
      continue
    }
    for (let index = open.length - 1; index >= 0; index--) {
      if (open[index].tag === tag) {
        open.splice(index)
        break
      }
    }
  }
  return open.map(({ tag, offset }) => ({ tag, line: source.contentStart + text.slice(0, offset).split('\n').length }))
}
