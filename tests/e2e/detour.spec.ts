import type { Page } from '@playwright/test'
import { readBackups } from '../support/backups'
import { readSlides, slideNumber } from '../support/slides'
import { normalize } from '../support/talk'
import { expect, openSlide, slideHeadings, test } from './fixtures'

// The backups of each demo, as slides.md lays them out: right after their demo slide.
const slides = readSlides()
const backups = readBackups()
const no = (heading: string) => slideNumber(slides, heading)
const backupsOf = (demo: string) => backups.filter(b => b.demo === demo).map(b => b.no)

const cargo = no('Cargo is your friend')
const prod = no('Prod: Tune those binary settings!')
const wasm = no('Bonus: Wasm the weird compile target')

/** Waits until slide `n` is on screen, at the URL and by its heading. */
async function expectSlide(page: Page, n: number) {
  await expect(page).toHaveURL(new RegExp(`/${n}(\\?.*)?$`))
  await expect(slideHeadings(page)).toHaveText(normalize(slides[n - 1].heading))
}

/** The slide number in the page's URL. */
const urlSlide = (page: Page) => Number(new URL(page.url()).pathname.split('/').at(-1))

test.describe('the speaker on a demo slide', () => {
  test('→ on a demo slide skips its backups', async ({ page }) => {
    expect(backupsOf('local')).toEqual([cargo + 1, cargo + 2, cargo + 3])
    await openSlide(page, cargo)
    await page.keyboard.press('ArrowRight')
    await expectSlide(page, no('Rust in CI'))

    await openSlide(page, prod)
    await page.keyboard.press('ArrowRight')
    await expectSlide(page, no('Bonus: Actually statically linked binaries'))
  })

  test('space, page down and a clicker\'s key continue the talk past the backups', async ({ page }) => {
    await openSlide(page, cargo)
    await page.keyboard.press('Space')
    await expectSlide(page, no('Rust in CI'))
    await openSlide(page, cargo)
    await page.keyboard.press('PageDown')
    await expectSlide(page, no('Rust in CI'))
  })

  test('↓ enters the backups; → steps through their clicks and slides, then continues the talk', async ({ page }) => {
    await openSlide(page, cargo)
    await page.keyboard.press('ArrowDown')
    await expectSlide(page, backupsOf('local')[0])

    const walked: number[] = []
    for (let presses = 0; presses < 40 && urlSlide(page) !== no('Rust in CI'); presses++) {
      if (walked.at(-1) !== urlSlide(page))
        walked.push(urlSlide(page))
      // Every press shows something new, a click or a slide, and the URL says which.
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      await page.waitForURL(url => url.href !== before)
    }
    expect(walked).toEqual(backupsOf('local'))
    await expectSlide(page, no('Rust in CI'))
  })

  test('→ inside the backups shows every click before the next backup', async ({ page }) => {
    const first = backupsOf('production')[0]
    await openSlide(page, first)
    await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(new RegExp(`/${first}\\?clicks=1$`))
  })

  test('↓ on the wasm slide enters its backups', async ({ page }) => {
    await openSlide(page, wasm)
    await page.keyboard.press('ArrowDown')
    await expectSlide(page, backupsOf('wasm')[0])
  })

  test('↑ from a backup returns to its demo slide', async ({ page }) => {
    await openSlide(page, backupsOf('production')[2])
    await page.keyboard.press('ArrowUp')
    await expectSlide(page, prod)
  })

  test('← goes back along the path just walked: past skipped backups, through walked ones', async ({ page }) => {
    await openSlide(page, cargo)
    await page.keyboard.press('ArrowRight')
    await expectSlide(page, no('Rust in CI'))
    await page.keyboard.press('ArrowLeft')
    await expectSlide(page, cargo)

    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await expectSlide(page, backupsOf('local').at(-1)!)
    await page.keyboard.press('Shift+ArrowRight')
    await expectSlide(page, no('Rust in CI'))
    await page.keyboard.press('ArrowLeft')
    await expectSlide(page, backupsOf('local').at(-1)!)
  })

  test('g and a number still go to any slide, backups included', async ({ page }) => {
    const target = backupsOf('ci')[1]
    await openSlide(page, 1)
    // The dialog loads once slide 1 has settled (slidev-addon-lean-client).
    await expect(page.locator('#slidev-goto-dialog')).toBeAttached()
    await page.keyboard.press('g')
    const input = page.locator('#slidev-goto-input')
    await expect(input).toBeFocused()
    await input.fill(String(target))
    await input.press('Enter')
    await expectSlide(page, target)
  })
})

test.describe('the speaker in the presenter view', () => {
  /** The slide in the presenter's "next" preview. */
  const nextPreview = (page: Page) => page.locator('.grid-section.next .slidev-page')

  test('the next preview shows what → will show: the talk, not the backups', async ({ page }) => {
    await page.goto(`presenter/${cargo}`)
    await expect(nextPreview(page)).toHaveAttribute('data-slidev-no', String(no('Rust in CI')))
    await page.keyboard.press('ArrowDown')
    await expect(page).toHaveURL(new RegExp(`presenter/${backupsOf('local')[0]}$`))
    // On a backup's last click, the next backup; on the last backup's, the talk again.
    await page.goto(`presenter/${backupsOf('local').at(-1)}?clicks=99`)
    await expect(nextPreview(page)).toHaveAttribute('data-slidev-no', String(no('Rust in CI')))
    await page.goto(`presenter/${backupsOf('local')[0]}?clicks=99`)
    await expect(nextPreview(page)).toHaveAttribute('data-slidev-no', String(backupsOf('local')[1]))
  })

  test('on a demo slide, sees that its backups are one ↓ away, and how many', async ({ page }) => {
    await page.goto(`presenter/${prod}`)
    await expect(page.locator('.detour-hint')).toHaveText(`↓ ${backupsOf('production').length} backup slides`)
    await page.goto(`presenter/${backupsOf('production')[1]}`)
    await expect(page.locator('.detour-hint')).toHaveText(`backup 2/${backupsOf('production').length} · ↑ demo`)
    await page.goto(`presenter/${no('Rust in CI')}`)
    await expect(page.locator('.grid-section.next .slidev-page')).toBeVisible()
    await expect(page.locator('.detour-hint')).toHaveCount(0)
  })

  test('the toolbar\'s next button continues the talk as → does', async ({ page }) => {
    await page.goto(`presenter/${cargo}`)
    await page.locator('.slidev-presenter [title="Go to next slide"]').click()
    await expect(page).toHaveURL(new RegExp(`presenter/${no('Rust in CI')}$`))
  })

  test('→ in the presenter view moves the deck in the other window past the backups', async ({ page, context }) => {
    await page.goto(`presenter/${cargo}`)
    const deck = await context.newPage()
    await openSlide(deck, cargo)
    await page.bringToFront()
    await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(new RegExp(`presenter/${no('Rust in CI')}$`))
    await expectSlide(deck, no('Rust in CI'))
  })

  test('the overview (o) shows the backups under their demo slide', async ({ page }) => {
    await openSlide(page, cargo)
    await page.keyboard.press('o')
    const overview = page.locator('.z-modal')
    // Every slide is there, once, with its number.
    await expect(overview.locator('[data-slide-no]')).toHaveCount(slides.length)
    const groups = overview.locator('.road-overview__group')
    await expect(groups).toHaveCount(slides.length - backups.length)
    for (const [heading, demo] of [
      ['Cargo is your friend', 'local'],
      ['Bonus: Wasm the weird compile target', 'wasm'],
    ]) {
      const group = groups.filter({
        has: page.locator(`> [data-slide-no="${no(heading)}"]`),
      })
      const under = await group.locator('.road-overview__backups [data-slide-no]').evaluateAll(els => els.map(el => Number(el.getAttribute('data-slide-no'))))
      expect(under).toEqual(backupsOf(demo))
    }
    // A click on a backup opens it.
    await overview.locator(`[data-slide-no="${backupsOf('ci')[0]}"] .border`).click()
    await expectSlide(page, backupsOf('ci')[0])
  })
})

// With npm run dev: tests/e2e/dev-server.spec.ts ("→ skips the backups there too").
