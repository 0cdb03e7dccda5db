import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyFonts, deckLiesUnderCopy, deckShows, takeOver } from './takeover'

/** A page with the copy of slide `no` and the deck's #app, as a pre-rendered page has them. */
function prerenderedPage(no: number) {
  document.body.innerHTML = `<div id="app"></div><div class="slidev-prerender"><div class="slidev-page slidev-page-${no}"></div></div>`
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { status: 'loaded' },
  })
  return document.querySelector('.slidev-prerender')!
}

/** The deck renders slide `no` into #app, as Slidev does. */
function deckRenders(no: number, { loading = false } = {}) {
  document.querySelector('#app')!.innerHTML = `<div id="slide-content"><div class="slidev-page slidev-page-${no}">${loading
    ? '<div class="slidev-slide-loading"></div>'
    : '<div class="slidev-layout default"><h1>Slide</h1></div>'}</div></div>`
}

/** Frames run by hand, and a clock. */
function frames() {
  const queue: Array<() => void> = []
  let time = 0
  return {
    frame: (step: () => void) => void queue.push(step),
    now: () => time,
    run: (ms = 16) => {
      time += ms
      queue.splice(0).forEach(step => step())
    },
  }
}

// The tests give `document` a font set of their own: the one it had comes back after each (the
// other test files share this document).
const ownFonts = Object.getOwnPropertyDescriptor(document, 'fonts')

afterEach(() => {
  document.body.innerHTML = ''
  if (ownFonts)
    Object.defineProperty(document, 'fonts', ownFonts)
  else
    delete (document as { fonts?: unknown }).fonts
})

describe('the deck taking over from the copy', () => {
  it('keeps the copy until the deck shows the same slide, rendered, then removes it in the next frame where it still does', async () => {
    const copy = prerenderedPage(7)
    const clock = frames()
    const { finished } = takeOver(copy, 7, clock)
    clock.run()
    expect(copy.isConnected).toBe(true)
    deckRenders(7, { loading: true })
    clock.run()
    expect(copy.isConnected, 'the slide is still loading').toBe(true)
    deckRenders(8)
    clock.run()
    expect(copy.isConnected, 'another slide').toBe(true)
    deckRenders(7)
    clock.run()
    expect(copy.isConnected, 'the frame the deck became ready in: it is laid out again under the copy').toBe(true)
    clock.run()
    expect(copy.isConnected).toBe(false)
    await expect(finished).resolves.toBe('ready')
  })

  it('waits for the deck\'s fonts and stylesheets', () => {
    // A document of its own, which loads nothing: the stylesheet stays unloaded.
    const doc = document.implementation.createHTMLDocument('page')
    doc.body.innerHTML = '<div id="app"><div id="slide-content"><div class="slidev-page slidev-page-2"><div class="slidev-layout"></div></div></div></div>'
    const fonts = { status: 'loaded' }
    Object.defineProperty(doc, 'fonts', { configurable: true, value: fonts })
    expect(deckShows(doc, 2)).toBe(true)
    fonts.status = 'loading'
    expect(deckShows(doc, 2)).toBe(false)
    fonts.status = 'loaded'
    const link = doc.createElement('link')
    link.rel = 'stylesheet'
    Object.defineProperty(link, 'sheet', { value: null })
    doc.head.append(link)
    expect(deckShows(doc, 2)).toBe(false)
    link.setAttribute('data-slidev-prerender-failed', '')
    expect(deckShows(doc, 2)).toBe(true)
  })

  it('asks for the deck\'s faces of the copy\'s fonts, and waits for them', async () => {
    const copy = prerenderedPage(6)
    copy.querySelector('.slidev-page')!.innerHTML = '<h1 style="font-family: slidev-prerender-0, Inter, sans-serif !important">Six</h1>'
    expect(copyFonts(copy)).toEqual([
      expect.stringMatching(/ 16px Inter, sans-serif$/),
    ])
    let loaded: () => void = () => {}
    let isIn = false
    const asked: string[] = []
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: {
        status: 'loaded',
        load: (font: string) => new Promise<void>((done) => {
          asked.push(font)
          loaded = () => {
            isIn = true
            done()
          }
        }),
        check: () => isIn,
      },
    })
    const clock = frames()
    takeOver(copy, 6, clock)
    expect(asked).toEqual(copyFonts(copy))
    deckRenders(6)
    clock.run()
    expect(copy.isConnected, 'the deck\'s font is still on its way').toBe(true)
    loaded()
    await Promise.resolve()
    await Promise.resolve()
    clock.run()
    clock.run()
    expect(copy.isConnected).toBe(false)
  })

  it('asks again for a face the deck declares after the takeover began, and waits for it', async () => {
    const copy = prerenderedPage(7)
    copy.querySelector('.slidev-page')!.innerHTML = '<h1 style="font-family: slidev-prerender-1, Mono, monospace !important">man cargo</h1>'
    // No face of Mono yet: the first load finds nothing to load. Then a stylesheet declares one.
    let declared = false
    let faceLoaded = false
    const asked: string[] = []
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: {
        status: 'loaded',
        load: async (font: string) => {
          asked.push(font)
          return []
        },
        check: () => !declared || faceLoaded,
      },
    })
    const clock = frames()
    takeOver(copy, 7, clock)
    await Promise.resolve()
    await Promise.resolve()
    declared = true
    deckRenders(7)
    clock.run()
    expect(copy.isConnected, 'the deck\'s face of Mono is not in').toBe(true)
    expect(asked, 'asked at the start, and again once declared').toHaveLength(2)
    faceLoaded = true
    clock.run()
    expect(copy.isConnected, 'the face came in this frame: the deck\'s glyphs move in the next').toBe(true)
    clock.run()
    expect(copy.isConnected).toBe(false)
  })

  it('compares the deck\'s slide with the copy\'s slide, not with the copy\'s global layers', () => {
    const copy = prerenderedPage(5)
    copy.querySelector('.slidev-page')!.innerHTML = '<h1>Five</h1>'
    copy.insertAdjacentHTML('beforeend', '<div class="slide-number"><span>5</span></div>')
    const clock = frames()
    takeOver(copy, 5, clock)
    deckRenders(5)
    const at = (el: Element, y: number) => vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ x: 80, y, width: 400, height: 76 } as DOMRect)
    at(copy.querySelector('h1')!, 76)
    at(document.querySelector('#app h1')!, 80)
    clock.run()
    expect(copy.isConnected, 'the deck\'s heading is 4 px lower than the copy\'s').toBe(true)
    at(document.querySelector('#app h1')!, 76)
    clock.run()
    clock.run()
    expect(copy.isConnected).toBe(false)
  })

  it('waits until the deck\'s text lies where the copy\'s does, to a pixel', () => {
    const copy = document.createElement('div')
    const deck = document.createElement('div')
    copy.innerHTML = '<h1>Six</h1><p>text</p>'
    deck.innerHTML = '<h1>Six</h1><p>text</p>'
    const at = (el: Element, y: number) => vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ x: 80, y, width: 400, height: 76 } as DOMRect)
    at(copy.querySelector('h1')!, 76)
    at(copy.querySelector('p')!, 200)
    at(deck.querySelector('h1')!, 80)
    at(deck.querySelector('p')!, 200)
    expect(deckLiesUnderCopy(copy, deck), 'its heading still 4 px lower').toBe(false)
    at(deck.querySelector('h1')!, 76.5)
    expect(deckLiesUnderCopy(copy, deck)).toBe(true)
  })

  it('removes the copy at once when the deck moves elsewhere first', async () => {
    const copy = prerenderedPage(3)
    const clock = frames()
    const takeover = takeOver(copy, 3, clock)
    takeover.done()
    expect(copy.isConnected).toBe(false)
    await expect(takeover.finished).resolves.toBe('navigated')
  })

  it('gives up after the timeout, so that a broken slide never hides the deck', async () => {
    const copy = prerenderedPage(4)
    const clock = frames()
    const { finished } = takeOver(copy, 4, { ...clock, timeout: 100 })
    clock.run(50)
    expect(copy.isConnected).toBe(true)
    clock.run(60)
    expect(copy.isConnected).toBe(false)
    await expect(finished).resolves.toBe('timeout')
  })
})
