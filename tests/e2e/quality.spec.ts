import { createHash } from 'node:crypto'
import { cspHeader } from '../../addons/static-site/csp'
import { budgets } from '../../bench/budgets'
import { measureFirstLoad } from '../../bench/first-load'
import { builtSite, gzipWeight } from '../support/servers'
import { readSlides } from '../support/slides'
import { currentSlide, expect, openSlide, slideHeadings, test } from './fixtures'
import { cspViolations, recordCspViolations, seriousViolations } from './slide-checks'

const slides = readSlides()
test.describe('accessibility', () => {
  test('the deck\'s page around the slides has no serious or critical axe violation', async ({ page }) => {
    await openSlide(page, 1)
    expect(await seriousViolations(page)).toEqual([])
  })

  // Each slide on its own, with the glyphs of its fonts: tests/e2e/pages.spec.ts, as it opens each.

  test('the presenter view has no serious or critical axe violation', async ({ page }) => {
    await page.goto('presenter/1')
    await expect(page.locator('.slidev-note').first()).toBeAttached()
    await expect(slideHeadings(page).first()).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the toolbar, with its drawing and recording buttons, has no serious or critical axe violation', async ({ page }) => {
    await openSlide(page, 2)
    // The toolbar shows when the pointer nears the bottom left corner; the pen turns drawing on.
    await page.mouse.move(30, 700)
    await expect(page.getByTitle('Record video')).toBeVisible()
    await page.getByTitle('Show drawing toolbar').click()
    await expect(page.getByTitle('Hide drawing toolbar')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('a screen reader hears which slide is shown after every slide change', async ({ page }) => {
    test.slow() // walks every slide of the deck
    const announcer = page.locator('[aria-live="polite"][data-testid="slide-announcer"]')
    await openSlide(page, 1)
    await expect(announcer).toHaveText(`Slide 1 of ${slides.length}: ${slides[0].heading}`)
    // Visually hidden, but not hidden from assistive technology.
    await expect(announcer).not.toHaveAttribute('aria-hidden', 'true')
    expect(await announcer.evaluate(el => el.getBoundingClientRect().width)).toBeLessThan(2)
    for (const slide of slides.slice(1, 4)) {
      await page.keyboard.press('ArrowRight')
      await expect(announcer).toHaveText(`Slide ${slide.no} of ${slides.length}: ${slide.heading}`)
    }
    await page.keyboard.press('ArrowLeft')
    await expect(announcer).toHaveText(`Slide 3 of ${slides.length}: ${slides[2].heading}`)
  })
})

test('slide 1 needs no more bytes and requests than the budget, fonts included (gzip, as GitHub Pages serves)', async ({ browser, baseURL }) => {
  const dist = builtSite.dist
  const load = await measureFirstLoad(browser as unknown as Parameters<typeof measureFirstLoad>[0], baseURL!)
  await load.close()
  // The test server does not compress: weigh each file fetched before slide 1 showed as gzip would send it.
  const sizes = load.resources.map(({ path }) => ({
    path,
    bytes: gzipWeight(dist, path),
  }))
  const kib = sizes.reduce((sum, s) => sum + s.bytes, 0) / 1024
  const listing = sizes.map(s => `${(s.bytes / 1024).toFixed(1)} KiB ${s.path}`).join('\n')
  expect(kib, `first load (${load.requests} requests):\n${listing}`).toBeLessThanOrEqual(budgets.firstLoadKiB.limit)
  expect(load.requests, `requests until slide 1:\n${listing}`).toBeLessThanOrEqual(budgets.firstLoadRequests.limit)
  // Nothing that slide 1 does not need: the highlighter, the editor, dialogs, drawing and animation libraries.
  expect(sizes.map(s => s.path).join('\n')).not.toMatch(/shiki-[\w-]+\.js|monaco|QuickOverview|Goto|floating-vue\.|drauu|rough|motion|popmotion/i)
})

test('the page title and language follow the view (Slidev\'s head handling, slimmed for the build)', async ({ page }) => {
  await openSlide(page, 1)
  await expect(page).toHaveTitle('Building Rust for Production')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.goto('presenter/1')
  await expect(page).toHaveTitle('Presenter - Building Rust for Production')
})

test.describe('content security policy', () => {
  test('the built page carries the policy, which allows only the site itself and the page\'s own inline script, by its hash', async ({ page, request }) => {
    await openSlide(page, 1)
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content') ?? ''
    // Each slide's page starts with one inline script (slidev-addon-prerender), allowed by its hash alone.
    const html = await (await request.get(`${builtSite.url}1`)).text()
    const inline = [
      ...html.matchAll(/<script>([\s\S]*?)<\/script>/g),
    ].map(match => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`)
    expect(inline).toHaveLength(1)
    expect(policy).toBe(cspHeader().replace(`script-src 'self'`, `script-src 'self' ${inline.join(' ')}`))
    expect(policy).toContain(`default-src 'self'`)
    expect(policy).not.toMatch(/unsafe-eval|\*|https?:/)
    expect(policy).toMatch(/script-src 'self' 'sha256-[\w+/=]+';/)
  })

  // Each slide under the policy, opened by its shared link: tests/e2e/pages.spec.ts, as it opens each.
  test('the overview and the presenter view work under it, with no violation', async ({ page }) => {
    await recordCspViolations(page)
    await openSlide(page, slides.length)
    await expect(currentSlide(page)).not.toBeEmpty()
    expect(await cspViolations(page), `slide ${slides.length}`).toEqual([])
    await page.keyboard.press('o')
    await expect(page.locator('.z-modal [data-slide-no]')).toHaveCount(slides.length)
    await page.keyboard.press('Escape')
    expect(await cspViolations(page)).toEqual([])

    await page.goto('presenter/1')
    await expect(page.locator('.slidev-note').first()).toBeAttached()
    await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(/presenter\/2$/)
    expect(await cspViolations(page)).toEqual([])
  })
})
