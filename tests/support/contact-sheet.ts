/**
 * A contact sheet of the built deck: every slide as a 1920×1080 screen shows it, shrunk into one
 * PNG grid, to judge the deck's type by eye before and after a change (docs/legibility/).
 *
 *   npx jiti tests/support/contact-sheet.ts docs/legibility/after.png [--slides-to /tmp/slides]
 */
import { Buffer } from 'node:buffer'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { launchChromium } from '../../tools/chromium.ts'
import { serveSite } from '../../tools/serve.ts'
import { builtSite } from './servers'
import { readSlides } from './slides'

const [out, ...rest] = process.argv.slice(2)
if (!out)
  throw new Error('usage: npx jiti tests/support/contact-sheet.ts <sheet.png> [--slides-to <folder>]')
const slidesTo = rest[0] === '--slides-to'
  ? rest[1]
  : undefined
const columns = 5
const thumb = { width: 384, height: 216 }

async function main(): Promise<void> {
  const site = await serveSite(resolve(builtSite.dist), { base: builtSite.base })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      serviceWorkers: 'block',
    })
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
    await site.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
