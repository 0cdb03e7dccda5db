import type { Page } from '@playwright/test'
import type { StaticSite } from '../../tools/serve'
import { Buffer } from 'node:buffer'
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { deck } from '../../data/deck'
import { serveSite } from '../../tools/serve'
import { exportFilename } from '../../tools/slidev.ts'
import { builtSite } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'
import { test as deckTest, expect, slideHeadings } from './fixtures'

// The hosted deck as an installable web app: after one visit, with the network gone, the deck,
// any slide by its link, the presenter view and both PDFs still open. Built once by npm test, under
// the GitHub Pages base (dist/).

const slides = readSlides()
const pdfs = [`${exportFilename()}.pdf`, `${exportFilename()}-handout.pdf`]
const pagesBase = new URL(deck.publicUrl).pathname

/**
 * The browser tests with a site of their own, served like GitHub Pages from `dir()` (called in
 * the worker) under `base`, and service workers allowed (the other browser tests block them).
 */
function siteTest(dir: () => string, base = '/', cleanUp?: (dir: string) => void) {
  return deckTest.extend<object, { site: StaticSite & { dir: string } }>({
    site: [
      // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
      async ({}, use) => {
        const root = dir()
        const served = await serveSite(root, { base })
        await use({ ...served, dir: root })
        await served.close()
        cleanUp?.(root)
      },
      { scope: 'worker' },
    ],
    baseURL: async ({ site }, use) => use(site.url),
    serviceWorkers: 'allow',
  })
}

/** Every file of a built site, relative to it, with `/` separators. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

/** Opens the deck at `url` and waits until its service worker is active, so every file is cached. */
async function visitOnce(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(slideHeadings(page).first()).toBeVisible()
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
}

/** The URLs (without Workbox's revision parameter) that the page's service worker has cached. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = []
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys())
        urls.push(request.url.replace(/[?&]__WB_REVISION__=[^&]*$/, ''))
    }
    return urls
  })
}

/** Clicks Slidev's "Download as PDF" button and returns the file the browser saved. */
async function downloadPdf(page: Page): Promise<Buffer> {
  const button = page.getByTitle('Download as PDF').first()
  await expect(button).toBeAttached()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button.click({ force: true }),
  ])
  return readFileSync(await download.path())
}

const sites = [
  {
    name: `under ${pagesBase}, as on GitHub Pages`,
    dir: resolve(builtSite.dist),
    base: pagesBase,
  },
]

for (const { name, dir, base } of sites) {
  const test = siteTest(() => dir, base)
  test.describe(`the deck ${name}, after one visit`, () => {
    // The first visit caches the whole site (1.6 MiB, both PDFs) before the tests go offline.
    test.describe.configure({ timeout: 120_000 })
    const demo = slideNumber(slides, 'Cargo is your friend')

    test('opens, by any link, with the network off: the deck, a deep link, the presenter view', async ({ page, context, site }) => {
      await visitOnce(page, `${site.url}1`)
      await context.setOffline(true)

      await page.reload()
      await expect(slideHeadings(page).first()).toHaveText(slides[0].heading)
      // A slide never opened on the visit, by its link, and the bare base.
      const last = slides.at(-1)!
      await page.goto(`${site.url}${last.no}`)
      await expect(slideHeadings(page).first()).toHaveText(last.heading)
      await page.goto(site.url)
      await expect(page).toHaveURL(`${site.url}1`)
      await expect(slideHeadings(page).first()).toHaveText(slides[0].heading)
      // The presenter view of a demo slide, with its notes.
      await page.goto(`${site.url}presenter/${demo}`)
      await expect(page.locator('.slidev-note').first()).toContainText('Show sample app')
      // A slide in the middle, never opened on the visit (every file's caching is checked below).
      const middle = slides[Math.floor(slides.length / 2)]
      await page.goto(`${site.url}${middle.no}`)
      await expect(slideHeadings(page).first()).toHaveText(middle.heading)
    })

    test('answers a link to a slide, with the network off, with that slide\'s own page (slidev-addon-prerender)', async ({ page, context, site }) => {
      await visitOnce(page, `${site.url}1`)
      await context.setOffline(true)
      // As a QR code or a shared link writes it, and as the host's redirect leaves it.
      for (const path of [`${demo}`, `${demo}/`]) {
        await page.goto(`${site.url}${path}`)
        await expect(page.locator('meta[name="slidev-prerender"]'), `/${path}`).toHaveAttribute('content', String(demo))
        await expect(slideHeadings(page).first()).toHaveText('Cargo is your friend')
      }
    })

    test('downloads both PDFs with the network off', async ({ page, context, site }) => {
      await visitOnce(page, `${site.url}2`)
      await context.setOffline(true)
      await page.goto(`${site.url}presenter/${demo}`)
      const slidesPdf = await downloadPdf(page)
      expect(slidesPdf.equals(readFileSync(join(dir, pdfs[0]))), 'the slides PDF of the build').toBe(true)
      // The handout has no button; its link (e.g. from the README) still opens offline.
      const handout = await page.evaluate(async url => [
        ...new Uint8Array(await (await fetch(url)).arrayBuffer()),
      ], `${site.url}${pdfs[1]}`)
      expect(Buffer.from(handout).equals(readFileSync(join(dir, pdfs[1]))), 'the handout PDF of the build').toBe(true)
    })

    test('has cached every page, script, style, font and PDF of the site', async ({ page, site }) => {
      await visitOnce(page, `${site.url}1`)
      const cached = new Set(await cachedUrls(page))
      // The service worker's own script and the Workbox runtime it imports are kept by the browser.
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active!.scriptURL)
      const files = siteFiles(dir).filter(file => `${site.url}${file}` !== worker && !/^workbox-[\da-f]+\.js$/.test(file))
      // Every HTML file (the app, 404.html, the reading view), every slide's code, the fonts, the PDFs.
      const wanted = files.filter(file => /\.(?:html|js|css|woff2?|pdf|svg|webmanifest)$/.test(file))
      expect(wanted.filter(file => file.endsWith('.html')).length).toBeGreaterThanOrEqual(2)
      expect(wanted).toEqual(expect.arrayContaining(pdfs))
      expect(wanted.filter(file => !cached.has(`${site.url}${file}`)), 'files of the site not cached').toEqual([])
    })

    test('is an installable app named after the talk, in its colour and with its icon', async ({ page, site }) => {
      await visitOnce(page, `${site.url}1`)
      const href = await page.locator('link[rel="manifest"]').getAttribute('href')
      const manifestUrl = new URL(href!, page.url()).href
      const manifest = await (await page.request.get(manifestUrl)).json()
      const accent = readFileSync('styles/index.css', 'utf8').match(/--deck-accent:\s*(#\w+)/)![1]
      expect(manifest).toMatchObject({
        name: deck.title,
        theme_color: accent,
        start_url: base,
        scope: base,
        lang: 'en',
      })
      // The icon is the favicon of the slides' headmatter.
      const favicon: string = parseSync(readFileSync('slides.md', 'utf8'), 'slides.md').slides[0].frontmatter.favicon
      const icon = await page.request.get(new URL(manifest.icons[0].src, manifestUrl).href)
      expect(icon.headers()['content-type']).toContain('image/svg+xml')
      expect(await icon.text()).toBe(decodeURIComponent(favicon.replace(/^data:image\/svg\+xml,/, '')))
      // Chromium's own verdict. Test contexts are incognito-like, which alone keeps an app from installing.
      const cdp = await page.context().newCDPSession(page)
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
      expect(installabilityErrors.map(e => e.errorId).filter(id => id !== 'in-incognito')).toEqual([])
    })
  })
}

// A copy of the built site, which the test deploys a new version into.
const deployTest = siteTest(() => {
  const copy = mkdtempSync(join(tmpdir(), 'deck-deploy-'))
  cpSync(resolve(builtSite.dist), copy, { recursive: true })
  return copy
}, pagesBase, copy => rmSync(copy, { recursive: true, force: true }))

deployTest.describe('a new deployment', () => {
  const test = deployTest
  test.describe.configure({ timeout: 120_000 })
  test('shows "a newer version is available: reload", and reloads only when asked', async ({ page, site }) => {
    const copy = site.dir
    await visitOnce(page, `${site.url}3`)
    const notice = page.getByTestId('update-notice')
    await expect(notice).toHaveCount(0)
    // Mark this page: a reload would lose the mark.
    await page.evaluate(() => Object.assign(window, { deckMark: 'still here' }))

    // The next deployment: a changed service worker, as every new build brings.
    appendFileSync(join(copy, 'sw.js'), '\n// the next deployment\n')
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())

    await expect(notice).toBeVisible()
    await expect(notice).toContainText('A newer version is available')
    // The deck stays where it was, on the version it started with, and does not reload by itself.
    await page.waitForTimeout(1500)
    expect(await page.evaluate(() => (window as { deckMark?: string }).deckMark)).toBe('still here')
    await expect(page).toHaveURL(`${site.url}3`)

    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'reload' }).click(),
    ])
    await expect(slideHeadings(page).first()).toHaveText(slides[2].heading)
    expect(await page.evaluate(() => (window as { deckMark?: string }).deckMark)).toBeUndefined()
    await expect(notice).toHaveCount(0)
    // The new version's worker is the one in charge now.
    expect(await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: !!registration?.waiting, active: !!registration?.active }
    })).toEqual({ waiting: false, active: true })
  })
})
