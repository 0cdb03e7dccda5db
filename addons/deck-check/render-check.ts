import type { Browser, Page } from 'playwright-chromium'
import type { BuildChromium, BuiltSiteStepPlugin } from 'slidev-addons-kit/browser'
import { builtSiteStep } from 'slidev-addons-kit/browser'
import { throwsWhileRendering } from 'slidev-addons-kit/words'
import { formatProblem } from './check.ts'
import { slideErrorPattern } from './client/slide-errors.ts'
import { hintsFor, loadSlides, slideProblem } from './slide-source.ts'

/**
 * What a built deck looks like in a browser: every slide is rendered in a view of Slidev's that
 * shows them all, and a slide that throws while it renders, or shows nothing at all, is a problem
 * named by file, line and slide. `slidev build` runs it (`renderCheckStep`) on the site it just
 * wrote, in its own Chromium, offline.
 */

/**
 * The views of a built deck that render every slide: `print` (Slidev's print view, as the PDF export
 * renders it), which a build has only with `download` on; `overview`, which it has with the
 * presenter (on by default).
 */
export type RenderView = 'print' | 'overview'

/** The views each view's slides are found in, and its path under the site's base. */
const views: Record<RenderView, { path: string, slides: string }> = {
  print: { path: 'print?print=true', slides: '.print-slide-container [data-slidev-no]' },
  overview: { path: 'overview', slides: '.overview-slide-block [data-slidev-no]' },
}

/**
 * The view the build checks in, from the resolved headmatter: the print view when the build has it
 * (`download`, as the PDF export renders), else the overview (the presenter's, built unless
 * `presenter` is off or `dev`); undefined when the build has neither.
 */
export function renderView(config: { download?: unknown, presenter?: unknown }): RenderView | undefined {
  if ([true, 'true', 'auto'].includes(config.download as string))
    return 'print'
  if (config.presenter === true || config.presenter === 'build')
    return 'overview'
  return undefined
}

export interface RenderCheckOptions {
  /** A Playwright browser to render with. */
  browser: Browser
  /** The URL of the served site's base, ending in `/`. */
  url: string
  /** The slides file the site was built from. */
  entry: string
  /** The folder that problems' file names are relative to. Default: the current folder. */
  cwd?: string
  /** The view to render the slides in. Default `print`. */
  view?: RenderView
}

/** Waits until Slidev has loaded every slide on the page and the fonts are in. */
export async function settle(page: Page): Promise<void> {
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
export async function checkRenderedDeck({ browser, url, entry, cwd, view = 'print' }: RenderCheckOptions): Promise<string[]> {
  const slides = await loadSlides(entry)
  /** Each problem with its slide's number (0: the whole deck), to list them in slide order. */
  const lines: Array<{ no: number, line: string }> = []
  const format = (no: number, message: string, hints: string[] = []) => {
    const problem = slideProblem(slides, no, message, hints)
    return problem
      ? formatProblem(problem, cwd)
      : `${entry}: slide ${no}: ${message}`
  }
  const page = await browser.newPage({
    viewport: { width: 980, height: 552 },
  })
  try {
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
        lines.push({ no: 0, line: `${entry}: the deck throws while it renders: ${text}` })
        return
      }
      if (thrown.has(Number(no)))
        return
      thrown.set(Number(no), text)
      lines.push({
        no: Number(no),
        line: format(Number(no), throwsWhileRendering(text, component), hintsFor({ component, message: text })),
      })
    })
    page.on('pageerror', error => lines.push({ no: 0, line: `${entry}: the deck throws while it loads: ${error.message}` }))
    await page.goto(`${url}${views[view].path}`)
    await settle(page)
    const rendered: SlideRender[] = await page.locator(views[view].slides).evaluateAll(elements => elements.map((element) => {
      // The slide as its layout renders it, without the deck's global layers beside it (a slide
      // number): its `.slidev-layout`. A layout whose root is not one (Slidev's own iframe layout is a
      // plain box around its iframe, and so are some themes') is looked at whole.
      const layouts = [
        ...element.querySelectorAll<HTMLElement>('.slidev-layout'),
      ]
      const roots: HTMLElement[] = layouts.length
        ? layouts
        : [element as HTMLElement]
      const text = roots.map(root => root.textContent ?? '').join('').trim()
      // A picture is an element, or a CSS background (a theme's image layouts draw theirs so).
      const media = roots.some(root => !!root.querySelector('img, svg, canvas, video, iframe, object')
        || [
          root,
          ...root.querySelectorAll<HTMLElement>('*'),
        ].some(el => getComputedStyle(el).backgroundImage.includes('url(')))
      return {
        no: Number((element as HTMLElement).dataset.slidevNo),
        empty: !text && !media,
      }
    }))
    const seen = new Set(rendered.map(slide => slide.no))
    for (const slide of slides) {
      const no = slide.index + 1
      if (!seen.has(no) && !thrown.has(no)) {
        lines.push({
          no,
          line: format(no, 'the slide is missing from the rendered deck.'),
        })
      }
    }
    for (const slide of rendered) {
      if (slide.empty && !thrown.has(slide.no)) {
        lines.push({
          no: slide.no,
          line: format(slide.no, 'the slide renders empty: no text, image or drawing shows on it. Check for an unclosed tag or comment, or a v-if that is never true.'),
        })
      }
    }
  }
  finally {
    await page.close()
  }
  // The browser reports slides as they finish rendering, in no fixed order: list them by slide.
  return lines.sort((a, b) => a.no - b.no).map(({ line }) => line)
}

/**
 * The render check as a step of `slidev build`: once Vite has written the site, every slide is
 * rendered in the build's Chromium (`--executable-path`, the headmatter's `export.executablePath`, or
 * Playwright's own), in `view`; a slide that throws or renders empty fails the build with the deck
 * check's lines. It runs before the other steps that look at the site (`order: 'pre'`): a broken
 * deck needs no picture or handout. Without a browser the build says so in one line and goes on.
 */
export function renderCheckStep({ entry, userRoot, chromium, view }: { entry: string, userRoot: string, chromium: BuildChromium, view: RenderView }): BuiltSiteStepPlugin {
  return builtSiteStep({
    name: 'deck-check-render',
    addon: 'slidev-addon-deck-check',
    without: 'no render check of the built slides',
    chromium,
    order: 'pre',
    run: async (browser, url, { logger }) => {
      const problems = await checkRenderedDeck({
        browser,
        url,
        entry,
        cwd: userRoot,
        view,
      })
      if (problems.length)
        throw new Error(`The deck has problems:\n${problems.join('\n')}`)
      logger.info(`slidev-addon-deck-check: every slide renders (${view} view)`)
    },
  })
}
