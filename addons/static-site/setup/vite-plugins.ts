import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { defineVitePluginsSetup } from '@slidev/types'
import { buildChromium } from 'slidev-addons-kit/browser'
import { deckCsp } from '../csp'
import { linkPreview, ogImage, plainHeadMeta } from '../head-meta'
import { ogImageStep } from '../og-image'
import { staticSiteOptions } from '../options'
import { subsetFonts } from '../subset-fonts'

export default defineVitePluginsSetup((options) => {
  const config: typeof options.data.config & { staticSite?: unknown, author?: unknown } = options.data.config
  const { preloadFonts, textFrom, allowRemote } = staticSiteOptions(config.staticSite, options.entry)
  const url = config.seoMeta?.ogUrl
  const author = typeof config.author === 'string'
    ? config.author
    : undefined
  // The picture is made by the build, in its browser, when a link preview names it.
  const picture = url
    ? ogImageStep(buildChromium(config, process.argv))
    : undefined
  return [
    deckCsp(undefined, {
      deck: () => ({
        slides: options.data.slides.map(slide => ({ content: slide.content, frontmatter: slide.frontmatter, images: slide.images })),
        favicon: config.favicon,
        fonts: config.fonts,
        plantUmlServer: config.plantUmlServer,
      }),
      allow: allowRemote,
    }),
    plainHeadMeta(),
    ...(url && picture
      ? [
          picture,
          linkPreview({
            title: config.title,
            url,
            image: ogImage.file,
            imageWidth: ogImage.width,
            imageHeight: ogImage.height,
            imageAlt: `The title slide: ${[config.title, author].filter(Boolean).join(', ')}`,
          }, () => picture.willRun() === true),
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
