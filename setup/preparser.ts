import { definePreparserSetup } from '@slidev/types'
import MarkdownExit from 'markdown-exit'
import emojiByName from 'markdown-it-emoji/lib/data/full.mjs'

/** Slidev's own markdown parser: a heading in code or in a comment is no heading. */
const markdown = MarkdownExit({ html: true })

/** The first markdown heading of a slide, as written. */
function firstHeading(content: string): string | undefined {
  const tokens = markdown.parse(content, {})
  const open = tokens.findIndex(token => token.type === 'heading_open')
  return open >= 0
    ? tokens[open + 1]?.content.trim()
    : undefined
}

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
