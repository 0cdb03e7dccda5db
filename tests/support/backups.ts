import type { DemoId } from '../../data/deck'
import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { visibleText } from './slides'

/** A demo backup slide of slides.md: frontmatter `layout: backup` and `demo: <id>`. */
export interface BackupSlide {
  /** 1-based, as in the slide's URL. */
  no: number
  demo: DemoId
  /** The heading as a reader sees it. */
  heading: string
  /** How many fenced code blocks the slide has. */
  codeBlocks: number
  /** The `figure` of every `<PublishedChart>` on the slide, in order. */
  charts: string[]
  /** The slide's markdown, without frontmatter. */
  content: string
}

export function readBackups(file = 'slides.md'): BackupSlide[] {
  const { slides } = parseSync(readFileSync(file, 'utf8'), file)
  return slides.flatMap((slide, i) => slide.frontmatter.layout === 'backup'
    ? [
        {
          no: i + 1,
          demo: slide.frontmatter.demo as DemoId,
          heading: visibleText(slide.title ?? ''),
          codeBlocks: (slide.content.match(/^```/gm) ?? []).length / 2,
          charts: [
            ...slide.content.matchAll(/<PublishedChart figure="(\w+)"/g),
          ].map(m => m[1]),
          content: slide.content,
        },
      ]
    : [])
}
