import { devServer } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'
import { expect, openSlide, slideHeadings, test } from './fixtures'

const slides = readSlides()

// What the speaker meets with `npm run dev`: the same deck, still with nothing fetched from
// another host (the fixture fails the test on any such request, failed request or console error).
test.describe('the speaker rehearsing with npm run dev', () => {
  test.use({ baseURL: devServer.url })
  test.describe.configure({ timeout: 90_000 }) // the dev server compiles each page on first visit

  test('opens the title slide, a demo slide and the closing slide', async ({ page }) => {
    for (const no of [
      1,
      slideNumber(slides, 'Cargo is your friend'),
      slides.length,
    ]) {
      await openSlide(page, no)
      await expect(slideHeadings(page)).toHaveText(slides[no - 1].heading)
    }
  })

  test('sees the notes of "Cargo is your friend" in the presenter view', async ({ page }) => {
    await page.goto(`presenter/${slideNumber(slides, 'Cargo is your friend')}`)
    // In dev the notes arrive from the server once the slide's module is compiled.
    await expect(page.locator('.slidev-note').first()).toContainText('Show sample app', { timeout: 30_000 })
  })
})
