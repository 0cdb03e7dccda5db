import { devServer } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'
import { expect, slideHeadings, test } from './fixtures'

const slides = readSlides()
const demoSlide = slideNumber(slides, 'Cargo is your friend')

// What the speaker meets with `npm run dev`: the same deck, still with nothing fetched from
// another host (the fixture fails the test on any such request, failed request or console error).
test.describe('the speaker rehearsing with npm run dev', () => {
  test.use({ baseURL: devServer.url })
  test.describe.configure({ mode: 'serial', timeout: 90_000 })

  // A fresh clone's first visit makes Vite compile the deck and pre-bundle its dependencies, which
  // can take a while and reload the page once. Open the views once first, as a speaker does before
  // the talk; the tests below then hold the warm server to the same rules as the built site.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000)
    const page = await browser.newPage({ baseURL: devServer.url })
    for (const no of [1, demoSlide, slides.length]) {
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
