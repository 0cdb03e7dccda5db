/**
 * A contact sheet of the built deck: every slide as a 1920×1080 screen shows it, shrunk into one
 * PNG grid, to judge the deck's type by eye before and after a change (docs/legibility/).
 *
 *   npx jiti tests/support/contact-sheet.ts docs/legibility/after.png [--slides-to /tmp/slides]
 *   npx jiti tests/support/contact-sheet.ts docs/legibility/before.png --from /tmp/slides
 *
 * `--slides-to` keeps each slide's screenshot (01.png, 02.png, …); `--from` makes the sheet of such
 * screenshots taken earlier (of the deck before a change), without the built site.
 */
import type { Page } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { launchChromium } from '../../tools/chromium.ts'
import { serveSite } from '../../tools/serve.ts'
import { builtSite } from './servers'
import { readSlides } from './slides'

const [out, ...rest] = process.argv.slice(2)
function option(name: string) {
  return rest.includes(name)
    ? rest[rest.indexOf(name) + 1]
    : undefined
}
const slidesTo = option('--slides-to')
const from = option('--from')
const columns = 5
/** Small enough that the sheet of the whole deck stays under 1 MB. */
const thumb = { width: 352, height: 198 }

/** Each slide of the built site as a 1080p screen shows it, as base64 PNGs. */
async function screenshots(page: Page): Promise<string[]> {
  const site = await serveSite(resolve(builtSite.dist), { base: builtSite.base })
  try {
    const shots: string[] = []
    for (const slide of readSlides()) {
      await page.goto(`${site.url}${slide.no}`)
      await page.locator(`#slide-content .slidev-page-${slide.no} :is(h1, h2, h3)`).first().waitFor()
      await page.evaluate(() => document.fonts.ready)
      const png = await page.screenshot()
      if (slidesTo) {
        mkdirSync(slidesTo, { recursive: true })
        writeFileSync(join(slidesTo, `${String(slide.no).padStart(2, '0')}.png`), png)
      }
      shots.push(png.toString('base64'))
    }
    return shots
  }
  finally {
    await site.close()
  }
}

async function main(): Promise<void> {
  if (!out)
    throw new Error('usage: npx jiti tests/support/contact-sheet.ts <sheet.png> [--slides-to <folder> | --from <folder>]')
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      serviceWorkers: 'block',
    })
    const shots = from
      ? readdirSync(from).filter(f => /^\d+\.png$/.test(f)).sort().map(f => readFileSync(join(from, f)).toString('base64'))
      : await screenshots(page)
    // The grid is drawn by the browser itself: a canvas, each slide scaled down with its number.
    const sheet = await page.evaluate(async ({ shots, columns, thumb }) => {
      const rows = Math.ceil(shots.length / columns)
      const gap = 8
      const canvas = document.createElement('canvas')
      canvas.width = columns * (thumb.width + gap) + gap
      canvas.height = rows * (thumb.height + gap) + gap
      const context = canvas.getContext('2d')!
      context.fillStyle = '#d6d3d1'
      context.fillRect(0, 0, canvas.width, canvas.height)
      context.imageSmoothingQuality = 'high'
      for (const [i, shot] of shots.entries()) {
        const image = new Image()
        image.src = `data:image/png;base64,${shot}`
        await image.decode()
        const x = gap + (i % columns) * (thumb.width + gap)
        const y = gap + Math.floor(i / columns) * (thumb.height + gap)
        context.drawImage(image, x, y, thumb.width, thumb.height)
        context.fillStyle = '#1c1917'
        context.fillRect(x, y + thumb.height - 22, 30, 22)
        context.fillStyle = '#fff'
        context.font = '600 14px sans-serif'
        context.fillText(String(i + 1), x + 5, y + thumb.height - 6)
      }
      return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
    }, { shots, columns, thumb })
    writeFileSync(out, Buffer.from(sheet, 'base64'))
    process.stdout.write(`${out}: ${shots.length} slides\n`)
  }
  finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
