import type { BuildChromium, BuiltSiteStepPlugin } from 'slidev-addons-kit/browser'
import type { SlideSkipped } from './snapshot'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtSiteStep } from 'slidev-addons-kit/browser'
import { bootScript } from './boot'
import { inlineCriticalCss } from './critical'
import { copyFontFaces } from './fonts'
import { deferApp, metaContent, slideDescription, slidePage, slideTitle } from './page'
import { snapshotSlides } from './snapshot'

/** What the step needs to know of the deck. */
export interface PrerenderDeck {
  /** The slides' numbers as the deck's addresses count them (hidden slides have none). */
  slides: number[]
  /** Each slide's title by number, and the deck's. */
  titles: Record<number, string | undefined>
  title: string
  routerMode: string
  canvas: { width: number, height: number }
  /** The deck's public address (`seoMeta.ogUrl`), for each page's own link-preview address. */
  url?: string
}

/** Where slide `no`'s page is written in the site: `index.html` for slide 1 as well. */
export function pageFiles(no: number, routerMode: string): string[] {
  if (routerMode === 'hash') {
    return no === 1
      ? ['index.html']
      : []
  }
  return no === 1
    ? ['index.html', '1/index.html']
    : [`${no}/index.html`]
}

/** The slide's public address: `https://host/deck/7` (slide 1: the deck's own). */
export function slideAddress(url: string | undefined, no: number): string | undefined {
  if (!url)
    return undefined
  const base = url.endsWith('/')
    ? url
    : `${url}/`
  return no === 1
    ? base
    : `${base}${no}`
}

/**
 * The source a Content-Security-Policy names to let the pages' inline boot script (boot.ts) run.
 */
export function bootScriptHash(): string {
  return `'sha256-${createHash('sha256').update(bootScript()).digest('base64')}'`
}

/** The build's line for the slides that are not pre-rendered. */
export function skippedLine(skipped: SlideSkipped[]): string {
  return `served as before, without a page of their own: ${skipped.map(s => `slide ${s.no} (${s.reason})`).join('; ')}`
}

/**
 * The pages, written by `slidev build` itself: once Vite has written the site (before the offline
 * app's service worker is generated, so that it precaches them), every slide is opened in the build's
 * Chromium and copied (snapshot.ts), and written as a page at its address (`7/index.html`; slide 1
 * also into `index.html`) with its critical CSS inlined (critical.ts), its fonts cut down to its
 * characters and inlined (fonts.ts), its own title and description,
 * and the boot script (boot.ts) that starts the deck once the slide is painted. A slide that cannot
 * be copied keeps today's behaviour, and the build names it and says why. Without a browser the build
 * says so in one line and writes no page.
 */
export function prerenderPages({ chromium, deck }: { chromium: BuildChromium, deck: () => PrerenderDeck }): BuiltSiteStepPlugin {
  const step = builtSiteStep({
    name: 'slidev-prerender',
    addon: 'slidev-addon-prerender',
    without: 'no page of its own for any slide (each is drawn by the app, as before)',
    chromium,
    order: 'pre',
    run: async (browser, url, { dir, base, logger }) => {
      const { slides, titles, title: deckTitle, routerMode, canvas, url: publicUrl } = deck()
      const warn = (line: string) => logger.warn(`slidev-addon-prerender: ${line}`)
      const indexHtml = readFileSync(join(dir, 'index.html'), 'utf8')
      const deckDescription = metaContent(indexHtml, 'description') ?? ''
      const started = performance.now()
      const { snapshots, skipped } = await snapshotSlides({
        browser,
        url,
        slides: routerMode === 'hash'
          ? slides.slice(0, 1)
          : slides,
        routerMode,
        canvas,
        warn,
      })
      let bytes = 0
      for (const snapshot of snapshots) {
        const title = slideTitle(snapshot.no, titles[snapshot.no], deckTitle)
        // Slide 1 is the deck's cover and its address the deck's: it keeps the deck's description.
        const description = snapshot.no === 1
          ? deckDescription
          : slideDescription(snapshot.text, titles[snapshot.no] ?? '', deckDescription)
        const page = deferApp(await inlineCriticalCss(slidePage({
          indexHtml,
          snapshot,
          base,
          routerMode,
          title,
          description,
          url: slideAddress(publicUrl, snapshot.no),
          fontFaces: await copyFontFaces(snapshot.fontFaces, snapshot.characters, { dir, base }),
        }), { dir, base, warn }))
        for (const file of pageFiles(snapshot.no, routerMode)) {
          mkdirSync(join(dir, file, '..'), { recursive: true })
          writeFileSync(join(dir, file), page)
        }
        bytes += page.length
      }
      if (skipped.length)
        warn(skippedLine(skipped))
      const size = snapshots.length
        ? ` (${(bytes / snapshots.length / 1024).toFixed(0)} KiB a page before compression)`
        : ''
      logger.info(`slidev-addon-prerender: ${snapshots.length} of ${slides.length} slides pre-rendered in ${((performance.now() - started) / 1000).toFixed(1)} s${size}`)
    },
  })
  // The deck's policy (slidev-addon-static-site, or any page that collects the additions) lets the
  // pages' inline boot script run, by its hash.
  return {
    ...step,
    api: {
      contentSecurityPolicy: {
        'script-src': [
          bootScriptHash(),
        ],
      },
    },
  }
}
