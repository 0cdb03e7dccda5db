import type { Plugin } from 'vite'

/**
 * Slidev 53 writes the headmatter's `info` and `author` into `<meta content>` as JSON strings
 * (`content="&quot;Kasper Juul Hermansen&quot;"`, with `\n` for line breaks), so search engines and
 * link previews show the quotes. This turns such values back into plain text.
 */
export function plainHeadMeta(): Plugin {
  return {
    name: 'deck-plain-head-meta',
    transformIndexHtml: {
      order: 'post',
      handler: html => html.replace(
        /(<meta\s[^>]*content=")&quot;((?:[^"&]|&(?!quot;))*?)&quot;(")/g,
        (_, open: string, value: string, close: string) =>
          `${open}${value.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim()}${close}`,
      ),
    },
  }
}
