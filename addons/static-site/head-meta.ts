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

/** The link preview picture, slide 1 made by the build (og-image.ts): the size chat apps and social sites show uncropped. */
export const ogImage = { file: 'og-image.png', width: 1200, height: 630 } as const

export interface LinkPreview {
  /** The talk's title, as chat apps and social sites show it. */
  title: string
  /** The deck's public address (a folder URL, ending in `/`): og:url, and the base of the image's URL. */
  url: string
  /** The picture's file name in the built site (og-image.ts renders it from slide 1 in the build). */
  image: string
  imageWidth: number
  imageHeight: number
  /** What the picture shows, for readers who cannot see it. */
  imageAlt: string
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The tags a chat app or social site reads when the deck's address is shared (Open Graph and
 * Twitter cards): the talk's title, the description (the headmatter's `info`), and a large picture
 * of the title slide by its absolute URL, since crawlers do not resolve relative ones. Slidev's own
 * `og:`/`twitter:` tags are replaced, so that each is written once. `withPicture` says, when the
 * page is written, whether the build makes the picture: without it, no tag names one (and the card
 * is a plain `summary`).
 */
export function linkPreview(preview: LinkPreview, withPicture: () => boolean = () => true): Plugin {
  const image = new URL(preview.image, preview.url).href
  return {
    name: 'deck-link-preview',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const description = html.match(/<meta\s+name="description"\s+content="([^"]*)"/)?.[1]
        const picture = withPicture()
        type Tag = [string, string, string | number | undefined]
        const tags: Tag[] = [
          ['property', 'og:type', 'website'],
          ['property', 'og:title', preview.title],
          ['property', 'og:description', description],
          ['property', 'og:url', preview.url],
          ...(picture
            ? [
              ['property', 'og:image', image],
              ['property', 'og:image:type', 'image/png'],
              ['property', 'og:image:width', preview.imageWidth],
              ['property', 'og:image:height', preview.imageHeight],
              ['property', 'og:image:alt', preview.imageAlt],
            ] satisfies Tag[]
            : []),
          [
            'name',
            'twitter:card',
            picture
              ? 'summary_large_image'
              : 'summary',
          ],
          ['name', 'twitter:title', preview.title],
          ['name', 'twitter:description', description],
          ...(picture
            ? [
              ['name', 'twitter:image', image],
              ['name', 'twitter:image:alt', preview.imageAlt],
            ] satisfies Tag[]
            : []),
        ]
        const meta = tags
          .filter(([, , content]) => content !== undefined)
          .map(([attribute, key, content]) => `<meta ${attribute}="${key}" content="${typeof content === 'string' && key !== 'og:description' && key !== 'twitter:description'
            ? escapeAttribute(content)
            : content}">`)
          .join('\n')
        return html
          .replace(/<meta\s+(?:property|name)="(?:og|twitter):[^"]*"[^>]*>\s*/g, '')
          .replace('</head>', `${meta}\n</head>`)
      },
    },
  }
}
