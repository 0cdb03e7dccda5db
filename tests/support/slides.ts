import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { readableTitle } from '../../setup/preparser'

export interface SlideInfo {
  /** 1-based, as in the slide's URL. */
  no: number
  /** The heading as written in the markdown. */
  title: string
  /** The heading as a reader sees it: no markup, emoji shortcodes as emoji. */
  heading: string
  /** The slide's markdown as written, without its frontmatter and speaker notes. */
  content: string
  /** Speaker notes as written, or '' */
  note: string
  layout: string
}

/** The text a reader sees for a line of markdown: the deck's own rule, which also titles the slides. */
export const visibleText = readableTitle

/** The slides of a deck, as Slidev's own parser reads them. */
export function readSlides(file = 'slides.md'): SlideInfo[] {
  const { slides } = parseSync(readFileSync(file, 'utf8'), file)
  return slides.map((slide, i) => ({
    no: i + 1,
    title: slide.title ?? '',
    heading: visibleText(slide.title ?? ''),
    content: slide.content,
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
