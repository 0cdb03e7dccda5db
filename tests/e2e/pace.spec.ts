import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { readBackups } from '../support/backups'
import { expect, test } from './fixtures'

// The plan as slides.md sets it: each part's first slide has `part` and `planned`.
const { slides } = parseSync(readFileSync('slides.md', 'utf8'), 'slides.md')
const plan = slides.flatMap((slide, i) => slide.frontmatter.part
  ? [
      {
        title: String(slide.frontmatter.part),
        planned: String(slide.frontmatter.planned),
        no: i + 1,
      },
    ]
  : [])
const part = (title: string) => plan.find(p => p.title === title)!

/**
 * Starts the presenter view's timer as the speaker does (hover the clock, press play) with the
 * page's clock stopped, so that only `page.clock.fastForward` moves it on.
 */
async function startTimer(page: Page) {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000))
  await page.locator('.slidev-presenter .group:has(.i-carbon\\:time) .font-mono').hover()
  await page.locator('.slidev-presenter .i-carbon\\:play').click()
}

const paceLine = (page: Page) => page.locator('.pace-line')

test.describe('the speaker keeping to the pace plan', () => {
  test('the plan in slides.md is the one these tests expect', () => {
    expect(plan.map(p => `${p.title} ${p.planned}`)).toEqual([
      'Intro 3min',
      'Rust locally 7min',
      'Rust in CI 7min',
      'Rust in Production 6min',
      'Bonus 4min',
      'Questions 3min',
    ])
    expect(slides[0].frontmatter.duration).toBe('30min')
  })

  test('sees the current part and when it is planned to end before starting the timer', async ({ page }) => {
    await page.goto(`presenter/${part('Rust in CI').no}`)
    await expect(paceLine(page)).toContainText('Rust in CI')
    // 3 + 7 + 7 minutes.
    await expect(paceLine(page).locator('.pace-line__end')).toHaveText('until 17:00')
    await expect(paceLine(page).locator('.pace-line__pace')).toHaveText('timer not started')
  })

  test('sees how far behind the intro is, in a warning colour after a minute', async ({ page }) => {
    await page.clock.install()
    await page.goto('presenter/1')
    await startTimer(page)
    const pace = paceLine(page).locator('.pace-line__pace')
    await expect(pace).toHaveText('on time')
    const onTime = await pace.evaluate(el => getComputedStyle(el).color)

    await page.clock.fastForward('03:50')
    await expect(pace).toHaveText('0:50 behind')
    const behind = await pace.evaluate(el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
    expect(behind[0]).not.toBe(onTime)

    await page.clock.fastForward('00:30')
    await expect(pace).toHaveText('1:20 behind')
    const late = await pace.evaluate(el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
    expect(late).not.toEqual(behind)
  })

  test('sees how far ahead of the next part\'s planned start the speaker is', async ({ page }) => {
    await page.clock.install()
    await page.goto('presenter/1')
    await startTimer(page)
    await page.clock.fastForward('02:30')
    // The slides up to "Rust locally" have no backups: one Shift+→ each.
    for (let no = 2; no <= part('Rust locally').no; no++) {
      await page.keyboard.press('Shift+ArrowRight')
      await expect(page).toHaveURL(new RegExp(`presenter/${no}$`))
    }
    await expect(paceLine(page)).toContainText('Rust locally')
    await expect(paceLine(page).locator('.pace-line__end')).toHaveText('until 10:00')
    await expect(paceLine(page).locator('.pace-line__pace')).toHaveText('0:30 ahead')
  })

  test('reads the presenter bar in one row on a 1280 × 800 laptop, on a demo slide and a backup', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    // The slide counter ("9 / 34") is the first thing to wrap onto a row of its own.
    const counter = page.locator('.slidev-presenter nav span', { hasText: ` / ${slides.length}` })
    const expectOneRow = async () => {
      const [a, b] = [await counter.boundingBox(), await paceLine(page).boundingBox()]
      expect(Math.abs((a!.y + a!.height / 2) - (b!.y + b!.height / 2)), 'counter and pace line on one row').toBeLessThan(8)
    }
    const backup = readBackups()[1]
    await page.goto(`presenter/${backup.no}`)
    await expect(page.locator('.detour-hint[data-detour="backup"]')).toBeVisible()
    await expectOneRow()

    const demo = readBackups()[0].no - 1
    await page.clock.install()
    await page.goto(`presenter/${demo}`)
    await expect(page.locator('.detour-hint[data-detour="demo"]')).toBeVisible()
    await expectOneRow()
    await startTimer(page)
    await page.clock.fastForward('20:00')
    await expect(paceLine(page).locator('.pace-line__pace')).toHaveText(/\d+:\d\d behind/)
    await expectOneRow()
  })

  test('time in the backups counts to their demo slide\'s part', async ({ page }) => {
    const lastProductionBackup = readBackups().filter(b => b.demo === 'production').at(-1)!.no
    expect(lastProductionBackup).toBeLessThan(part('Bonus').no)
    await page.clock.install()
    await page.goto(`presenter/${lastProductionBackup}`)
    await startTimer(page)
    // Rust in Production ends at 3 + 7 + 7 + 6 = 23 minutes.
    await page.clock.fastForward('24:00')
    await expect(paceLine(page)).toContainText('Rust in Production')
    await expect(paceLine(page).locator('.pace-line__pace')).toHaveText('1:00 behind')
  })
})
