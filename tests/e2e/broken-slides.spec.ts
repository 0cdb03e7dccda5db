import type { DeckCopy } from '../support/bad-deck'
import { expect, test } from '@playwright/test'
import { deckCopy, runNode, startDevServer } from '../support/bad-deck'
import { devServer } from '../support/servers'

/**
 * A speaker's mistake that Slidev would turn into a blank slide, in a copy of this project whose
 * slides.md is a deck of tests/fixtures/bad-decks/: `npm run build` fails and names the file, line
 * and slide, in the deck check's form. The lines below are read off the fixtures by hand.
 */
const throws = `slides.md:14 (slide 2): the slide throws while it renders (TypeError: Cannot read properties of undefined (reading 'nope')), so it shows blank. Check the expressions and components on it.`
const unclosed = 'slides.md:14 (slide 2): <div> is never closed, so Vue cannot compile the slide (Element is missing end tag). Add </div> where it ends.'

/** Builds that stop: Vue's compile stops at the first broken slide, so one deck each; what only shows when slides render comes in one build. */
const builds = [
  {
    what: 'a tag that is never closed',
    fixture: 'unclosed-tag.md',
    lines: [unclosed],
  },
  {
    what: 'an import that fails',
    fixture: 'import-fails.md',
    lines: ['slides.md:15 (slide 2): the slide imports "./data/figures", which is not there, so the slide would not load. Check the path (relative to slides.md) or install the package.'],
  },
  {
    what: 'a Vue expression that throws, a component that throws, a slide that renders empty',
    fixture: 'render-problems.md',
    lines: [
      throws,
      `slides.md:22 (slide 3): the slide throws while it renders (TypeError: Cannot read properties of undefined (reading 'map'), in <BarChart>), so it shows blank. Check the expressions and components on it.`,
      'slides.md:26 (slide 4): the slide renders empty: no text, image or drawing shows on it. Check for an unclosed tag or comment, or a v-if that is never true.',
    ],
  },
]

test.describe('a broken slide', () => {
  // One copy of the project, one build at a time (Slidev's build exports on a fixed port).
  test.describe.configure({ mode: 'serial', timeout: 240_000 })
  let copy: DeckCopy
  test.beforeAll(() => {
    copy = deckCopy()
  })
  test.afterAll(() => copy?.remove())

  // The dev server first, on the fresh copy: after the builds below, the overlay did not come on a
  // busy machine, for a reason not found yet. One server: the second mistake is a save of slides.md.
  test('shows the same line with npm run dev, in the terminal and the browser: a Vue expression that throws, then a tag never closed', async ({ page }) => {
    test.setTimeout(360_000) // a dev server's first start on a busy machine
    copy.use('render-problems.md')
    const port = devServer.port + 50
    const dev = await startDevServer(copy.dir, port)
    try {
      // A fresh copy's first visit makes Vite pre-bundle the deck's dependencies and reload the
      // page, which takes the overlay with it: open the good slide 1 first, as a speaker would.
      await page.goto(`${dev.url}1`)
      await expect(page.locator('#slide-content h1').first()).toBeVisible({ timeout: 120_000 })
      await page.goto(`${dev.url}2`)
      await expect(page.locator('vite-error-overlay')).toContainText(throws, { timeout: 60_000 })
      await expect.poll(dev.output, { timeout: 10_000 }).toContain(throws)

      copy.use('unclosed-tag.md')
      await expect(page.locator('vite-error-overlay')).toContainText(unclosed, { timeout: 60_000 })
      await expect.poll(dev.output, { timeout: 10_000 }).toContain(unclosed)
    }
    finally {
      await dev.stop()
    }
  })

  for (const { what, fixture, lines } of builds) {
    test(`stops npm run build, naming the slide: ${what}`, async () => {
      copy.use(fixture)
      const run = await runNode(copy.dir, ['scripts/build.ts', '--out', 'dist-bad'])
      expect(run.code, run.output).not.toBe(0)
      const tail = run.output.trimEnd().split('\n').slice(-1 - lines.length)
      expect(tail, run.output.slice(-4000)).toEqual(['The deck has problems:', ...lines])
    })
  }
})
