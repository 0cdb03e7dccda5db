import type { Browser, Page } from 'playwright-chromium'

/**
 * What a browser with an empty cache fetches and how long it takes until slide 1 is on screen,
 * and how long ArrowRight takes to show the next slide.
 *
 * "Shown" means: the slide's heading is laid out with a non-zero size, and every web font the
 * page asked for has loaded (so the slide looks as it will, not in a fallback font).
 */

export interface Resource {
  /** Path and query, relative to the site. */
  path: string
  /** Bytes on the wire: compressed body plus response headers. */
  transfer: number
  /** Compressed body bytes. */
  body: number
}

export interface FirstLoad {
  /** Milliseconds from navigation start until slide 1 is shown. */
  ms: number
  /** Requests started before slide 1 was shown (the page itself included). */
  requests: number
  /** Bytes on the wire of those requests. */
  bytes: number
  resources: Resource[]
}

declare global {
  interface Window {
    /** performance.now() when the page first showed slide N, by N (set by `watchSlidesShown`). */
    __deckShown?: Record<number, number>
    /** performance.now() of the last keydown. */
    __deckKeyAt?: number
  }
}

/**
 * Runs in the page before any of its scripts: on every animation frame, notes when a slide is
 * first shown. Serialised into the page, so it must not use anything from this module.
 */
function watchSlidesShown() {
  const shown: Record<number, number> = {}
  window.__deckShown = shown
  addEventListener('keydown', () => {
    window.__deckKeyAt = performance.now()
  }, { capture: true })
  const fontsReady = () => document.fonts.status === 'loaded'
    && [...document.fonts].every(face => face.status !== 'loading')
  const tick = () => {
    for (const page of document.querySelectorAll<HTMLElement>('#slide-content .slidev-page')) {
      const no = Number([...page.classList].find(c => /^slidev-page-\d+$/.test(c))?.slice(12))
      if (!no || shown[no] !== undefined)
        continue
      const heading = page.querySelector('h1, h2, h3')
      const box = heading?.getBoundingClientRect()
      const visible = box && box.width > 0 && box.height > 0 && getComputedStyle(page).display !== 'none'
        && page.checkVisibility()
      if (visible && fontsReady())
        shown[no] = performance.now()
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** A resource timing entry as a `Resource`, its path relative to the site at `origin`. */
export function siteResource(origin: string, entry: { name: string, transfer: number, body: number }): Resource {
  return {
    path: entry.name.startsWith(origin)
      ? entry.name.slice(origin.length)
      : entry.name,
    transfer: entry.transfer,
    body: entry.body,
  }
}

/** Opens `url` in a fresh browser context (empty cache) and measures the way to slide 1. */
export async function measureFirstLoad(browser: Browser, url: string, { timeout = 30_000 } = {}): Promise<FirstLoad & { page: Page, close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const page = await context.newPage()
  await page.addInitScript(watchSlidesShown)
  await page.goto(url)
  await page.waitForFunction(() => window.__deckShown?.[1] !== undefined, undefined, { timeout, polling: 50 })
  // Let requests still in flight at that moment finish, so their sizes are known.
  await page.waitForLoadState('networkidle')
  const origin = new URL(url).origin
  const { ms, entries } = await page.evaluate(() => {
    const ms = window.__deckShown![1]
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter(e => e.startTime <= ms)
    return {
      ms,
      entries: [navigation, ...resources].map(e => ({ name: e.name, transfer: e.transferSize, body: e.encodedBodySize })),
    }
  })
  const resources = entries.map(e => siteResource(origin, e))
  return {
    ms,
    requests: resources.length,
    bytes: resources.reduce((sum, r) => sum + r.transfer, 0),
    resources,
    page,
    close: () => context.close(),
  }
}

/** Presses ArrowRight on slide `from` and returns the milliseconds until slide `from + 1` is shown. */
export async function measureNextSlide(page: Page, from: number, { timeout = 10_000 } = {}): Promise<number> {
  await page.waitForFunction(no => window.__deckShown?.[no] !== undefined, from, { timeout })
  await page.waitForLoadState('networkidle')
  await page.keyboard.press('ArrowRight')
  await page.waitForFunction(no => window.__deckShown?.[no] !== undefined, from + 1, { timeout, polling: 20 })
  return page.evaluate(no => window.__deckShown![no] - window.__deckKeyAt!, from + 1)
}
