import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseSync } from '@slidev/parser'
import { formatSeconds, partOf, readPlan } from '../addons/road/plan.ts'
import { readRoad } from '../addons/road/road.ts'
import { ogImage } from '../addons/static-site/head-meta.ts'
import { launchChromium } from '../tools/chromium.ts'
import { serveSite } from '../tools/serve.ts'
import { isMain, parseArgs, root, siteBase } from '../tools/slidev.ts'

/** The picture at the top of README.md: slide 1 as the build renders it for link previews. */
export const readmePicture = join(root, 'docs/deck.png')

/** The picture in README.md's "Presenting": the presenter view on a demo slide, with the pace line. */
export const presenterPicture = join(root, 'docs/presenter.png')

/** How far behind the plan the presenter picture shows the speaker: past a minute, so in red. */
const BEHIND_SECONDS = 80

/**
 * Copies the built site's og-image.png (slide 1, rendered by the build) to docs/deck.png.
 * `npm test` fails while the two differ.
 */
export function updateReadmePicture(site = join(root, 'dist')): string {
  const source = join(site, ogImage.file)
  if (!existsSync(source))
    throw new Error(`${relative(root, source)} is missing: run npm run build first.`)
  copyFileSync(source, readmePicture)
  return readmePicture
}

/**
 * Photographs the built site's presenter view on the first demo slide (a slide with backups),
 * with the timer started and moved, by a mocked clock, to 1:20 past the end its part is planned
 * to take: the backups hint, the pace line in its warning colour and the "Next" preview past the
 * backups are all in the picture.
 */
export async function updatePresenterPicture(site = join(root, 'dist')): Promise<string> {
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`${relative(root, site)}/index.html is missing: run npm run build first.`)
  const entry = join(root, 'slides.md')
  const frontmatters = parseSync(readFileSync(entry, 'utf8'), entry).slides.map(slide => slide.frontmatter)
  const demo = readRoad(frontmatters).stops.find(stop => stop.backups.length)
  const part = demo && partOf(readPlan(frontmatters), demo.no)
  if (!demo || !part)
    throw new Error('slides.md: no demo slide with backups inside a part of the pace plan to show')
  // Served under the base it was built for (npm run build: `/`; npm run build:pages: the public URL's path).
  const server = await serveSite(site, {
    base: siteBase(site),
  })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
    })
    await page.clock.install()
    await page.goto(`${server.url}presenter/${demo.no}`)
    await page.locator('.pace-line').waitFor()
    // Start the timer as the speaker does, with the clock held so only fastForward moves it.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000))
    await page.locator('.slidev-presenter .group:has(.i-carbon\\:time) .font-mono').hover()
    await page.locator('.slidev-presenter .i-carbon\\:play').click()
    await page.clock.fastForward((part.end + BEHIND_SECONDS) * 1000)
    await page.locator('.pace-line__pace', { hasText: `${formatSeconds(BEHIND_SECONDS)} behind` }).waitFor()
    await page.clock.resume()
    // Away from the timer, so its play and reset buttons are hidden again.
    await page.mouse.move(640, 300)
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: presenterPicture })
    return presenterPicture
  }
  finally {
    await browser.close()
    await server.close()
  }
}

/** The pictures of the addons' READMEs that show what this deck's build makes. */
export const addonPictures = {
  handout: join(root, 'addons/handout/screenshots/handout-page.png'),
  readingView: join(root, 'addons/reading-view/screenshots/phone-reading-view.png'),
  updateNotice: join(root, 'addons/offline-app/screenshots/update-notice.png'),
  takeover: join(root, 'addons/prerender/screenshots/before-after.png'),
} as const

/**
 * Photographs the built site's handout page (the first A4 page, as it prints) and its reading view on
 * a phone held upright (390 × 844, the top of the page), for slidev-addon-handout's and
 * slidev-addon-reading-view's READMEs; the offline app's notice, and slide 1 before and after the takeover.
 */
export async function updateAddonPictures(site = join(root, 'dist')): Promise<string[]> {
  if (!existsSync(join(site, 'read/index.html')))
    throw new Error(`${relative(root, site)}/read/index.html is missing: run npm run build first.`)
  const server = await serveSite(site, {
    base: siteBase(site),
  })
  const browser = await launchChromium()
  try {
    const handout = await browser.newPage({
      viewport: { width: 794, height: 1123 },
    })
    await handout.goto(`${server.url}handout`)
    await handout.locator('[data-handout-ready]').waitFor()
    await handout.waitForFunction(() => document.querySelectorAll('.handout-page:first-child .slidev-slide-loading').length === 0)
    await handout.evaluate(() => document.fonts.ready)
    await handout.locator('.handout-page').first().screenshot({ path: addonPictures.handout })
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    await phone.goto(`${server.url}read/`)
    await phone.evaluate(() => document.fonts.ready)
    await phone.screenshot({ path: addonPictures.readingView })
    await photographUpdateNotice(site, browser)
    await photographTakeover(server.url, browser)
    return Object.values(addonPictures)
  }
  finally {
    await browser.close()
    await server.close()
  }
}

/**
 * Slide 1 as its page paints it before any script runs (the browser's JavaScript off), beside the same
 * slide once the deck has taken over, each at 640 × 360, captioned: slidev-addon-prerender's README.
 */
async function photographTakeover(url: string, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  const shots: string[] = []
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({
      viewport: { width: 640, height: 360 },
      javaScriptEnabled,
    })
    const page = await context.newPage()
    await page.goto(url)
    if (javaScriptEnabled)
      await page.locator('.slidev-prerender').waitFor({ state: 'detached' })
    await page.evaluate(() => document.fonts.ready)
    shots.push((await page.screenshot()).toString('base64'))
    await context.close()
  }
  const sheet = await browser.newPage({
    viewport: { width: 1304, height: 396 },
  })
  await sheet.setContent(`<body style="margin:0;padding:8px;background:#fff;font:16px system-ui;display:flex;gap:8px">${[
    'Painted from the page, before any script',
    'The deck, after it took over',
  ].map((caption, i) => `<figure style="margin:0"><img src="data:image/png;base64,${shots[i]}" width="640" height="360" style="display:block;outline:1px solid #ccc"><figcaption style="padding-top:4px">${caption}</figcaption></figure>`).join('')}</body>`)
  await sheet.screenshot({ path: addonPictures.takeover })
  await sheet.close()
}

/**
 * The offline app's notice of a new deployment: a copy of the site visited once, then given a changed
 * service worker (as every new build brings) while the deck is open on slide 3.
 */
async function photographUpdateNotice(site: string, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  const copy = mkdtempSync(join(tmpdir(), 'deck-deploy-'))
  cpSync(site, copy, { recursive: true })
  const server = await serveSite(copy, {
    base: siteBase(site),
  })
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  try {
    const page = await context.newPage()
    await page.goto(`${server.url}3`)
    await page.evaluate(async () => navigator.serviceWorker.ready)
    appendFileSync(join(copy, 'sw.js'), '\n// the next deployment\n')
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    await page.getByTestId('update-notice').waitFor()
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: addonPictures.updateNotice })
  }
  finally {
    await context.close()
    await server.close()
    rmSync(copy, { recursive: true, force: true })
  }
}

/** `npm run readme:picture [-- --site dist]`: the pictures of README.md and of the addons' READMEs, from a built site. */
if (isMain(import.meta.url)) {
  const { options } = parseArgs(process.argv.slice(2), ['site'])
  const site = options.site && resolve(root, options.site)
  try {
    console.log(`${relative(root, updateReadmePicture(site))}: slide 1 of the built deck`)
    console.log(`${relative(root, await updatePresenterPicture(site))}: the presenter view on a demo slide`)
    for (const picture of await updateAddonPictures(site))
      console.log(`${relative(root, picture)}: an addon's README`)
  }
  catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
