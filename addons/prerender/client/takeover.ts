/**
 * The deck taking over from the copy of the slide that a pre-rendered page painted (page.ts): the
 * copy stays on top until the deck shows the same slide, with its stylesheets, pictures and the
 * fonts the copy's text is in, and goes in the frame after the deck's slide is ready; nothing moves.
 * It goes at once when the deck navigates elsewhere first, and after `timeout` ms whatever happens,
 * so that a broken slide never hides the deck behind a picture of itself.
 */

/** Whether `doc`'s stylesheets (`<link>`) have all loaded or failed. */
export function stylesheetsSettled(doc: Document): boolean {
  return [
    ...doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'),
  ]
    .every(link => link.sheet !== null || link.hasAttribute('data-slidev-prerender-failed') || link.disabled)
}

/**
 * The fonts the copy draws its text in, as the deck names them (`italic 600 16px "Inter", sans-serif`):
 * the copy's elements name the copy's own faces first (`slidev-prerender-0, Inter, …`), and the deck's
 * after. The deck may not have asked for them yet when its slide is laid out; the takeover loads them
 * first, so that the deck's text never moves when they come in.
 */
export function copyFonts(copy: Element): string[] {
  const fonts = new Set<string>()
  for (const el of copy.querySelectorAll<HTMLElement>('[style*="slidev-prerender-"]')) {
    const family = el.style.fontFamily.split(',').map(name => name.trim()).filter(name => !/^["']?slidev-prerender-/.test(name)).join(', ')
    const style = getComputedStyle(el)
    if (family)
      fonts.add(`${style.fontStyle} ${style.fontWeight} 16px ${family}`)
  }
  return [...fonts]
}

/** Whether the deck in `#app` shows slide `no`, rendered, with everything it needs in. */
export function deckShows(doc: Document, no: number): boolean {
  const page = doc.querySelector<HTMLElement>(`#app #slide-content .slidev-page-${no}`)
  return !!page
    && page.style.display !== 'none'
    && !page.querySelector('.slidev-slide-loading')
    && page.querySelector('.slidev-layout, [data-slidev-no]') !== null
    && [
      ...page.querySelectorAll('img'),
    ].every(img => img.complete)
    && doc.fonts.status === 'loaded'
    && stylesheetsSettled(doc)
}

/**
 * Whether the deck's slide lies where the copy does: the boxes of its headings, paragraphs, list
 * items, code lines and the inline boxes in them, taken in the same order in both, within a pixel. A
 * deck whose text settles a moment after it renders (a line box that waits for a font another
 * element asks for) is waited for, so that nothing moves when the copy goes.
 */
export function deckLiesUnderCopy(copy: Element, deck: Element): boolean {
  // Inline boxes too: a heading's box stays put while the text in it settles.
  const text = 'h1, h2, h3, h4, p, li, .line, span, code, a'
  const under = [
    ...deck.querySelectorAll(text),
  ].slice(0, 40)
  const over = [
    ...copy.querySelectorAll(text),
  ].slice(0, 40)
  // A slide whose elements differ in number from its copy's (a component that draws more once it
  // runs) cannot be compared box by box: the other conditions and the timeout decide.
  if (under.length !== over.length)
    return true
  return under.every((el, i) => {
    const a = el.getBoundingClientRect()
    const b = over[i]!.getBoundingClientRect()
    return Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1 && Math.abs(a.width - b.width) <= 1 && Math.abs(a.height - b.height) <= 1
  })
}

export interface Takeover {
  /** Removes the copy now (the deck went elsewhere). */
  done: () => void
  /** Resolves once the copy is gone, with why it went. */
  finished: Promise<'ready' | 'navigated' | 'timeout'>
}

/**
 * Watches, frame by frame, for the deck to show slide `no`, then removes `copy` in the next frame
 * where it still does.
 * `frame` and `now` stand in for `requestAnimationFrame` and `performance.now` in tests.
 */
export function takeOver(copy: Element, no: number, {
  doc = copy.ownerDocument,
  timeout = 10_000,
  frame = (step: () => void) => requestAnimationFrame(step),
  now = () => performance.now(),
}: { doc?: Document, timeout?: number, frame?: (step: () => void) => void, now?: () => number } = {}): Takeover {
  let finish: (why: 'ready' | 'navigated' | 'timeout') => void = () => {}
  const finished = new Promise<'ready' | 'navigated' | 'timeout'>((resolve) => {
    finish = (why) => {
      if (!copy.isConnected)
        return
      copy.remove()
      resolve(why)
    }
  })
  const start = now()
  // The deck's own faces of the copy's fonts (see copyFonts): asked for now, so that they are on their
  // way before the deck renders, and waited for frame by frame. One not in is asked for again: a
  // stylesheet that declares a face may come after the takeover began.
  const fonts = copyFonts(copy)
  for (const font of fonts)
    void doc.fonts?.load?.(font).catch(() => {})
  const fontsIn = () => !doc.fonts?.check || fonts.every((font) => {
    try {
      if (doc.fonts.check(font))
        return true
      void doc.fonts.load(font).catch(() => {})
      return false
    }
    catch {
      // A font the browser cannot parse is not waited for.
      return true
    }
  })
  // The copy's slide against the deck's: the copy's global layers (a slide number, a reader's
  // announcement) have no counterpart inside the deck's slide.
  const copied = copy.querySelector(`.slidev-page-${no}`) ?? copy
  // Ready in the frame before too: a face that came in during this frame lays the deck's text out
  // anew only after this check (a glyph moves inside a box that keeps its size), so the copy stays
  // over that frame, and the deck under it is the one laid out with everything in.
  let readyBefore = false
  const watch = () => {
    if (!copy.isConnected)
      return
    const page = doc.querySelector(`#app #slide-content .slidev-page-${no}`)
    // Where the deck's text lies first: laying it out is what asks for the faces it needs, so that
    // the font set's status is the deck's as rendered.
    const ready = !!page && deckLiesUnderCopy(copied, page) && fontsIn() && deckShows(doc, no)
    if (ready && readyBefore)
      return finish('ready')
    readyBefore = ready
    if (now() - start > timeout)
      return finish('timeout')
    frame(watch)
  }
  frame(watch)
  return {
    done: () => finish('navigated'),
    finished,
  }
}
