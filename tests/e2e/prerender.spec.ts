import type { Page } from '@playwright/test'
import { deck } from '../../data/deck'
import { comparePngs } from '../support/images'
import { builtSite } from '../support/servers'
import { readSlides } from '../support/slides'
import { expect, test } from './fixtures'

// Every slide has a page of its own (slidev-addon-prerender), painted from its HTML before any
// script runs; the deck then takes over in place. Against the built site under the Pages base.

const slides = readSlides()
const deckTitle = 'Building Rust for Production'
/** One slide of each layout (the first), so that every kind of slide is tried. */
const oneOfEachLayout = slides.filter((slide, i) => slides.findIndex(other => other.layout === slide.layout) === i)

/** Resolves once the deck has taken over (the copy is gone) and the slide's fonts are in. */
async function takenOver(page: Page): Promise<void> {
  await expect(page.locator('.slidev-prerender')).toHaveCount(0, { timeout: 15_000 })
  await expect(page.locator('#app #slide-content .slidev-page:visible')).toHaveCount(1)
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

test('a shared link to any slide is answered with a page of its own, its title and description', async ({ request }) => {
  for (const slide of slides) {
    const response = await request.get(`${builtSite.url}${slide.no}`)
    expect(response.status(), `/${slide.no}`).toBe(200)
    const html = await response.text()
    expect(html, `/${slide.no}`).toContain(`<meta name="slidev-prerender" content="${slide.no}"`)
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''
    expect(title, `/${slide.no}`).toContain(deckTitle)
    if (slide.no > 1 && slide.heading)
      expect(title, `/${slide.no}`).not.toBe(deckTitle)
    expect(html, `/${slide.no}`).toMatch(/<meta name="description" content="[^"]{10,}"/)
    expect(html, `/${slide.no}`).toContain(`<meta property="og:url" content="${deck.publicUrl}${slide.no === 1
      ? ''
      : slide.no}">`)
    // The copy of the slide itself, with its text.
    expect(html, `/${slide.no}`).toContain(`slidev-page-${slide.no}`)
  }
})

test('every kind of slide is painted from its page before any script runs, and the deck takes over without a pixel moving', async ({ browser, page }) => {
  const still = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 720 },
  })
  try {
    const before = await still.newPage()
    for (const slide of oneOfEachLayout) {
      await before.goto(`${builtSite.url}${slide.no}`)
      await before.evaluate(() => document.fonts.ready.then(() => undefined))
      await expect(before.locator(`.slidev-prerender .slidev-page-${slide.no}`)).toBeVisible()
      const painted = await before.screenshot()

      await page.goto(`${builtSite.url}${slide.no}`)
      await takenOver(page)
      const running = await page.screenshot()
      const { differing, inked } = await comparePngs(page, painted, running)
      expect(inked, `slide ${slide.no} (${slide.layout}) has ink`).toBeGreaterThan(0.005)
      // Anti-aliasing of a glyph or two may differ by a subpixel (the scale is computed by CSS, not by the script).
      expect(differing, `slide ${slide.no} (${slide.layout}): pixels that changed when the deck took over`).toBeLessThan(1280 * 720 * 0.001)
    }
  }
  finally {
    await still.close()
  }
})

/** Runs in the page before its scripts: what every frame showed, until `until` ms (serialised). */
function recordFrames(until: number) {
  const frames: string[] = []
  // Layout shifts of the copy, and of anything once the copy is gone. (The deck's own heading settles
  // under the copy as its code font comes in, a shift it has without pre-rendering too.)
  let shift = 0
  ;(window as unknown as { __frames: { frames: string[], shift: () => number } }).__frames = {
    frames,
    shift: () => shift,
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number, sources: Array<{ node?: Node }> }>) {
        const copy = document.querySelector('.slidev-prerender')
        if (!copy || entry.sources.some(source => source.node && copy.contains(source.node)))
          shift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  }
  catch {}
  const tick = () => {
    const shown = [
      ...document.querySelectorAll('.slidev-page'),
    ]
      .filter(el => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getClientRects().length)
      .map(el => `${el.closest('.slidev-prerender')
        ? 'copy'
        : 'deck'} ${[...el.classList].find(c => /^slidev-page-\d+$/.test(c))?.slice(12)}`)
    frames.push(shown.join(', ') || 'nothing')
    if (performance.now() < until)
      requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

test('the takeover shows the same slide in every frame, with no layout shift', async ({ page }) => {
  await page.addInitScript(recordFrames, 4000)
  await page.goto(`${builtSite.url}7`)
  await takenOver(page)
  await page.waitForTimeout(4000 - await page.evaluate(() => performance.now()))
  const { frames, shift } = await page.evaluate(() => {
    const recorded = (window as unknown as { __frames: { frames: string[], shift: () => number } }).__frames
    return {
      frames: recorded.frames,
      shift: recorded.shift(),
    }
  })
  // From the first frame with a slide on it, slide 7 and only slide 7: the copy, both, then the deck.
  const fromFirst = frames.slice(frames.findIndex(frame => frame !== 'nothing'))
  expect(fromFirst[0]).toBe('copy 7')
  expect(fromFirst.filter(frame => !/^(?:copy 7|deck 7|deck 7, copy 7)$/.test(frame)), 'frames that showed something else').toEqual([])
  expect(fromFirst.at(-1)).toBe('deck 7')
  expect(shift, 'layout shift of the copy, or after it').toBe(0)
})

test('the presenter view and a later click never show the copy of another state', async ({ page }) => {
  for (const path of ['presenter/7', '7?clicks=1', 'overview']) {
    await page.addInitScript(recordFrames, 3000)
    await page.goto(`${builtSite.url}${path}`)
    await page.waitForTimeout(1500)
    const frames = await page.evaluate(() => (window as unknown as { __frames: { frames: string[] } }).__frames.frames)
    expect(frames.filter(frame => frame.includes('copy')), `/${path}`).toEqual([])
  }
})

test('once the deck has taken over, the keys move it and the page holds no copy', async ({ page }) => {
  await page.goto(`${builtSite.url}2`)
  await takenOver(page)
  await page.keyboard.press('ArrowDown')
  await expect(page).toHaveURL(/\/3$/)
  await expect(page.locator('#app .slidev-page-3')).toBeVisible()
  await expect(page.locator('.slidev-prerender')).toHaveCount(0)
})

test('before the deck\'s scripts have run, → already goes where the deck\'s own → goes, by the pages', async ({ page, request }) => {
  // The deck's scripts answered, but empty: the page stays as its HTML painted it.
  await page.route(/\/assets\/index-[\w-]+\.js$/, route => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }))
  const origin = new URL(builtSite.url).origin
  const nextOf = async (no: number) => /data-next="([^"]*)"/.exec(await (await request.get(`${builtSite.url}${no}`)).text())?.[1]
  // Slide 2 → its next page, painted from its HTML with the deck still not running.
  const next = await nextOf(2)
  expect(next).toBe(`${new URL(builtSite.url).pathname}3`)
  await page.goto(`${builtSite.url}2`)
  await expect(page.locator('.slidev-prerender .slidev-page-2')).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(`${origin}${next}`)
  await expect(page.locator('.slidev-prerender .slidev-page-3')).toBeVisible()
  await expect(page.locator('#app')).toBeEmpty()
  // A slide with clicks: → goes to its first click, which the deck draws (its page holds the slide before them).
  const clicked = slides.findIndex((slide, i) => i > 0 && /```\w*\s*\{[^}]*\|/.test(slide.content)) + 1
  expect(await nextOf(clicked)).toBe(`${new URL(builtSite.url).pathname}${clicked}?clicks=1`)
  await page.goto(`${builtSite.url}${clicked}`)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(`${builtSite.url}${clicked}?clicks=1`)
  // The other keys wait for the deck (a deck's own shortcuts may give them other moves).
  await page.goto(`${builtSite.url}3`)
  await page.keyboard.press('ArrowLeft')
  await page.waitForTimeout(300)
  await expect(page).toHaveURL(`${builtSite.url}3`)
})

test('on a demo slide, → before the deck runs skips its backups as the deck\'s own → does', async ({ page, request }) => {
  // slidev-addon-road: → on a demo slide goes past its backup slides. The page learnt it from the deck.
  const demos = slides.filter((slide, i) => slide.layout !== 'backup' && slides[i + 1]?.layout === 'backup')
  expect(demos.length).toBeGreaterThan(0)
  for (const slide of demos) {
    const html = await (await request.get(`${builtSite.url}${slide.no}`)).text()
    const next = /data-next="([^"]*)"/.exec(html)?.[1]
    expect(next, `slide ${slide.no} goes past its backups`).not.toBe(`${new URL(builtSite.url).pathname}${slide.no + 1}`)
    await page.goto(`${builtSite.url}${slide.no}`)
    await expect(page.locator('#app #slide-content .slidev-page:visible')).toHaveCount(1)
    await page.keyboard.press('ArrowRight')
    await expect(page, `slide ${slide.no}`).toHaveURL(`http://127.0.0.1:${new URL(builtSite.url).port}${next}`)
  }
})
