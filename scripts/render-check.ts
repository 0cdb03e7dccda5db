import type { Page } from 'playwright-chromium'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { slideErrorPattern } from '../plugins/client/slide-errors.ts'
import { ogImage } from '../plugins/head-meta.ts'
import { formatProblem } from './check-deck.ts'
import { launchChromium } from './chromium.ts'
import { serveSite } from './serve.ts'
import { hintsFor, loadSlides, slideProblem, throwsWhileRendering } from './slide-source.ts'
import { isMain, parseArgs, root, siteBase } from './slidev.ts'

/**
 * What a built deck looks like in a browser, checked once per build with the Chromium that
 * scripts/chromium.ts resolves, offline (the site is served from disk on a free local port):
 *
 * - every slide is rendered in Slidev's print view (as the PDF export renders it): a slide that
 *   throws while it renders, or shows nothing at all, is a problem named by file, line and slide;
 * - slide 1 is rendered at 1200×630 into `og-image.png`, the picture of a shared link.
 */

export interface RenderCheckOptions {
  /** The slides file the site was built from. Default slides.md. */
  entry?: string
  /** The base the site was built for. Default: read from its index.html. */
  base?: string
  /** Write `og-image.png` into the site. Default true. */
  ogImage?: boolean
}

/** Waits until Slidev has loaded every slide on the page and the fonts are in. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached' }).catch(() => {})
  await page.evaluate(() => document.fonts.ready.then(() => {}))
}

interface SlideRender {
  no: number
  /** Nothing a reader would see: no text, image, SVG, canvas or video in the slide's layout. */
  empty: boolean
}

/**
 * Renders every slide of the built site in `dir` and returns its problems, one line each in the
 * deck check's form (`slides.md:LINE (slide N): …`), or [] when every slide renders.
 */
export async function checkRenderedDeck(dir: string, { entry = join(root, 'slides.md'), base = siteBase(dir), ogImage: writeOgImage = true }: RenderCheckOptions = {}): Promise<string[]> {
  const slides = await loadSlides(entry)
  const site = await serveSite(dir, { base })
  const browser = await launchChromium()
  const lines: string[] = []
  const format = (no: number, message: string, hints: string[] = []) => {
    const problem = slideProblem(slides, no, message, hints)
    return problem
      ? formatProblem(problem, root)
      : `${entry}: slide ${no}: ${message}`
  }
  try {
    const page = await browser.newPage({
      viewport: { width: 980, height: 552 },
    })
    const thrown = new Map<number, string>()
    page.on('console', (msg) => {
      if (msg.type() !== 'error')
        return
      const match = msg.text().match(slideErrorPattern)
      if (!match)
        return
      const [, no, component, message] = match
      const text = message.split('\n')[0]
      if (no === '?') {
        lines.push(`${entry}: the deck throws while it renders: ${text}`)
        return
      }
      if (thrown.has(Number(no)))
        return
      thrown.set(Number(no), text)
      lines.push(format(Number(no), throwsWhileRendering(text, component), hintsFor({ component, message: text })))
    })
    page.on('pageerror', error => lines.push(`${entry}: the deck throws while it loads: ${error.message}`))
    await page.goto(`${site.url}print?print=true`)
    await settle(page)
    const rendered: SlideRender[] = await page.locator('.print-slide-container [data-slidev-no]').evaluateAll(elements => elements.map((element) => {
      const layouts = [
        ...element.querySelectorAll<HTMLElement>('.slidev-layout'),
      ]
      const text = layouts.map(layout => layout.textContent ?? '').join('').trim()
      const media = layouts.some(layout => layout.querySelector('img, svg, canvas, video, iframe, object'))
      return {
        no: Number((element as HTMLElement).dataset.slidevNo),
        empty: !text && !media,
      }
    }))
    const seen = new Set(rendered.map(slide => slide.no))
    for (const slide of slides) {
      const no = slide.index + 1
      if (!seen.has(no) && !thrown.has(no))
        lines.push(format(no, 'the slide is missing from the rendered deck.'))
    }
    for (const slide of rendered) {
      if (slide.empty && !thrown.has(slide.no))
        lines.push(format(slide.no, 'the slide renders empty: no text, image or drawing shows on it. Check for an unclosed tag or comment, or a v-if that is never true.'))
    }
    await page.close()

    if (writeOgImage && !lines.length) {
      const preview = await browser.newPage({
        viewport: { width: ogImage.width, height: ogImage.height },
      })
      await preview.goto(`${site.url}1`)
      await settle(preview)
      await preview.screenshot({
        path: join(dir, ogImage.file),
      })
      await preview.close()
    }
  }
  finally {
    await browser.close()
    await site.close()
  }
  return lines
}

// `node scripts/render-check.ts [--site dist] [--entry slides.md]`: checks a site built before.
if (isMain(import.meta.url)) {
  const { options } = parseArgs(process.argv.slice(2), ['site', 'entry'])
  const dir = resolve(root, options.site ?? 'dist')
  checkRenderedDeck(dir, { entry: options.entry && resolve(options.entry), ogImage: false }).then((lines) => {
    for (const line of lines)
      console.error(line)
    if (lines.length)
      process.exit(1)
    console.log(`render check: every slide of ${options.site ?? 'dist'} renders`)
  }, (error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
