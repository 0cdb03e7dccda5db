import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtSite } from '../support/servers'
import { currentSlide, expect, openSlide, test } from './fixtures'

// Drawing on a slide (to answer a question) and recording (to rehearse), from the deck's toolbar
// in the built site. Their libraries are not part of the first load: they load when first used.

/** A URL of the built site (served under its base) as a path inside it. */
const sitePath = (url: string) => decodeURIComponent(new URL(url).pathname.slice(builtSite.base.length))

/** The scripts the page fetches, as paths inside the built site. */
function watchScripts(page: Page): string[] {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script')
      scripts.push(sitePath(request.url()))
  })
  return scripts
}

/** Whether a built file holds the code of a library, told by a string only that library has. */
function holds(marker: string) {
  return (path: string) => readFileSync(join(builtSite.dist, path), 'utf8').includes(marker)
}
// `simulatePressure`: perfect-freehand, which the drawing library draws strokes with.
const drawingLibrary = holds('simulatePressure')
// One of RecordRTC's recorders, by the name it gives it.
const recorderLibrary = holds('StereoAudioRecorder')

/** Moves the pointer to the bottom left corner, where the deck's toolbar shows. */
async function showToolbar(page: Page) {
  await page.mouse.move(30, 700)
  await expect(page.getByTitle('Go to next slide')).toBeVisible()
}

/** Drags the mouse across the slide on screen, between points given as fractions of its size; returns its box. */
async function drawAcross(page: Page, from: [x: number, y: number], to: [x: number, y: number]) {
  const slide = (await currentSlide(page).boundingBox())!
  await page.mouse.move(slide.x + slide.width * from[0], slide.y + slide.height * from[1])
  await page.mouse.down()
  await page.mouse.move(slide.x + slide.width * to[0], slide.y + slide.height * to[1], { steps: 12 })
  await page.mouse.up()
  return slide
}

/** The drawing board over the slide while drawing is on. */
const drawingBoard = (page: Page) => page.locator('#slide-content svg.touch-none')

test('the speaker draws on a slide from the toolbar, and the drawing library loads only then', async ({ page }) => {
  const scripts = watchScripts(page)
  await openSlide(page, 3)
  await showToolbar(page)
  await page.waitForLoadState('networkidle')
  expect(scripts.filter(drawingLibrary), 'drawing code fetched before drawing').toEqual([])

  await page.getByTitle('Show drawing toolbar').click()
  await expect(page.getByTitle('Hide drawing toolbar')).toBeVisible()
  await expect.poll(() => scripts.filter(drawingLibrary).length, 'the drawing library, once drawing is on').toBe(1)

  await drawAcross(page, [0.3, 0.5], [0.6, 0.6])
  await expect(drawingBoard(page).locator('path').first()).toBeVisible()
  await expect(currentSlide(page)).toHaveClass(/slidev-page-3/)

  // Escape leaves drawing; the stroke stays on the slide until cleared.
  await page.keyboard.press('Escape')
  await expect(page.locator('#slide-content svg.pointer-events-none path').first()).toBeVisible()
})

test('a stroke drawn at once, while the drawing library still loads, is kept whole', async ({ page }) => {
  // The library is held back, as on a slow connection, until the stroke has been drawn.
  let release!: () => void
  const held = new Promise<void>(resolve => release = resolve)
  await page.route('**/*.js', async (route) => {
    if (drawingLibrary(sitePath(route.request().url())))
      await held
    await route.fallback()
  })
  await openSlide(page, 3)
  await showToolbar(page)
  await page.getByTitle('Show drawing toolbar').click()

  const slide = await drawAcross(page, [0.2, 0.5], [0.7, 0.5])
  const board = drawingBoard(page)
  await expect(board.locator('path')).toHaveCount(0)

  release()
  const stroke = board.locator('path').first()
  await expect(stroke).toBeVisible()
  // The whole stroke, not only the press: it spans most of the distance the pointer moved.
  expect((await stroke.boundingBox())!.width).toBeGreaterThan(slide.width * 0.4)
  await expect(board.locator('path')).toHaveCount(1)
})

test('the speaker opens the recording dialog from the toolbar; the recorder loads only when recording starts', async ({ page }) => {
  const scripts = watchScripts(page)
  await openSlide(page, 1)
  await showToolbar(page)
  await page.getByTitle('Record video').click()
  // Slidev's modal (a plain box over the deck) with the recording settings.
  const dialog = page.locator('.z-modal').filter({ hasText: 'Recording Name' })
  await expect(dialog.getByRole('button', { name: 'Start' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.filter(recorderLibrary), 'recorder code fetched before recording').toEqual([])
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
})
