import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import emojiByName from 'markdown-it-emoji/lib/data/full.mjs'

export interface SlideInfo {
  /** 1-based, as in the slide's URL. */
  no: number
  /** The heading as written in the markdown. */
  title: string
  /** The heading as a reader sees it: no markup, emoji shortcodes as emoji. */
  heading: string
  /** Speaker notes as written, or '' */
  note: string
  layout: string
}

/** The heading text a reader sees for a markdown heading. */
export function visibleText(markdown: string): string {
  return markdown
    .replace(/<ShellPrompt>(.*?)<\/ShellPrompt>/g, '$ $1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`]/g, '')
    .replace(/:([\w+-]+):/g, (code, name: string) => emojiByName[name] ?? code)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The slides of a deck, as Slidev's own parser reads them. */
export function readSlides(file = 'slides.md'): SlideInfo[] {
  const { slides } = parseSync(readFileSync(file, 'utf8'), file)
  return slides.map((slide, i) => ({
    no: i + 1,
    title: slide.title ?? '',
    heading: visibleText(slide.title ?? ''),
    note: slide.note ?? '',
    layout: String(slide.frontmatter.layout ?? (i === 0
      ? 'cover'
      : 'default')),
  }))
}

/** The number of the slide whose heading is `heading`; throws if there is none. */
export function slideNumber(slides: SlideInfo[], heading: string): number {
  const found = slides.find(s => s.heading === heading)
  if (!found)
    throw new Error(`No slide has the heading "${heading}"`)
  return found.no
}
