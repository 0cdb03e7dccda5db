import type { StaticSite } from '../../tools/serve'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveSite } from '../../tools/serve'
import { root, runSlidev } from '../../tools/slidev'
import { test as base, currentSlide, expect } from './fixtures'

// slidev-addon-lean-client on a deck of the kind `npm create slidev` makes, which the talk is not:
// `v-motion`, `v-mark`, `v-click`, `v-drag`, `<Arrow>`, with twoslash and drawings as Slidev has them.
// Its stand-ins for Slidev's modules are checked against them in addons/lean-client/client/*.test.ts;
// a hook one of them lacks is still an error only in the browser (v-motion's `t.mounted is not a
// function`), so this builds such a deck once and fails on any page error or console error
// (tests/e2e/fixtures.ts) while each slide loads and while its clicks are stepped through.

const slides = `---
theme: default
title: Lean client on a starter deck
fonts:
  provider: none
favicon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E"
transition: slide-left
mcp: false
# wake-lock: headless Chromium refuses Slidev's screen wake lock, an unhandled rejection without it.
addons:
  - lean-client
  - wake-lock
---

# Motion and marks

<div class="mover" v-motion :initial="{ x: -80 }" :enter="{ x: 0 }" :click-1="{ x: 80 }" :leave="{ x: 1000 }">Moves</div>
<div v-motion :initial="{ opacity: 0 }" :visible="{ opacity: 1 }">Seen</div>

<span v-mark.red="2">marked at click 2</span> and <span v-mark.circle.orange>marked at once</span>

---

# Clicks

<div v-click>One</div>
<div v-click.fade>Two</div>
<v-click><span v-mark.underline="3">Three</span></v-click>
<div v-after>After</div>

---

# Dragging

<v-drag pos="100,160,200,50">Drag me</v-drag>
<div v-drag="[360,220,120,40]">Me too</div>
<Arrow v-click x1="10" y1="20" x2="100" y2="200" />
<div v-motion :initial="{ y: 40 }" :enter="{ y: 0 }">Moves in</div>
`

const slideCount = 3

const test = base.extend<object, { leanDeck: StaticSite }>({
  leanDeck: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
    async ({}, use) => {
      // Inside the repository, so that the workspace packages (the addons) resolve from its node_modules.
      mkdirSync(join(root, '.scratch'), { recursive: true })
      const dir = mkdtempSync(join(root, '.scratch', 'lean-client-e2e-'))
      try {
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'lean-client-e2e', type: 'module', private: true }))
        writeFileSync(join(dir, 'slides.md'), slides)
        await runSlidev(['build', '--out', 'dist'], { quiet: true, cwd: dir })
        const site = await serveSite(join(dir, 'dist'))
        await use(site)
        await site.close()
      }
      finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ leanDeck }, use) => use(leanDeck.url),
})

// One build, one worker: the tests share the deck.
test.describe.configure({ mode: 'serial' })

test.describe('the lean client on a deck with motion, marks, clicks and dragging', () => {
  test('each slide loads without an error, and v-motion and v-mark act', async ({ page }) => {
    for (let no = 1; no <= slideCount; no++) {
      await page.goto(String(no))
      await expect(currentSlide(page).locator('h1')).toBeVisible()
    }
    await page.goto('1')
    // v-motion's enter variant, applied once the animation library has loaded; v-mark's mark at once.
    await expect(page.locator('.mover')).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)')
    await expect(currentSlide(page).locator('svg.rough-annotation')).not.toHaveCount(0)
  })

  test('stepping through every click of the deck and back raises no error', async ({ page }) => {
    await page.goto('1')
    await expect(currentSlide(page).locator('h1')).toHaveText('Motion and marks')
    const steps = 12
    for (let press = 0; press < steps; press++)
      await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(new RegExp(`/${slideCount}(\\?|$)`))
    await expect(currentSlide(page).locator('h1')).toHaveText('Dragging')
    for (let press = 0; press < steps; press++)
      await page.keyboard.press('ArrowLeft')
    await expect(page).toHaveURL(/\/1(\?|$)/)
    // Let the animations and the lazily loaded libraries finish before the page's errors are read.
    await page.waitForTimeout(500)
  })

  test('v-motion\'s click variant follows the clicks', async ({ page }) => {
    await page.goto('1')
    const mover = page.locator('.mover')
    await expect(mover).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)')
    await page.keyboard.press('ArrowRight')
    await expect(mover).toHaveCSS('transform', /matrix\(1, 0, 0, 1, 80, 0\)/)
  })
})
