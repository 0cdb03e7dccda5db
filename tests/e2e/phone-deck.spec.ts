import type { Locator } from '@playwright/test'
import { devices } from '@playwright/test'
import { readSlides } from '../support/slides'
import { currentSlide, expect, slideHeadings, swipe, test } from './fixtures'
import { axe } from './slide-checks'

// The deck on a phone, for those who chose the slides over the reading view (`?view=slides`).
const slides = readSlides()

function device(name: keyof typeof devices) {
  const { defaultBrowserType: _, ...descriptor } = devices[name]
  return descriptor
}

/** Contrast ratio of a control's colour, at its opacity, against the colour behind it (WCAG). */
async function contrastOf(control: Locator): Promise<number> {
  return control.evaluate((el) => {
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number)
    const opacity = (e: Element | null): number => e
      ? Number(getComputedStyle(e).opacity) * opacity(e.parentElement)
      : 1
    let behind: Element | null = el
    while (behind && rgba(getComputedStyle(behind).backgroundColor)[3] === 0)
      behind = behind.parentElement
    const [br, bg, bb, ba = 1] = rgba(behind
      ? getComputedStyle(behind).backgroundColor
      : 'rgb(255, 255, 255)')
    // A translucent ground over the white page.
    const ground = [br, bg, bb].map(c => c * ba + 255 * (1 - ba))
    const [r, g, b] = rgba(getComputedStyle(el).color)
    const alpha = opacity(el)
    const fore = [r, g, b].map((c, i) => c * alpha + ground[i] * (1 - alpha))
    const luminance = (rgb: number[]) => {
      const [lr, lg, lb] = rgb.map((c) => {
        const s = c / 255
        return s <= 0.03928
          ? s / 12.92
          : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
    }
    const [light, dark] = [
      luminance(fore),
      luminance(ground),
    ].sort((x, y) => y - x)
    return (light + 0.05) / (dark + 0.05)
  })
}

for (const name of [
  'Pixel 7',
  'Pixel 7 landscape',
  'iPhone 13',
  'iPhone 13 landscape',
] as const) {
  test.describe(`on a ${name}`, () => {
    test.use(device(name))

    test('the navigation bar is in view, readable at 3:1, and moves the deck', async ({ page }) => {
      await page.goto('16?view=slides')
      await expect(slideHeadings(page).first()).toHaveText(slides[15].heading)
      const next = page.getByRole('button', { name: 'Go to next slide' })
      await expect(next).toBeInViewport()
      // Measured once the page has settled (Slidev fades the bar in).
      await expect.poll(() => contrastOf(next)).toBeGreaterThanOrEqual(3)
      const box = (await next.boundingBox())!
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
      // The slide and the bar do not overlap: the bar sits below or beside the slide's content.
      const slide = (await currentSlide(page).locator('.slidev-layout').boundingBox())!
      const bar = (await page.locator('nav').first().boundingBox())!
      expect(bar.y + 1, 'the bar covers the slide').toBeGreaterThanOrEqual(slide.y + slide.height * 0.9)
      await page.getByRole('button', { name: 'Go to previous slide' }).tap()
      await expect(page).toHaveURL(/\/15(?:\?|$)/)
      await expect(page.getByText(/^\s*15\s*\/\s*\d+\s*$/)).toBeVisible()
    })

    test('a swipe that starts on a code block moves the deck', async ({ page }) => {
      await page.goto('16?view=slides')
      const code = currentSlide(page).locator('pre').first()
      await expect(code).toBeVisible()
      await expect(code).not.toHaveAttribute('data-scrolls')
      const box = (await code.boundingBox())!
      const y = box.y + box.height / 2
      await swipe(page, { x: box.x + box.width * 0.8, y }, { x: box.x + box.width * 0.1, y })
      // Slide 16 steps through its code first: the swipe is the speaker's "next".
      await expect(page).toHaveURL(/\/16\?.*clicks=1/)
    })

    test('a code block wider than its slide still scrolls sideways under a finger', async ({ page }) => {
      await page.goto('16?view=slides')
      const code = currentSlide(page).locator('pre').first()
      await expect(code).not.toHaveAttribute('data-scrolls')
      await code.locator('.line').first().evaluate((line) => {
        line.append(` // ${'a line far longer than the slide is wide '.repeat(4)}`)
      })
      await expect(code).toHaveAttribute('data-scrolls')
      const box = (await code.boundingBox())!
      const y = box.y + box.height / 2
      await swipe(page, { x: box.x + box.width * 0.8, y }, { x: box.x + box.width * 0.2, y })
      await expect.poll(() => code.evaluate(el => el.scrollLeft)).toBeGreaterThan(0)
      await expect(page).toHaveURL(/\/16\?view=slides$/)
    })

    test('has no serious accessibility problem', async ({ page }) => {
      await page.goto('16?view=slides')
      await expect(slideHeadings(page).first()).toBeVisible()
      const { violations } = await axe(page).analyze()
      expect(violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)).toEqual([])
    })
  })
}

test.describe('on a laptop', () => {
  test('the navigation bar shows when the pointer comes near, readable at 3:1', async ({ page }) => {
    await page.goto('16')
    await expect(slideHeadings(page).first()).toBeVisible()
    const next = page.getByRole('button', { name: 'Go to next slide' })
    await next.hover()
    await expect.poll(() => next.evaluate(el => Number(getComputedStyle(el.closest('nav')!.parentElement!).opacity))).toBe(1)
    expect(await contrastOf(next)).toBeGreaterThanOrEqual(3)
  })
})
