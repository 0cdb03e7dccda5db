import process from 'node:process'
import { defineVitePluginsSetup } from '@slidev/types'
import { buildChromium } from 'slidev-addons-kit/browser'
import { prerenderPages } from '../vite-plugin'

/** `slidev build` writes a page for every slide (vite-plugin.ts); `SLIDEV_PRERENDER=off` builds without. */
export default defineVitePluginsSetup((options) => {
  if (process.env.SLIDEV_PRERENDER === 'off')
    return []
  const config = options.data.config
  return [
    prerenderPages({
      chromium: buildChromium(config, process.argv),
      deck: () => {
        const shown = options.data.slides.filter(slide => !slide.frontmatter?.disabled && !slide.frontmatter?.hide)
        const height = Math.round(config.canvasWidth / config.aspectRatio)
        return {
          slides: shown.map((_, i) => i + 1),
          titles: Object.fromEntries(shown.map((slide, i) => [i + 1, slide.title])),
          title: config.title,
          routerMode: config.routerMode === 'hash'
            ? 'hash'
            : 'history',
          canvas: { width: config.canvasWidth, height },
          url: config.seoMeta?.ogUrl,
        }
      },
    }),
  ]
})
