import type { Page } from '@playwright/test'
import { devices } from '@playwright/test'
import { budgets } from '../../bench/budgets'
import { measureReadingView } from '../../bench/reading-view'
import { deck } from '../../data/deck'
import { builtSite, gzipWeight } from '../support/servers'
import { readSlides } from '../support/slides'
import { normalize, readTalk } from '../support/talk'
import { currentSlide, expect, openSlide, printedSlides, slideHeadings, test } from './fixtures'
import { axe } from './slide-checks'

// The reading view (read/): the talk as one page for a phone held upright, and the switch that
// sends such a phone there from the deck's URLs.
const slides = readSlides()

/** A device descriptor without the browser type, which a describe block may not set. */
function device(name: keyof typeof devices) {
  const { defaultBrowserType: _, ...descriptor } = devices[name]
  return descriptor
}

/** Text compared as a reader would: case (a badge in capitals), spacing and quotes do not matter. */
const comparable = (text: string) => normalize(text).toLowerCase()

/** The section of the reading view that holds slide `no`. */
const section = (page: Page, no: number) => page.locator(`section[id="${no}"]`)

for (const phone of ['Pixel 7', 'iPhone 13'] as const) {
  test.describe(`on a ${phone} held upright`, () => {
    test.use(device(phone))

    test('the QR code\'s URL opens the reading view at the top', async ({ page }) => {
      await page.goto('./')
      await expect(page).toHaveURL(/\/read\/$/)
      await expect(page.locator('h1')).toHaveText(deck.title)
    })

    test('a shared link to slide 16 lands on slide 16 of the reading view, its heading in view', async ({ page }) => {
      const slide = slides[15]
      await page.goto('16')
      await expect(page).toHaveURL(/\/read\/#16$/)
      const heading = section(page, 16).locator('h2').first()
      await expect(heading).toHaveText(slide.heading)
      await expect(heading).toBeInViewport()
    })

    test('"View as slides" opens the deck, and the device remembers the choice', async ({ page }) => {
      await page.goto('5')
      await expect(page).toHaveURL(/\/read\/#5$/)
      await page.getByRole('link', { name: 'View as slides' }).first().click()
      // The deck's router then takes `/` to slide 1's own address, `/1`, keeping the query.
      await expect(page).toHaveURL(/\/1?\?view=slides$/)
      await expect(slideHeadings(page).first()).toHaveText(deck.title)
      // Later visits, a deep link included, stay on the slides.
      await openSlide(page, 12)
      await expect(page).toHaveURL(/\/12$/)
      // "Read the talk as a page" on the last slide goes back to reading, and forgets the choice.
      await openSlide(page, slides.length)
      await currentSlide(page).getByRole('link', { name: 'Read the talk as a page' }).click()
      await expect(page).toHaveURL(/\/read\/$/)
      await page.goto('7')
      await expect(page).toHaveURL(/\/read\/#7$/)
    })

    test('a slide\'s own link opens it in the deck', async ({ page }) => {
      await page.goto('read/')
      await section(page, 21).getByRole('link', { name: 'View as slide 21' }).click()
      await expect(page).toHaveURL(/\/21\?view=slides$/)
      await expect(slideHeadings(page).first()).toHaveText(slides[20].heading)
    })

    test('the presenter view, the overview and the exports never switch', async ({ page }) => {
      for (const route of ['presenter/9', 'overview', 'print']) {
        await page.goto(route)
        // The switch runs first in the page, before the deck: once the deck has drawn the view's
        // slides, it would have happened (the reading view draws none).
        await expect(page.locator('.slidev-page').first(), route).toBeAttached()
        await expect(page, route).toHaveURL(new RegExp(`/${route}$`))
      }
    })
  })
}

for (const [what, descriptor] of [
  [
    'a laptop',
    {
      viewport: { width: 1280, height: 720 },
    },
  ],
  [
    'a tablet',
    device('iPad (gen 7)'),
  ],
  [
    'a phone held sideways',
    device('Pixel 7 landscape'),
  ],
] as const) {
  test.describe(`on ${what}`, () => {
    test.use(descriptor)
    test('a shared link opens the slide in the deck, as before', async ({ page }) => {
      await openSlide(page, 16)
      await expect(page).toHaveURL(/\/16$/)
    })
  })
}

test.describe('the reading view\'s text', () => {
  test('every slide of the deck is in the page as served, with JavaScript off', async ({ page, browser, baseURL }) => {
    // With JavaScript off nothing can add text after the page arrives: what is read is what is served.
    const reader = await browser.newContext({ javaScriptEnabled: false, baseURL })
    const reading = await reader.newPage()
    await reading.goto('read/')
    const served = await reading.locator('section[id]').evaluateAll(sections =>
      Object.fromEntries(sections.map(s => [s.id, (s as HTMLElement).innerText])))
    await reader.close()
    expect(Object.keys(served)).toEqual(slides.map(s => String(s.no)))

    const printed = await printedSlides(page, slides.length)
    for (const slide of slides) {
      // Every line the deck shows on the slide, but for its number in the corner, the link to the
      // reading view itself, and the backup layout's tag: the page labels a backup "Backup".
      const lines = (await printed(slide.no).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.slide-number, .reading-view-link, .backup-tag').forEach(e => e.remove())
        copy.style.position = 'absolute'
        document.body.append(copy)
        const text = copy.innerText
        copy.remove()
        return text
      })).split('\n').map(comparable).filter(Boolean)
      expect(lines.length, `slide ${slide.no}`).toBeGreaterThan(0)
      const text = comparable(served[slide.no])
      if (slide.layout === 'backup')
        expect(text, `slide ${slide.no}`).toContain(`slide ${slide.no} · backup`)
      for (const line of lines)
        expect(text, `slide ${slide.no} "${slide.heading}": "${line}"`).toContain(line)
    }
  })

  test('every line of the original talk and its notes is in the page, in order', async ({ browser, baseURL }) => {
    const reader = await browser.newContext({ javaScriptEnabled: false, baseURL })
    const reading = await reader.newPage()
    await reading.goto('read/')
    const page = comparable(await reading.locator('body').innerText())
    await reader.close()
    let from = 0
    for (const original of readTalk()) {
      for (const line of [
        ...original.lines,
        ...original.notes,
      ]) {
        const at = page.indexOf(comparable(line), from)
        expect(at, `slide ${original.no} of the talk: "${line}"`).toBeGreaterThanOrEqual(0)
        from = at
      }
    }
  })
})

test.describe('the reading view on a 412 × 915 phone', () => {
  test.use({
    ...device('Pixel 7'),
    viewport: { width: 412, height: 915 },
  })

  test('reads at 16 px, code at 13 px, nothing wider than the screen, every link big enough to tap', async ({ page }) => {
    await page.goto('read/')
    await page.evaluate(() => document.fonts.ready)
    const report = await page.evaluate(() => {
      const small: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement!
        if (!node.textContent!.trim() || element.closest('.sr-only, .skip') || !element.getClientRects().length)
          continue
        const inCode = !!element.closest('pre, code')
        // SVG text is scaled with its chart: measure the size it is drawn at.
        const svgText = element.closest('svg text')
        const size = svgText
          ? Number.parseFloat(getComputedStyle(svgText).fontSize) * (svgText.closest('svg')!.getBoundingClientRect().width / svgText.closest('svg')!.viewBox.baseVal.width)
          : Number.parseFloat(getComputedStyle(element).fontSize)
        if (size < (inCode ? 13 : 16))
          small.push(`${size.toFixed(1)} px: "${node.textContent!.trim().slice(0, 40)}"`)
      }
      const links = [
        ...document.querySelectorAll('a'),
      ]
        .filter(a => a.getClientRects().length && !a.matches('.skip'))
        .map(a => ({
          text: a.textContent!.trim(),
          box: a.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text} (${box.width.toFixed(0)} × ${box.height.toFixed(0)})`)
      return {
        small,
        links,
        pageWidth: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        codeThatScrolls: [
          ...document.querySelectorAll('pre'),
        ].filter(p => p.scrollWidth > p.clientWidth).length,
      }
    })
    expect(report.small, 'text smaller than 16 px (13 px for code)').toEqual([])
    expect(report.links, 'links smaller than 44 × 44 px').toEqual([])
    expect(report.pageWidth, 'the page scrolls sideways').toBeLessThanOrEqual(report.viewport)
    // Long lines of code do not fit a phone: they scroll inside their block.
    expect(report.codeThatScrolls).toBeGreaterThan(0)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`passes axe in ${colorScheme} mode, contrast included`, async ({ page }) => {
      test.slow() // axe checks the contrast of every highlighted token
      await page.emulateMedia({ colorScheme })
      await page.goto('read/')
      const { violations } = await axe(page).analyze()
      expect(violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`))).toEqual([])
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background).toBe(colorScheme === 'dark'
        ? 'rgb(28, 25, 23)'
        : 'rgb(255, 255, 255)')
    })
  }

  test('prints as a clean article: no buttons, code wrapped instead of cut off', async ({ page }) => {
    await page.goto('read/')
    await page.emulateMedia({ media: 'print' })
    const buttons = page.locator('.view-switch, .slide__open')
    expect(await buttons.count()).toBeGreaterThan(slides.length)
    for (const link of await buttons.all())
      await expect(link).toBeHidden()
    const cut = await page.locator('pre').evaluateAll(blocks => blocks.filter(b => b.scrollWidth > b.clientWidth + 1).length)
    expect(cut).toBe(0)
    await expect(page.locator('.notes').first()).toBeVisible()
  })
})

test.describe('the reading view on the narrowest phones', () => {
  test.use(device('iPhone 13'))

  test('never scrolls sideways from 320 to 430 px, in its own fonts or a wide one', async ({ page }) => {
    await page.goto('read/')
    const sideways: string[] = []
    for (const font of ['its own fonts', 'a wide monospace font']) {
      if (font !== 'its own fonts')
        await page.addStyleTag({ content: '* { font-family: monospace !important }' })
      for (const width of [320, 360, 375, 390, 430]) {
        await page.setViewportSize({ width, height: 800 })
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        if (over > 0)
          sideways.push(`${width} px, ${font}: ${over} px`)
      }
    }
    expect(sideways, 'the page scrolls sideways').toEqual([])
  })
})

test('a phone loads the reading view within its budget, with no script and no font to wait for', async ({ browser, baseURL }) => {
  const load = await measureReadingView(browser as unknown as Parameters<typeof measureReadingView>[0], `${baseURL}read/`)
  const sizes = load.resources.map(({ path }) => ({
    path,
    bytes: gzipWeight(builtSite.dist, path),
  }))
  const listing = sizes.map(s => `${(s.bytes / 1024).toFixed(1)} KiB ${s.path}`).join('\n')
  expect(sizes.reduce((sum, s) => sum + s.bytes, 0) / 1024, listing).toBeLessThanOrEqual(budgets.readingKiB.limit)
  expect(sizes.filter(s => /\.(?:m?js|woff2?)$/.test(s.path)), 'scripts and fonts').toEqual([])
})
