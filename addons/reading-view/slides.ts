import type { SlideInfo, SourceSlideInfo } from '@slidev/types'
import { relative } from 'node:path'

/** A slide as the reading view needs it. */
export interface ReadingSlide {
  /** 1-based, as in the deck's URL (`/16`) and the page's anchor (`read/#16`). */
  no: number
  /** The markdown file the slide is written in, relative to the deck's folder. */
  file: string
  /** The same file, absolute. */
  path: string
  /** The slide's title (its frontmatter's `title`, or its first heading), as Slidev reads it. */
  title?: string
  /** The level of that title: 1 for `#`, 2 for `##`… */
  level?: number
  /** 1-based line of the file where the slide's content starts. */
  line: number
  /** The slide's markdown, without frontmatter and notes. */
  content: string
  /** The speaker's notes, as markdown ('' for none). */
  note: string
  frontmatter: Record<string, unknown>
}

/**
 * The deck's slides as Slidev has parsed them, for the reading view: `options.data.slides` in the
 * build, or `parseSync(…).slides` of @slidev/parser for one file.
 */
export function readingSlides(slides: Array<SlideInfo | SourceSlideInfo>, root: string): ReadingSlide[] {
  return slides.map((slide, index) => {
    const source = 'source' in slide
      ? slide.source
      : slide
    return {
      no: index + 1,
      file: relative(root, source.filepath) || source.filepath,
      path: source.filepath,
      title: slide.title ?? source.title,
      level: slide.level ?? source.level,
      line: source.contentStart + 1,
      content: slide.content,
      note: slide.note ?? '',
      frontmatter: slide.frontmatter ?? {},
    }
  })
}
