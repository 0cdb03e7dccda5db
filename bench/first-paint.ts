import type { Browser, Page } from 'playwright-chromium'

/**
 * One cold load of a deck, as the audience meets it on a laptop (1280×720, empty cache), measured
 * in the page by the browser's own timings:
 *
 * - first paint: the first contentful paint;
 * - largest paint: the last largest contentful paint before slide 1 is shown;
 * - slide 1 shown: the first paint with the slide's heading laid out, visible, and every web font in: the
 *   frame that has them (as bench/first-load.ts), or the first contentful paint if that comes later;
 * - layout shift: the sum of layout shifts in the 2 s after slide 1 is shown;
 * - bytes before the first paint: every response (the page included) finished by then, on the wire;
 * - bytes until slide 1 is shown: every request started by then, on the wire.
 *
 * `slide1` is the CSS selector of slide 1's element, whatever made the deck (Slidev, Marp).
 */
export interface PaintLoad {
  firstPaintMs: number
  largestPaintMs: number
  shownMs: number
  layoutShift: number
  bytesBeforePaint: number
  bytesUntilShown: number
  requestsUntilShown: number
}

declare global {
  interface Window {
    __paint?: { shown?: number, shift: number, largest: number, keys?: number }
  }
}

/** Runs in the page before its scripts (serialised: uses nothing from this module). */
function watchPaint({ slide1, pressKeys, next }: { slide1: string, pressKeys: boolean, next: string }) {
  const paint: NonNullable<Window['__paint']> = { shift: 0, largest: 0 }
  window.__paint = paint
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number, hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput && (paint.shown === undefined || entry.startTime < paint.shown + 2000))
          paint.shift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (paint.shown === undefined)
          paint.largest = entry.startTime
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  }
  catch {}
  // Keys are timed from the first page's navigation: a key may take the visitor to another page (a
  // pre-rendered deck goes from page to page until its scripts run), where they are only watched.
  const started = sessionStorage.getItem('bench-keys-from')
  const firstPage = started === null
  const keysFrom = firstPage
    ? performance.timeOrigin
    : Number(started)
  if (pressKeys && firstPage)
    sessionStorage.setItem('bench-keys-from', String(keysFrom))
  const fontsIn = () => document.fonts.status === 'loaded' && [...document.fonts].every(face => face.status !== 'loading')
  const tick = () => {
    if (paint.shown === undefined) {
      for (const el of document.querySelectorAll<HTMLElement>(slide1)) {
        const heading = el.querySelector('h1, h2, h3')
        const box = heading?.getBoundingClientRect()
        if (box && box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && fontsIn()) {
          paint.shown = performance.now()
          break
        }
      }
    }
    if (pressKeys && paint.keys === undefined) {
      if (document.querySelector(next)?.checkVisibility({ visibilityProperty: true })) {
        paint.keys = performance.timeOrigin + performance.now() - keysFrom
      }
      else if (document.body && firstPage) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', {
          key: 'ArrowRight',
          code: 'ArrowRight',
          keyCode: 39,
          bubbles: true,
        }))
        document.body.dispatchEvent(new KeyboardEvent('keyup', {
          key: 'ArrowRight',
          code: 'ArrowRight',
          keyCode: 39,
          bubbles: true,
        }))
      }
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** A network to load over, as Chromium's DevTools emulate one: round trip and bandwidth each way. */
export interface Network {
  name: string
  latencyMs: number
  downloadKbps: number
  uploadKbps: number
}

/**
 * Conference wifi, shared by a room: a 100 ms round trip and 5 Mbit/s down, 1 Mbit/s up (between
 * DevTools' "Fast 4G" and "Slow 4G").
 */
export const conferenceWifi: Network = {
  name: 'conference wifi',
  latencyMs: 100,
  downloadKbps: 5000,
  uploadKbps: 1000,
}

async function throttle(page: Page, network: Network | undefined): Promise<void> {
  if (!network)
    return
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latencyMs,
    downloadThroughput: network.downloadKbps * 1000 / 8,
    uploadThroughput: network.uploadKbps * 1000 / 8,
  })
}

/** A laptop's page in a fresh context (empty cache) over `network`, watched from its first script on. */
async function watchedPage(browser: Browser, network: Network | undefined, watch: Parameters<typeof watchPaint>[0]) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const page = await context.newPage()
  await throttle(page, network)
  await page.addInitScript(watchPaint, watch)
  return { context, page }
}

/** Measures one cold load of `url` (see PaintLoad). */
export async function measurePaint(browser: Browser, url: string, { slide1, network, timeout = 30_000 }: { slide1: string, network?: Network, timeout?: number }): Promise<PaintLoad> {
  const { context, page } = await watchedPage(browser, network, { slide1, pressKeys: false, next: '' })
  try {
    await page.goto(url)
    await page.waitForFunction(() => window.__paint?.shown !== undefined, undefined, { timeout, polling: 50 })
    await page.waitForTimeout(2000)
    await page.waitForLoadState('networkidle')
    return await page.evaluate(() => {
      const paint = window.__paint!
      const firstPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
      const shown = Math.max(paint.shown!, firstPaint)
      const entries = [
        performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming,
        ...performance.getEntriesByType('resource') as PerformanceResourceTiming[],
      ]
      const sum = (list: PerformanceResourceTiming[]) => list.reduce((total, e) => total + e.transferSize, 0)
      const untilShown = entries.filter(e => e.startTime <= shown)
      return {
        firstPaintMs: firstPaint,
        largestPaintMs: paint.largest || firstPaint,
        shownMs: shown,
        layoutShift: paint.shift,
        bytesBeforePaint: sum(entries.filter(e => e.responseEnd <= firstPaint)),
        bytesUntilShown: sum(untilShown),
        requestsUntilShown: untilShown.length,
      }
    })
  }
  finally {
    await context.close()
  }
}

/**
 * One cold load of `url` in which → is pressed on every frame from the start: the milliseconds
 * until the deck shows `next` (slide 2's element, the deck's or a page's copy), that is, until its
 * keys work. A press that loads another page counts until that page shows it.
 */
export async function measureKeys(browser: Browser, url: string, { next, network, timeout = 30_000 }: { next: string, network?: Network, timeout?: number }): Promise<number> {
  const { context, page } = await watchedPage(browser, network, { slide1: 'none', pressKeys: true, next })
  try {
    await page.goto(url)
    const deadline = Date.now() + timeout
    while (Date.now() < deadline) {
      // The page may be between two documents.
      const keys = await page.evaluate(() => window.__paint?.keys).catch(() => undefined)
      if (keys !== undefined)
        return keys
      await page.waitForTimeout(50)
    }
    throw new Error(`→ did not show ${next} within ${timeout / 1000} s of loading ${url}`)
  }
  finally {
    await context.close()
  }
}
