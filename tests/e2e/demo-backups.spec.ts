import type { Page } from '@playwright/test'
import { demos, releaseOptimizedProfile } from '../../data/deck'
import { chartText, published } from '../fixtures/published-figures'
import { readBackups } from '../support/backups'
import { normalize } from '../support/talk'
import { currentSlide, expect, openSlide, slideHeadings, test } from './fixtures'

const backups = readBackups()

/** Text as a reader reads it: no-break spaces are spaces, typographic quotes are plain. */
const read = (s: string) => normalize(s.replace(/\u00A0/g, ' '))

/** Bottom edges of the slide's content that lie below the slide itself (overflow), if any. */
async function overflow(page: Page): Promise<string[]> {
  return currentSlide(page).evaluate((slide) => {
    const bottom = slide.getBoundingClientRect().bottom
    return [
      ...slide.querySelectorAll('.slidev-layout > *:not(.backup-tag)'),
    ]
      .filter(el => el.getBoundingClientRect().bottom > bottom + 1)
      .map(el => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').slice(0, 40)}`)
  })
}

test.describe('a reader who missed a demo', () => {
  // One page per demo: each backup slide by its shared link, in a step named after it, its checks soft
  // so that one wrong slide does not hide the next.
  for (const demo of [
    ...new Set(backups.map(b => b.demo)),
  ]) {
    const slides = backups.filter(b => b.demo === demo)
    test(`reads the backups of ${demos[demo].folder}, slides ${slides.map(b => b.no).join(', ')}: each tagged as a backup of it, with highlighted code`, async ({ page }) => {
      test.setTimeout(30_000 + slides.length * 10_000)
      for (const b of slides) {
        await test.step(`slide ${b.no} "${b.heading}"`, async () => {
          await openSlide(page, b.no)
          await expect.soft(slideHeadings(page), `headings on slide ${b.no}`).toHaveCount(1)
          expect.soft(read(await slideHeadings(page).first().textContent() ?? ''), `the heading of slide ${b.no}`).toBe(read(b.heading))

          const tag = currentSlide(page).locator('.backup-tag')
          await expect.soft(tag, `the backup tag of slide ${b.no}`).toBeVisible()
          expect.soft(read(await tag.textContent() ?? ''), `the backup tag of slide ${b.no}`).toBe(`Demo backup · ${demos[b.demo].folder}`)

          const blocks = currentSlide(page).locator('pre.shiki')
          await expect.soft(blocks, `code blocks on slide ${b.no}`).toHaveCount(b.codeBlocks)
          for (const block of await blocks.all()) {
            await expect.soft(block, `a code block on slide ${b.no}`).toBeVisible()
            // shiki wraps tokens in spans coloured by the theme: a highlighted block has several colours.
            const colours = await block.locator('.line > span').evaluateAll(spans =>
              new Set(spans.map(s => getComputedStyle(s).color)).size)
            expect.soft(colours, `token colours of a code block on slide ${b.no}`).toBeGreaterThan(1)
          }

          expect.soft(await overflow(page), `content below slide ${b.no}`).toEqual([])
        })
      }
    })
  }
})

/** Each chart as 03-production/README.md publishes its figures: the builds, and the text of each bar. */
const charts = {
  binarySizeMB: {
    what: 'the binary sizes',
    builds: published.binarySize.map(([build]) => build),
    values: chartText.binarySizeMB,
  },
  buildTimeSeconds: {
    what: 'the build times',
    builds: published.buildTime.map(([build]) => build),
    values: chartText.buildTimeSeconds,
  },
  benchMilliseconds: {
    what: 'the bench timings',
    builds: published.bench.map(([build]) => build),
    values: chartText.benchMilliseconds,
  },
} as const

/** A bar's number as the chart prints it: `7,606 ± 85 ms` → 7606. */
const number = (text: string) => Number(text.replace(/,/g, '').split(' ')[0])

test.describe('a reader of the production backup', () => {
  for (const b of backups) {
    for (const figure of b.charts as (keyof typeof charts)[]) {
      test(`sees ${charts[figure].what} as published, with their source (slide ${b.no})`, async ({ page }) => {
        const { builds, values } = charts[figure]
        await openSlide(page, b.no)
        const chart = currentSlide(page).locator('figure.bar-chart')
        await expect(chart).toHaveCount(1)

        expect(await chart.locator('.bar-chart__label').allTextContents()).toEqual(builds)
        expect((await chart.locator('.bar-chart__value').allTextContents()).map(read)).toEqual(values)

        // Bars are as long as their values say.
        const widths = await chart.locator('rect').evaluateAll(rects => rects.map(r => r.getBoundingClientRect().width))
        expect(widths).toHaveLength(values.length)
        values.forEach((v, i) => expect(widths[i] / widths[0]).toBeCloseTo(number(v) / number(values[0]), 2))

        const svg = chart.locator('svg')
        await expect(svg).toHaveAttribute('role', 'img')
        const label = read(await svg.getAttribute('aria-label') ?? '')
        builds.forEach((build, i) => expect(label).toContain(`${build} ${values[i]}`))

        const source = chart.locator('.bar-chart__source')
        await expect(source).toBeVisible()
        expect(read(await source.textContent() ?? '')).toBe('Source: 03-production/README.md (kjuulh/building-rust-for-production), measured on the author\'s machine')
        await expect(source.locator('a')).toHaveAttribute('href', 'https://github.com/kjuulh/building-rust-for-production/blob/main/03-production/README.md')
        if (figure === 'benchMilliseconds')
          expect(read(await chart.locator('.bar-chart__note').textContent() ?? '')).toBe(chartText.benchNote)
      })
    }
  }
})

test('the speaker clicks through the release-optimized profile, one key a click', async ({ page }) => {
  const slide = backups.find(s => s.content.includes(`[profile.${releaseOptimizedProfile.name}]`))!
  await openSlide(page, slide.no)
  const code = currentSlide(page).locator('pre.shiki')
  const explained = currentSlide(page).locator('.profile-keys [aria-current="step"]')
  await expect(explained).toHaveCount(0)
  for (const k of releaseOptimizedProfile.keys) {
    await page.keyboard.press('ArrowRight')
    await expect(code.locator('.line.highlighted')).toHaveText(`${k.key} = ${k.value}`)
    await expect(explained.locator('dt code')).toHaveText(k.key)
  }
  await page.keyboard.press('ArrowRight')
  await expect(explained).toHaveCount(0)
  await expect(code.locator('.line.highlighted')).toHaveCount(releaseOptimizedProfile.keys.length + 1)
  await expect(page).toHaveURL(new RegExp(`/${slide.no}(\\?.*)?$`))
})
