import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fixtureBuilds, fixtureDir } from '../../tools/fixture-deck'
import { pngSize } from '../support/images'
import { readPdf } from '../support/pdf'
import { currentSlide, expect, fixtureDeckTest, fixtureDist, slideHeadings } from './fixtures'

// The addons on a deck that is not this talk: tests/fixture-deck (code, a table, notes, a backup
// slide, a part plan), with the static site, the reading view, the road, the handout, the offline
// app and the deck check installed from their `npm pack` tarballs and built by a plain
// `slidev build --executable-path <Chromium>` (`npm run build:fixture-deck`, into .fixture-deck/dist),
// and once more with `--executable-path` pointing nowhere (.fixture-deck/dist-no-browser).

const test = fixtureDeckTest
const dist = fixtureDist

test.describe('the addons, packed and installed, on another deck', () => {
  test('the packed addons are what the fixture deck was built with, without their tests', () => {
    for (const addon of [
      'static-site',
      'reading-view',
      'road',
      'handout',
      'offline-app',
      'deck-check',
      'follow',
      'wake-lock',
    ]) {
      const dir = join(fixtureDir, 'node_modules', `slidev-addon-${addon}`)
      expect(existsSync(join(dir, 'package.json')), addon).toBe(true)
      expect(existsSync(join(dir, 'setup')), addon).toBe(true)
    }
    expect(existsSync(join(fixtureDir, 'node_modules/slidev-addon-road/road.test.ts'))).toBe(false)
  })

  test('a reader on a phone gets the deck as a page: code, the table, the notes, the backup marked', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('read/')
    await expect(page.locator('h1')).toHaveText('A Small Tour of SQLite')
    await expect(page.locator('section[id]')).toHaveCount(5)
    await expect(page.locator('section[id="3"] pre.shiki')).toContainText('CREATE TABLE city')
    await expect(page.locator('section[id="4"] .slide__meta')).toContainText('Slide 4 · Backup')
    await expect(page.locator('section[id="4"] .table-scroll table td').first()).toHaveText('Aarhus')
    await expect(page.locator('section[id="2"] aside.notes')).toContainText('most deployed database')
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    expect(await page.locator('script').count()).toBe(0)
  })

  test('a phone held upright that opens a slide lands on it in the reading view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('3')
    await expect(page).toHaveURL(/\/read\/#3$/)
  })

  test('the speaker\'s → steps past the backup slide, ↓ enters it', async ({ page }) => {
    await page.goto('3')
    await expect(slideHeadings(page).first()).toHaveText('Live demo: a table of cities')
    // Through the code block's three clicks, then on past the backup.
    for (let press = 0; press < 3; press++)
      await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(/\/5(\?|$)/)
    await page.goto('3')
    await expect(slideHeadings(page).first()).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await expect(page).toHaveURL(/\/4(\?|$)/)
    await expect(page.getByText('Backup', { exact: true })).toBeVisible()
  })

  test('the presenter view shows the part and its planned end beside the timer', async ({ page }) => {
    await page.goto('presenter/3')
    await expect(page.getByText('Demo', { exact: false }).first()).toBeVisible()
    await expect(page.locator('.presenter-timer')).toContainText('until 5:00')
    await expect(page.locator('.presenter-timer')).toContainText('backup')
  })

  test('the handout lays the slides beside their notes', async ({ page }) => {
    await page.goto('handout')
    await expect(page.locator('[data-handout-ready]')).toBeAttached()
    await expect(page.locator('.handout-row')).toHaveCount(5)
    await expect(page.locator('.handout-page__header').first()).toContainText('A Small Tour of SQLite · Ada Example')
    await expect(page.locator('.handout-row[data-no="3"] .handout-notes__text')).toContainText('sqlite3 shell')
  })

  test('the offline app has a manifest named after the deck and a worker that exists', async ({ request }) => {
    const manifest = await (await request.get('manifest.webmanifest')).json() as { name: string, short_name: string, theme_color: string }
    expect(manifest).toMatchObject({ name: 'A Small Tour of SQLite', short_name: 'A Small Tour of SQLite', theme_color: '#005f87' })
    const worker = await request.get('sw.js')
    expect(worker.status()).toBe(200)
    expect(await worker.text()).toContain('read/index.html')
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('manifest.webmanifest')
  })

  test('slidev build makes what the addons promise: the link preview picture, the handout PDF, a worker that precaches both, and the render check', async ({ request }) => {
    const log = readFileSync(fixtureBuilds.dist.log, 'utf8')
    // Without download, the build has no print view: every slide is checked in the overview.
    expect(log).toContain('slidev-addon-deck-check: every slide renders (overview view)')
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    expect(html).toContain('<meta property="og:image" content="https://example.org/sqlite-tour/og-image.png">')
    expect(pngSize(await (await request.get('og-image.png')).body())).toEqual({ width: 1200, height: 630 })
    // No exportFilename: Slidev's default name, as for the slides PDF.
    const handout = await readPdf(join(dist, 'slidev-exported-handout.pdf'), 'run npm run build:fixture-deck')
    expect(handout.pages[0].text).toContain('A Small Tour of SQLite')
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8')
    for (const file of ['slidev-exported-handout.pdf', 'og-image.png', '404.html'])
      expect(worker, file).toContain(`url:"${file}"`)
    // A page of its own for every slide (slidev-addon-prerender), which the worker precaches.
    expect(log).toMatch(/slidev-addon-prerender: (\d+) of \1 slides pre-rendered/)
    const response = await request.get('2')
    expect(response.status()).toBe(200)
    expect(await response.text()).toContain('<meta name="slidev-prerender" content="2"')
    expect(worker).toContain('url:"2/index.html"')
  })

  test('paints a slide from its page before any script, and the deck takes over', async ({ browser, page, fixtureSite }) => {
    const still = await browser.newContext({ javaScriptEnabled: false })
    try {
      const before = await still.newPage()
      await before.goto(`${fixtureSite.url}2`)
      await expect(before.locator('.slidev-prerender .slidev-page-2 h1, .slidev-prerender .slidev-page-2 h2').first()).toBeVisible()
      const heading = await before.locator('.slidev-prerender .slidev-page-2').locator('h1, h2').first().textContent()
      await page.goto('2')
      await expect(page.locator('.slidev-prerender')).toHaveCount(0, { timeout: 15_000 })
      await expect(currentSlide(page).locator('h1, h2').first()).toHaveText(heading!)
    }
    finally {
      await still.close()
    }
  })

  test('slidev build without a browser passes, says in one line per addon what it goes without, and names no missing file', () => {
    const { dir, log } = fixtureBuilds.noBrowser
    const lines = readFileSync(log, 'utf8').split('\n')
    for (const addon of [
      'static-site',
      'handout',
      'deck-check',
      'prerender',
    ]) {
      const said = lines.filter(line => line.startsWith(`slidev-addon-${addon}: `))
      expect(said, addon).toEqual([
        expect.stringMatching(/: no browser at \/nonexistent\/chromium \(--executable-path\); pass --executable-path/),
      ])
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8')
    expect(html).not.toContain('og-image.png')
    expect(html).not.toMatch(/(?:og|twitter):image/)
    expect(html).toContain('<meta property="og:title" content="A Small Tour of SQLite">')
    expect(existsSync(join(dir, 'og-image.png'))).toBe(false)
    expect(existsSync(join(dir, 'slidev-exported-handout.pdf'))).toBe(false)
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8')
    expect(worker).not.toMatch(/og-image\.png|handout\.pdf/)
    expect(worker).toContain('url:"404.html"')
  })
})
