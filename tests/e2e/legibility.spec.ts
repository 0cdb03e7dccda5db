import type { Page } from '@playwright/test'
import type { SlideLegibility, TextSample } from '../support/legibility'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { backgroundBehind, judgeSlide, legibilityTable, targets } from '../support/legibility'
import { readSlides } from '../support/slides'
import { expect, slideHeadings, test } from './fixtures'

// A 1080p projector or screen, as the room sees the deck: Slidev scales each slide to fill it.
test.use({
  viewport: { width: 1920, height: 1080 },
})

const slides = readSlides()

/** Where the table of every slide goes, for whoever reads the run (also attached to the test). */
const tableFile = join('test-results', 'legibility', 'legibility.md')

interface Measured {
  samples: Array<Omit<TextSample, 'background'> & { backgrounds: string[] }>
  /** How far down the slide its content reaches, 0 to 1 (absolutely positioned corners left out). */
  bottom: number
  /** Code blocks whose lines run past their box (cut, or scrolled sideways), and content below the slide. */
  cut: string[]
}

/**
 * Every visible run of text on slide `no` as the screen shows it: its font size times every scale
 * above it, its colour and opacity, and the backgrounds behind it. The judging is in
 * tests/support/legibility.ts.
 */
async function measureSlide(page: Page, no: number): Promise<Measured> {
  return page.locator(`#app #slide-content .slidev-page-${no}`).evaluate((slide: HTMLElement) => {
    const slideRect = slide.getBoundingClientRect()
    const slideScale = slideRect.width / slide.offsetWidth
    const samples: Measured['samples'] = []
    let bottom = 0
    const ancestors = (el: Element) => {
      const chain: Element[] = []
      for (let a: Element | null = el; a && a !== slide.parentElement; a = a.parentElement)
        chain.push(a)
      return chain
    }
    /** Inside a box clipped to nothing (a screen reader's text), or scrolled away. */
    const clippedAway = (el: Element) => ancestors(el).some((a) => {
      const style = getComputedStyle(a)
      const r = a.getBoundingClientRect()
      return (style.overflow !== 'visible' || style.clip !== 'auto') && (r.width <= 1 || r.height <= 1)
    })
    const positioned = (el: Element) => ancestors(el).some(a => ['absolute', 'fixed'].includes(getComputedStyle(a).position) && a !== slide)
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.replace(/\s+/g, ' ').trim()
      const el = node.parentElement
      if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clippedAway(el))
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [
        ...range.getClientRects(),
      ].filter(r => r.width > 1 && r.height > 1 && r.bottom > slideRect.top && r.top < slideRect.bottom)
      if (rects.length === 0)
        continue
      const style = getComputedStyle(el)
      const svg = el instanceof SVGElement
        ? el.closest('svg')
        : null
      const scale = svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0
        ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
        : slideScale
      const backgrounds: string[] = []
      let opacity = 1
      for (const a of ancestors(el)) {
        const s = getComputedStyle(a)
        backgrounds.push(s.backgroundColor)
        if (/^rgb\(|^#/.test(s.backgroundColor) || /,\s*1\)$|\/\s*1\)$/.test(s.backgroundColor))
          break
        opacity *= Number(s.opacity)
      }
      samples.push({
        text: text.slice(0, 48),
        kind: el.closest('h1, h2, h3, h4, h5, h6')
          ? 'heading'
          : el.closest('pre, code, kbd')
            ? 'code'
            : 'body',
        px: Number.parseFloat(svg
          ? getComputedStyle(el).fontSize
          : style.fontSize) * scale,
        color: svg
          ? style.fill
          : style.color,
        opacity,
        backgrounds,
      })
      if (!positioned(el))
        bottom = Math.max(bottom, ...rects.map(r => r.bottom))
    }
    for (const box of slide.querySelectorAll('pre, svg, img, table, figure')) {
      if (!positioned(box) && box.checkVisibility())
        bottom = Math.max(bottom, box.getBoundingClientRect().bottom)
    }
    const cut = [
      ...[
        ...slide.querySelectorAll('pre'),
      ]
        .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
        .map(pre => `code runs ${pre.scrollWidth - pre.clientWidth} px past its block: "${(pre.textContent ?? '').trim().slice(0, 48)}"`),
      ...(bottom > slideRect.bottom + 1
        ? [`content runs ${Math.round((bottom - slideRect.bottom) / slideScale)} px below the slide`]
        : []),
    ]
    return { samples, bottom: (bottom - slideRect.top) / slideRect.height, cut }
  })
}

/** Slides with click steps (highlighted code lines, v-click, a component following `$clicks`). */
const clicked = (content: string) => /```[\w-]*\s*\{[^}\n]*\||v-clicks?\b|\$clicks/.test(content)

/**
 * The states of a slide the room sees: as it opens, and for a slide with click steps also after
 * the first click (another line highlighted, a note emphasised) and at its last (everything shown).
 */
function states(slide: { no: number, content: string }) {
  return clicked(slide.content)
    ? [`${slide.no}`, `${slide.no}?clicks=1`, `${slide.no}?clicks=99`]
    : [`${slide.no}`]
}

test(`the back row reads every slide at 1080p: code at ${targets.codePx} px or more, other text at ${targets.bodyPx} px or more, all at ${targets.contrast}:1 contrast or more, no code line cut`, async ({ page }, testInfo) => {
  test.setTimeout(30_000 + slides.length * 12_000)
  const judged: Array<SlideLegibility & { heading: string, bottom: number }> = []
  for (const slide of slides) {
    await test.step(`slide ${slide.no} "${slide.heading}"`, async () => {
      const measured: Measured[] = []
      for (const state of states(slide)) {
        await page.goto(state)
        await expect(slideHeadings(page).first()).toBeVisible()
        // Fonts in, and a click's fade or highlight finished: text mid-fade is not what the room reads.
        await page.evaluate(() => document.fonts.ready)
        await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== 'running'))
        measured.push(await measureSlide(page, slide.no))
      }
      const samples = measured.flatMap(m => m.samples)
      expect(samples.length, `text measured on slide ${slide.no}`).toBeGreaterThan(0)
      const result = judgeSlide(slide.no, samples.map(({ backgrounds, ...sample }) => ({
        ...sample,
        background: backgroundBehind(backgrounds),
      })))
      result.shortfalls.push(...new Set(measured.flatMap(m => m.cut)))
      judged.push({
        ...result,
        heading: slide.heading,
        bottom: Math.max(...measured.map(m => m.bottom)),
      })
      expect.soft(result.shortfalls, `slide ${slide.no} "${slide.heading}": what the back row cannot read`).toEqual([])
    })
  }
  const table = legibilityTable(judged)
  mkdirSync(join('test-results', 'legibility'), { recursive: true })
  writeFileSync(tableFile, `${table}\n`)
  await testInfo.attach('legibility per slide', { body: table, contentType: 'text/markdown' })
})
