import type { StaticSite } from '../../tools/serve'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deck } from '../../data/deck'
import { serveSite } from '../../tools/serve'
import { exportFilename } from '../../tools/slidev.ts'
import { builtSite } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'
import { normalize } from '../support/talk'
import { currentSlide, test as deckTest, expect, openSlide, slideHeadings } from './fixtures'
import { cspViolations, missingGlyphs, recordCspViolations, seriousViolations } from './slide-checks'

// The site as GitHub Pages hosts it for a project: built with `--base /<repository>/` (npm test
// builds it so, once), served under that base only, with 404.html and status 404 for every path
// that is not a file.
const dir = resolve(builtSite.dist)
const base = new URL(deck.publicUrl).pathname
const slides = readSlides()

const test = deckTest.extend<{ requests: string[] }, { site: StaticSite }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
    async ({}, use) => {
      const site = await serveSite(dir, { base })
      await use(site)
      await site.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.url),
  requests: async ({ page }, use) => {
    const requests: string[] = []
    page.on('request', req => requests.push(req.url()))
    await use(requests)
  },
})

test.afterEach(({ site, requests }) => {
  const outside = requests.filter(url => !url.startsWith(site.url) && !/^(?:data|blob):/.test(url))
  expect(outside, `requests outside ${base}`).toEqual([])
})

/** A reload of these answers as GitHub Pages does: the slide's own page (the same for every slide). */
const reloaded = new Set([1, slides.find(s => s.layout === 'backup')!.no, slides.length])

/**
 * The slides in runs of about this many, one page for each run: a shared link is still one page
 * load per slide, but the browser context is made once per run, and the two workers share the runs.
 */
const perRun = 6
const runs = Array.from({
  length: Math.ceil(slides.length / perRun),
}, (_, i) => slides.slice(i * perRun, (i + 1) * perRun))

test.describe(`the site under ${base}, served like GitHub Pages`, () => {
  for (const run of runs) {
    test(`a shared link opens each of slides ${run[0].no}–${run.at(-1)!.no}: its heading, images with text alternatives, no serious axe violation, every glyph in the fonts, nothing the content security policy blocks`, async ({ page, site }) => {
      test.setTimeout(30_000 + run.length * 10_000)
      // The policy's violations, as the page reports them (the policy itself: quality.spec.ts).
      await recordCspViolations(page)
      // Each slide in a step named after it; a wrong value is noted (expect.soft) and the walk goes on.
      for (const slide of run) {
        await test.step(`slide ${slide.no} "${slide.heading}"`, async () => {
          await openSlide(page, slide.no)
          const headings = slideHeadings(page)
          await expect.soft(headings, `headings on slide ${slide.no}`).toHaveCount(1)
          expect.soft(normalize(await headings.first().innerText()), `the heading of slide ${slide.no}`).toBe(normalize(slide.heading))
          await expect.soft(currentSlide(page), `slide ${slide.no} shows content`).not.toBeEmpty()
          // Every image on it has a text alternative (icons inside a named button, like Slidev's
          // code copy button, are named by the button).
          const labels = await currentSlide(page).locator('img, svg, [role="img"]').evaluateAll(images => images.map(el => el.closest('[aria-hidden="true"]')
            ? 'decorative'
            : el.getAttribute('alt')
              ?? el.getAttribute('aria-label')
              ?? el.closest('[role="img"]')?.getAttribute('aria-label')
              ?? el.closest('button[title], button[aria-label], a[title], a[aria-label]')?.getAttribute('title')
              ?? el.closest('button, a')?.getAttribute('aria-label')
              ?? ''))
          for (const label of labels)
            expect.soft(label.trim(), `an image on slide ${slide.no} has no text alternative`).not.toBe('')
          // The slide alone: the page around it, the same on every slide, is checked once (quality.spec.ts).
          expect.soft(await seriousViolations(page, `#app #slide-content .slidev-page-${slide.no}`), `axe on slide ${slide.no}`).toEqual([])
          // The build cuts the fonts down to the deck's characters: nothing on the slide may fall outside.
          expect.soft(missingGlyphs(await currentSlide(page).evaluate(el => el.textContent ?? '')), `characters on slide ${slide.no} that the subset fonts lack`).toEqual([])
          expect.soft(await cspViolations(page), `content security policy violations on slide ${slide.no}`).toEqual([])
          if (reloaded.has(slide.no)) {
            const response = await page.reload()
            // The slide's own page (slidev-addon-prerender), not 404.html.
            expect.soft(response?.status(), `GitHub Pages answers a deep link with the slide's page (slide ${slide.no})`).toBe(200)
            await expect.soft(page).toHaveURL(`${site.url}${slide.no}`)
            await expect.soft(slideHeadings(page).first(), `the heading of slide ${slide.no} after a reload`).toHaveText(slide.heading)
          }
        })
      }
    })
  }

  test('sends the bare base to slide 1', async ({ page, site }) => {
    const response = await page.goto(site.url)
    expect(response?.status()).toBe(200)
    await expect(page).toHaveURL(`${site.url}1`)
    await expect(slideHeadings(page)).toHaveText(deck.title)
  })

  test('opens the presenter view of slide 9 by deep link, with its notes', async ({ page }) => {
    const no = slideNumber(slides, 'Cargo is your friend')
    await page.goto(`presenter/${no}`)
    await page.reload()
    await expect(page.locator('.slidev-note').first()).toContainText('Show sample app')
  })

  for (const path of ['3', 'presenter/3']) {
    test(`offers the slides PDF for download from /${path}`, async ({ page, site }) => {
      await page.goto(path)
      const button = page.getByTitle('Download as PDF').first()
      await expect(button).toBeAttached()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        button.click({ force: true }),
      ])
      expect(download.url()).toBe(`${site.url}${exportFilename()}.pdf`)
      const file = readFileSync(await download.path())
      expect(file.subarray(0, 5).toString()).toBe('%PDF-')
      expect(file.equals(readFileSync(join(dir, `${exportFilename()}.pdf`))), 'the PDF the build exported').toBe(true)
    })
  }

  test('renders the handout under the base: whole pages, room to write beside every slide', async ({ page }) => {
    await page.goto('handout')
    await expect(page.locator('[data-handout-ready]')).toBeAttached()
    const rows = page.locator('.handout-row')
    await expect(rows).toHaveCount(slides.length)
    const layout = await page.evaluate(() => ({
      overflowing: [
        ...document.querySelectorAll<HTMLElement>('.handout-page'),
      ]
        .filter(p => p.scrollHeight > p.clientHeight + 1)
        .map(p => p.querySelector('.handout-row')?.getAttribute('data-no')),
      rows: [
        ...document.querySelectorAll<HTMLElement>('.handout-row'),
      ].map(row => ({
        no: Number(row.dataset.no),
        notes: !!row.querySelector('.handout-notes__text'),
        /** Height of the ruled area, in millimetres. */
        lines: row.querySelector<HTMLElement>('.handout-notes__lines')!.getBoundingClientRect().height * 25.4 / 96,
      })),
    }))
    expect(layout.overflowing, 'pages whose content runs off the page').toEqual([])
    for (const row of layout.rows) {
      expect(row.notes, `slide ${row.no} has notes`).toBe(!!slides[row.no - 1].note.trim())
      expect(row.lines, `ruled lines beside slide ${row.no}`).toBeGreaterThanOrEqual(row.notes ? 7 : 50)
    }
  })

  test('answers a path outside the base with 404.html and status 404', async ({ page, site }) => {
    const outside = new URL('/elsewhere/1', site.url).href
    const response = await page.request.get(outside)
    expect(response.status()).toBe(404)
    expect(await response.text()).toContain('<div id="app"></div>')
  })
})
