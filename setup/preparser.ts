import { definePreparserSetup } from '@slidev/types'
import emojiByName from 'markdown-it-emoji/lib/data/full.mjs'
import { firstHeading } from 'slidev-addon-deck-check/markdown.ts'

/**
 * A heading as a reader sees it: `<ShellPrompt>man cargo</ShellPrompt>` reads "$ man cargo",
 * `:alien:` is 👽, and no markdown or HTML markup is left.
 */
export function readableTitle(markdown: string): string {
  return markdown
    .replace(/<ShellPrompt>(.*?)<\/ShellPrompt>/g, '$ $1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*{1,3}([^*]+)\*{1,3}/g, '$1')
    .replace(/\b_{1,3}([^_]+)_{1,3}\b/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/:([\w+-]+):/g, (code, name: string) => emojiByName[name] ?? code)
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Slidev takes a slide's title from its first heading as written, markup and all, and nests the PDF
 * outline by heading level, which this deck uses for size, not structure. Every slide without a
 * `title` of its own gets its heading as a reader sees it, at level 1: the PDF outline is one flat
 * entry per slide, and the overview and handout show the same words as the slide.
 */
export default definePreparserSetup(() => [
  {
    name: 'readable-slide-titles',
    async transformSlide(content, frontmatter) {
      if (!frontmatter.title && !frontmatter.name) {
        const heading = firstHeading(content)
        if (heading)
          frontmatter.title = readableTitle(heading)
      }
      frontmatter.level ??= 1
      return undefined
    },
  },
])
