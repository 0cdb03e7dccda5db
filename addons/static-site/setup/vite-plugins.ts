import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineVitePluginsSetup } from '@slidev/types'
import { deckCsp } from '../csp'
import { linkPreview, ogImage, plainHeadMeta } from '../head-meta'
import { staticSiteOptions } from '../options'
import { subsetFonts } from '../subset-fonts'

export default defineVitePluginsSetup((options) => {
  const config: typeof options.data.config & { staticSite?: unknown, author?: unknown } = options.data.config
  const { preloadFonts, textFrom } = staticSiteOptions(config.staticSite, options.entry)
  const url = config.seoMeta?.ogUrl
  const author = typeof config.author === 'string'
    ? config.author
    : undefined
  return [
    deckCsp(),
    plainHeadMeta(),
    ...(url
      ? [
          linkPreview({
            title: config.title,
            url,
            image: ogImage.file,
            imageWidth: ogImage.width,
            imageHeight: ogImage.height,
            imageAlt: `The title slide: ${[config.title, author].filter(Boolean).join(', ')}`,
          }),
        ]
      : []),
    subsetFonts({
      markdown: () => Object.keys(options.data.markdownFiles).map(file => readFileSync(file, 'utf8')),
      roots: options.roots,
      textFrom: textFrom.map(dir => resolve(options.userRoot, dir)),
      preload: preloadFonts,
    }),
  ]
})
