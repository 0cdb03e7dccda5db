import type { Page } from '@playwright/test'
import { readBackups } from '../support/backups'
import { repoRoot, startDevServer } from '../support/bad-deck'
import { devServer } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'
import { normalize } from '../support/talk'
import { test as deckTest, expect, slideHeadings } from './fixtures'

const slides = readSlides()
const demoSlide = slideNumber(slides, 'Cargo is your friend')
const afterDemo = slideNumber(slides, 'Rust in CI')
const localBackups = readBackups().filter(b => b.demo === 'local')

/**
 * `npm run dev` in the project, started once by the worker that runs these tests (they run in one,
 * serially) and stopped after them: the rest of the run does without it.
 */
const test = deckTest.extend<object, { dev: { url: string } }>({
  dev: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
    async ({}, use) => {
      const server = await startDevServer(repoRoot, devServer.port)
      await use({ url: server.url })
      await server.stop()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ dev }, use) => use(dev.url),
})

/** Waits until slide `n` is on screen, at the URL and by its heading. */
async function expectSlide(page: Page, n: number) {
  await expect(page).toHaveURL(new RegExp(`/${n}(\\?.*)?$`))
  await expect(slideHeadings(page)).toHaveText(normalize(slides[n - 1].heading))
}

// What the speaker meets with `npm run dev`: the same deck, still with nothing fetched from
// another host (the fixture fails the test on any such request, failed request or console error).
test.describe('the speaker rehearsing with npm run dev', () => {
  test.describe.configure({ mode: 'serial', timeout: 90_000 })

  // A fresh clone's first visit makes Vite compile the deck and pre-bundle its dependencies, which
  // can take a while and reload the page once. Open the views once first, as a speaker does before
  // the talk; the tests below then hold the warm server to the same rules as the built site.
  test.beforeAll(async ({ browser, dev }) => {
    test.setTimeout(180_000)
    const page = await browser.newPage({ baseURL: dev.url })
    for (const no of [1, demoSlide, afterDemo, slides.length]) {
      await page.goto(String(no))
      await expect(slideHeadings(page).first()).toBeVisible({ timeout: 60_000 })
    }
    await page.goto(`presenter/${demoSlide}`)
    await expect(page.locator('.slidev-note').first()).toContainText('Show sample app', { timeout: 60_000 })
    await page.close()
  })

  test('opens the title slide, a demo slide and the closing slide', async ({ page }) => {
    // The dev server serves every module of the deck and its addons one by one: a page takes a
    // few seconds to show on a busy machine, even warm.
    const slow = expect.configure({ timeout: 15_000 })
    for (const no of [1, demoSlide, slides.length]) {
      await page.goto(String(no))
      await slow(slideHeadings(page).first()).toBeVisible()
      await slow(slideHeadings(page)).toHaveText(slides[no - 1].heading)
    }
  })

  test('sees the notes of "Cargo is your friend" in the presenter view', async ({ page }) => {
    await page.goto(`presenter/${demoSlide}`)
    await expect(page.locator('.slidev-note').first()).toContainText('Show sample app', { timeout: 15_000 })
  })
  test('reads the talk as a page at /read/, as a phone would get it', async ({ page }) => {
    await page.goto('read/')
    await expect(page.locator('section[id]')).toHaveCount(slides.length)
    await expect(page.locator(`section[id="${demoSlide}"] h2`)).toHaveText(slides[demoSlide - 1].heading)
    await expect(page.locator(`section[id="${demoSlide}"] aside`)).toContainText('Show sample app')
  })

  // The backups as a detour (tests/e2e/detour.spec.ts, on the built site) work the same here.
  test('→ skips the backups there too, and the presenter view has the hint and the pace line', async ({ page }) => {
    const slow = expect.configure({ timeout: 15_000 })
    await page.goto(String(demoSlide))
    await slow(slideHeadings(page).first()).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expectSlide(page, afterDemo)

    await page.goto(`presenter/${demoSlide}`)
    await expect(page.locator('.detour-hint')).toHaveText(`↓ ${localBackups.length} backup slides`, { timeout: 60_000 })
    await expect(page.locator('.pace-line')).toContainText('Rust locally')
    await expect(page.locator('.grid-section.next .slidev-page')).toHaveAttribute('data-slidev-no', String(afterDemo), { timeout: 30_000 })
  })

  test.describe('with service workers allowed (the other tests block them)', () => {
    test.use({ serviceWorkers: 'allow' })
    test('registers no service worker: every save shows, nothing is served from a cache', async ({ page }) => {
      await page.goto('1')
      await expect(slideHeadings(page).first()).toBeVisible({ timeout: 15_000 })
      await page.waitForLoadState('load')
      // The built deck registers its worker once the page is idle; give the dev server the same time.
      await page.waitForTimeout(3000)
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
      expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]'))).toBeNull()
    })
  })
})
