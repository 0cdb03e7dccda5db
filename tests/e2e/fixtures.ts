import type { Locator, Page } from '@playwright/test'
import type { StaticSite } from '../../tools/serve'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { fixtureDir } from '../../tools/fixture-deck'
import { serveSite } from '../../tools/serve'

export interface PageProblems {
  /** Requests that went, or tried to go, to any host but the deck's server. */
  offsite: string[]
  /** Requests that failed or answered with an error status. */
  failed: string[]
  /** Console errors and uncaught exceptions. */
  errors: string[]
}

/**
 * Every test gets a page that records requests to other hosts (which fail: see playwright.config.ts),
 * failed requests and console errors. A test fails if any were seen, unless it takes them over with
 * `problems.expect…` itself.
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin
      const problems: PageProblems = { offsite: [], failed: [], errors: [] }
      /** Deep links answered by 404.html (see below), whose 404 the browser also logs as an error. */
      const deepLinks = new Set<string>()
      // Recorded here; Chromium itself fails them, since playwright.config.ts resolves no host name
      // but 127.0.0.1 (routing every request through the test to abort a few cost a seventh of the run).
      page.context().on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
          problems.offsite.push(url)
      })
      page.on('console', (msg) => {
        const deepLink404 = msg.text().startsWith('Failed to load resource') && deepLinks.has(msg.location().url)
        if (msg.type() === 'error' && !deepLink404)
          problems.errors.push(`${page.url()}: ${msg.text()}`)
      })
      page.on('pageerror', err => problems.errors.push(`${page.url()}: ${err.message}`))
      page.on('requestfailed', (req) => {
      // ERR_ABORTED: the page navigated away (the next deep link) while the request was in flight.
        if (!problems.offsite.includes(req.url()) && req.failure()?.errorText !== 'net::ERR_ABORTED')
          problems.failed.push(`${req.url()} (${req.failure()?.errorText})`)
      })
      page.on('response', (res) => {
      // A deep link on GitHub Pages is answered by 404.html with status 404: that is how the
      // single-page app is reached, not a failure. Any other error status is.
        const deepLink = res.request().isNavigationRequest() && res.status() === 404
        if (deepLink)
          deepLinks.add(res.url())
        if (res.status() >= 400 && !deepLink)
          problems.failed.push(`${res.url()} (${res.status()})`)
      })
      await use(problems)
      expect(problems.offsite, 'requests to other hosts').toEqual([])
      expect(problems.failed, 'failed requests').toEqual([])
      expect(problems.errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** The fixture deck's built site (`npm run build:fixture-deck`): a deck that is not the talk. */
export const fixtureDist = join(fixtureDir, 'dist')

/** The same, for tests of the fixture deck: its built site served at `/`, one server per worker, as `baseURL`. */
export const fixtureDeckTest = test.extend<object, { fixtureSite: StaticSite }>({
  fixtureSite: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
    async ({}, use) => {
      const site = await serveSite(fixtureDist)
      await use(site)
      await site.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ fixtureSite }, use) => use(fixtureSite.url),
})

/** Opens slide `no` by its URL and waits until it is shown (slides load lazily: wait for its heading). */
export async function openSlide(page: Page, no: number, prefix = ''): Promise<void> {
  await page.goto(`${prefix}${no}`)
  await expect(slideHeadings(page).first()).toBeVisible()
  // The deck has taken over from the slide's pre-rendered page (slidev-addon-prerender).
  await expect(page.locator('.slidev-prerender')).toHaveCount(0)
  await page.evaluate(() => document.fonts.ready)
}

/**
 * Every slide of the deck at once, as Slidev's print view renders them (as the PDF export does):
 * one page load for the whole deck. Returns the slide numbered `no`.
 */
export async function printedSlides(page: Page, total: number): Promise<(no: number) => Locator> {
  await page.goto('print?print=true')
  const slide = (no: number) => page.locator(`.print-slide-container [data-slidev-no="${no}"]`)
  await expect(page.locator('.print-slide-container [data-slidev-no]')).toHaveCount(total)
  await expect(page.locator('.slidev-slide-loading')).toHaveCount(0)
  await page.evaluate(() => document.fonts.ready)
  return slide
}

/** The deck's slide on screen (in play mode, Slidev keeps only the current slide visible), not a pre-rendered page's copy of it. */
export function currentSlide(page: Page) {
  return page.locator('#app #slide-content .slidev-page:visible').last()
}

/** The visible headings of the slide on screen. */
export function slideHeadings(page: Page) {
  return currentSlide(page).locator('h1, h2, h3, h4, h5, h6')
}

/** A finger's swipe from one point to another, as a touch screen sends it (Chromium only). */
export async function swipe(page: Page, from: { x: number, y: number }, to: { x: number, y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [from],
  })
  for (let step = 1; step <= 10; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [
        { x: from.x + (to.x - from.x) * step / 10, y: from.y + (to.y - from.y) * step / 10 },
      ],
    })
    await page.waitForTimeout(16)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
