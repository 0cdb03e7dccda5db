import type { LocalMosquitto } from '../../addons/follow/node/mosquitto'
import type { Room } from '../../addons/follow/room'
import type { StaticSite } from '../../tools/serve'
import type { Engine, Tab } from './browsers'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startMosquitto } from '../../addons/follow/node/mosquitto'
import { joinRoom } from '../../addons/follow/room'
import { viewChoiceKey } from '../../addons/reading-view/view-switch'
import { fixtureDir } from '../../tools/fixture-deck'
import { exportFilename } from '../../tools/slidev.ts'
import { fixtureFollow, sectionAtTop } from '../support/fixture-follow'
import { readSlides, slideNumber } from '../support/slides'
import { launch } from './browsers'
import { base, problemsKey, serveProbedSite, serveSiteWithoutDeck } from './site'

const slides = readSlides()
const laptop = { width: 1280, height: 720 }
/** An upright phone (WebKitGTK's window gets no narrower than about 447 px: still a phone's rule). */
const phone = { width: 390, height: 844 }
/** The widths of the phones in the audience's hands, held upright. */
const phoneWidths = [320, 360, 375, 390, 430]
/** How long a page may take to show what a journey waits for. */
const patience = { timeout: 15_000, interval: 100 }

/** The heading of the slide on screen, as a reader sees it; undefined while none shows. */
function shownHeading(): string | undefined {
  const shown = [
    ...document.querySelectorAll('#slide-content .slidev-page'),
  ]
    .filter(page => page.getClientRects().length && getComputedStyle(page).visibility !== 'hidden')
  return shown.at(-1)?.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s+/g, ' ').trim()
}

/**
 * Where slide `no`'s text lies on screen: each heading's and code line's box (rounded to the pixel)
 * and text, in the copy of a pre-rendered page (`copy`) or in the deck; and whether the copy's own
 * fonts are in. Undefined while that is not on screen (the page before it may still be).
 */
function textBoxes(copy: boolean, no: number) {
  const root = document.querySelector(copy ? '.slidev-prerender' : '#app')
  if (!root || (copy && document.documentElement.classList.contains('slidev-prerender-wait')))
    return undefined
  const page = root.querySelector(`#slide-content .slidev-page-${no}`)
  if (!page?.getClientRects().length)
    return undefined
  const boxes = [
    ...page.querySelectorAll('h1, h2, h3, .line, p'),
  ].slice(0, 12).map((el) => {
    const box = el.getBoundingClientRect()
    return {
      text: el.textContent?.trim().slice(0, 24),
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
    }
  })
  const fonts = [...document.fonts].filter(face => face.family.includes('slidev-prerender-')).map(face => face.status)
  return { boxes, fonts }
}

/** What the follow page's bar says. */
const followBar = () => document.querySelector('[data-follow-bar] button')?.textContent?.trim()

/** Where the page is, below the site's origin. */
const where = () => `${location.pathname}${location.search}${location.hash}`

/** What the probe (site.ts) recorded since the last call; empties it. */
function takeProblems(key: string): string[] {
  try {
    const seen = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]
    sessionStorage.removeItem(key)
    return seen
  }
  catch (error) {
    return [`could not read the problems: ${error}`]
  }
}

/**
 * Loads the reading view in a same-origin iframe and narrows it through `widths`, once in the
 * page's own fonts and once in a wide monospace font: how far the page scrolls sideways at each, and
 * the outermost elements that stick out without a box that scrolls them.
 */
async function sidewaysScroll(widths: number[]): Promise<string[]> {
  const frame = document.createElement('iframe')
  frame.style.cssText = 'position: fixed; top: 0; left: 0; height: 700px; border: 0; background: white'
  await new Promise((loaded) => {
    frame.addEventListener('load', loaded, { once: true })
    frame.src = location.pathname
    document.body.append(frame)
  })
  const view = frame.contentWindow!
  const root = view.document.documentElement
  const scrolledInside = (element: Element) => {
    for (let box = element.parentElement; box && box !== root; box = box.parentElement) {
      if (view.getComputedStyle(box).overflowX !== 'visible')
        return true
    }
    return false
  }
  const found: string[] = []
  for (const font of ['its own fonts', 'a wide monospace font']) {
    if (font !== 'its own fonts')
      view.document.head.insertAdjacentHTML('beforeend', '<style>* { font-family: monospace !important }</style>')
    for (const width of widths) {
      frame.style.width = `${width}px`
      const sideways = root.scrollWidth - root.clientWidth
      if (sideways <= 0)
        continue
      const sticking = [
        ...view.document.body.querySelectorAll('*'),
      ]
        .filter(element => element.getBoundingClientRect().right > root.clientWidth + 0.5 && !scrolledInside(element))
      const outermost = sticking.filter(element => !sticking.includes(element.parentElement!))
      found.push(`${width} px, ${font}: ${sideways} px sideways, by ${outermost.slice(0, 3).map(element =>
        `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> in section ${element.closest('section')?.id}`).join(', ')}`)
    }
  }
  frame.remove()
  return found
}

/** The slides PDF as the page fetches it: its first bytes and size. */
async function fetchPdf(url: string) {
  const response = await fetch(url)
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    start: String.fromCharCode(...bytes.slice(0, 5)),
    size: bytes.length,
  }
}

/**
 * What a visitor does with the built deck, hosted as on GitHub Pages (`npm run build:pages`
 * builds it into dist/), in one engine: one browser and one page for every journey, one server.
 * After each journey the page must have met no uncaught error, unhandled rejection, CSP violation
 * or console error. The journeys run in order: the last stops the server.
 */
export function journeys(engine: Engine): void {
  describe(`a visitor in ${engine}`, () => {
    let site: StaticSite
    let tab: Tab
    let serving = false
    const url = (path = '') => `${site.url}${path}`
    const expectShown = (no: number) => expect.poll(() => tab.run(shownHeading), patience).toBe(slides[no - 1]!.heading)
    const expectAt = (path: string) => expect.poll(() => tab.run(where), patience).toBe(`${base}${path}`)

    beforeAll(async () => {
      site = await serveProbedSite()
      serving = true
      tab = await launch(engine)
      await tab.resize(laptop.width, laptop.height)
    })

    afterAll(async () => {
      await tab?.close()
      if (serving)
        await site.close()
    })

    afterEach(async () => {
      expect(await tab.run(takeProblems, problemsKey), 'errors, rejections, CSP violations').toEqual([])
    })

    it('opens a shared link to slide 5 on slide 5', async () => {
      await tab.goto(url('5'))
      await expectShown(5)
      await expectAt('5')
    })

    it('sees a shared link painted from its page before any of the deck\'s scripts, and the deck take over in place', async () => {
      const still = await serveSiteWithoutDeck()
      try {
        // A demo card (capitals drawn by CSS) and the first slide with code (the monospace face).
        for (const no of [
          slideNumber(slides, 'Cargo is your friend'),
          slides.find(slide => slide.content.includes('```'))!.no,
        ]) {
          await tab.goto(`${still.url}${no}`)
          // What the poll saw, not a second look: the copy is measured on its own page, as it was painted.
          // (Classic WebDriver answers `undefined` as null.)
          let seen: ReturnType<typeof textBoxes>
          await expect.poll(async () => seen = await tab.run(textBoxes, true, no), patience).toBeTruthy()
          const painted = seen!
          expect(painted.fonts.length, `slide ${no}: the copy's own fonts`).toBeGreaterThan(0)
          expect(painted.fonts.every(status => status === 'loaded'), `slide ${no}: ${painted.fonts}`).toBe(true)
          expect(painted.boxes.length, `slide ${no}`).toBeGreaterThan(0)
          await tab.goto(url(String(no)))
          await expect.poll(() => tab.run(() => document.querySelector('.slidev-prerender') === null), patience).toBe(true)
          await expectShown(no)
          // Where its text lies, before and after the takeover: the same to a pixel (the copy's scale is
          // computed by CSS, the deck's by its script).
          const running = (await tab.run(textBoxes, false, no))!.boxes
          expect(running.map(box => box.text), `slide ${no}`).toEqual(painted.boxes.map(box => box.text))
          running.forEach((box, i) => {
            const before = painted.boxes[i]!
            const moved = Math.max(...(['x', 'y', 'width', 'height'] as const).map(side => Math.abs(box[side] - before[side])))
            expect(moved, `slide ${no}, "${box.text}": moved or grew by`).toBeLessThanOrEqual(1)
          })
        }
      }
      finally {
        await still.close()
      }
    })

    it('walks the deck with the arrow keys', async () => {
      await tab.goto(url())
      await expectAt('1')
      await expectShown(1)
      await tab.press('ArrowRight')
      await expectAt('2')
      await expectShown(2)
      await tab.press('ArrowLeft')
      await expectAt('1')
      await expectShown(1)
    })

    it('presents from the presenter view, with the notes and the timer', async () => {
      const demo = slideNumber(slides, 'Cargo is your friend')
      await tab.goto(url(`presenter/${demo}`))
      await expect.poll(() => tab.run(() => document.querySelector('.slidev-note')?.textContent ?? ''), patience)
        .toContain('Show sample app')
      // Slidev's clock (the pace line beside it has times too) runs once its play button is pressed.
      const clock = () => document.querySelector('.presenter-timer .font-mono')?.textContent?.replace(/\s/g, '')
      await expect.poll(() => tab.run(clock), patience).toBe('-:--')
      await tab.run(() => document.querySelector<HTMLElement>('.presenter-timer .i-carbon\\:play')!.parentElement!.click())
      await expect.poll(() => tab.run(clock), patience).toMatch(/^\d+:0[1-9]$/)
    })

    it('opens the QR code\'s link and a shared slide on an upright phone in the reading view', async () => {
      const size = await tab.resize(phone.width, phone.height)
      try {
        expect(size.width, 'a phone\'s width').toBeLessThan(600)
        expect(size.height, 'held upright').toBeGreaterThan(size.width)
        await tab.goto(url())
        await expectAt('read/')
        await tab.goto(url('16'))
        await expectAt('read/#16')
        expect(await tab.run(() => document.getElementById('16')?.querySelector('h2')?.textContent?.trim()))
          .toBe(slides[15]!.heading)
      }
      finally {
        await tab.resize(laptop.width, laptop.height)
      }
    })

    it(`reads the talk on a phone ${phoneWidths.join(', ')} px wide without scrolling sideways`, async () => {
      await tab.goto(url('read/'))
      expect(await tab.run(sidewaysScroll, phoneWidths)).toEqual([])
    })

    it('keeps the slides on a phone once "View as slides" chose them', async () => {
      await tab.resize(phone.width, phone.height)
      try {
        await tab.goto(url('?view=slides'))
        await expectShown(1)
        expect(await tab.run(where)).not.toContain('read/')
        // Later visits, a shared link included, stay on the slides.
        await tab.goto(url('7'))
        await expectShown(7)
        await expectAt('7')
      }
      finally {
        await tab.run(key => localStorage.removeItem(key), viewChoiceKey(base))
        await tab.resize(laptop.width, laptop.height)
      }
    })

    describe('following the speaker through a real broker (slidev-addon-follow, on the fixture deck)', () => {
      let fixture: StaticSite
      let broker: LocalMosquitto
      let speaker: Room
      const at = (path = '') => `${fixture.url}${path}`
      const moveTo = (page: number) => speaker.publish({ page, clicks: 0 })

      beforeAll(async () => {
        fixture = await serveProbedSite(join(fixtureDir, 'dist'), '/')
        broker = await startMosquitto({ port: fixtureFollow().port, room: fixtureFollow().room })
        speaker = joinRoom({ broker: broker.url, room: fixtureFollow().room, credential: broker.credential })
      })

      afterAll(async () => {
        await speaker?.close()
        await broker?.stop()
        await fixture?.close()
      })

      it('follows the speaker on a phone, in the reading view, from the slide already shown', async () => {
        await moveTo(3)
        await tab.resize(phone.width, phone.height)
        try {
          await tab.goto(at('follow/'))
          await expect.poll(() => tab.run(followBar), patience).toBe('Following the speaker · slide 3')
          await expect.poll(() => tab.run(sectionAtTop), patience).toBe('3')
          await moveTo(2)
          await expect.poll(() => tab.run(followBar), patience).toBe('Following the speaker · slide 2')
          await expect.poll(() => tab.run(sectionAtTop), patience).toBe('2')
        }
        finally {
          await tab.resize(laptop.width, laptop.height)
        }
      })

      it('follows the speaker in the deck', async () => {
        await moveTo(2)
        await tab.goto(at('2?follow'))
        await expect.poll(() => tab.run(() => document.querySelector('.follow-control')?.textContent?.trim()), patience)
          .toBe('Following the speaker · slide 2')
        await moveTo(5)
        await expect.poll(() => tab.run(() => location.pathname), patience).toBe('/5')
      })
    })

    it('opens the deck, a shared link and the PDF with the server gone, after one visit', async () => {
      await tab.goto(url('1'))
      await expectShown(1)
      // The deck registers its service worker by itself; it controls the page once every file is cached.
      expect(await tab.run(() => 'serviceWorker' in navigator), 'service workers').toBe(true)
      await expect.poll(() => tab.run(() => navigator.serviceWorker.controller?.state), { timeout: 60_000, interval: 250 })
        .toBe('activated')

      await site.close()
      serving = false
      await expect(fetch(url()), 'the server is gone').rejects.toThrow()

      await tab.goto(url())
      await expectShown(1)
      await expectAt('1')
      const last = slides.at(-1)!
      await tab.goto(url(String(last.no)))
      await expectShown(last.no)
      const pdf = `${exportFilename()}.pdf`
      expect(await tab.run(fetchPdf, url(pdf))).toEqual({
        status: 200,
        start: '%PDF-',
        size: statSync(join(resolve(process.env.DECK_DIST ?? 'dist'), pdf)).size,
      })
    })
  })
}
