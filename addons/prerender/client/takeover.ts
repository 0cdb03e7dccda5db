/**
 * The deck taking over from the copy of the slide that a pre-rendered page painted (page.ts): the
 * copy stays on top until the deck shows the same slide, with its stylesheets, fonts and pictures
 * in, and goes in the frame the deck's slide is ready; nothing moves. It goes at once when the deck
 * navigates elsewhere first, and after `timeout` ms whatever happens, so that a broken slide never
 * hides the deck behind a picture of itself.
 */

/** Whether `doc`'s stylesheets (`<link>`) have all loaded or failed. */
export function stylesheetsSettled(doc: Document): boolean {
  return [
    ...doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'),
  ]
    .every(link => link.sheet !== null || link.hasAttribute('data-slidev-prerender-failed') || link.disabled)
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

export interface Takeover {
  /** Removes the copy now (the deck went elsewhere). */
  done: () => void
  /** Resolves once the copy is gone, with why it went. */
  finished: Promise<'ready' | 'navigated' | 'timeout'>
}

/**
 * Watches, frame by frame, for the deck to show slide `no`, then removes `copy` in that frame.
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
  const watch = () => {
    if (!copy.isConnected)
      return
    if (deckShows(doc, no))
      return finish('ready')
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
