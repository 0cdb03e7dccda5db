import { defineAppSetup } from '@slidev/types'
import { copyClass } from '../boot'
import { takeOver } from '../client/takeover'

/**
 * On a pre-rendered page (written by `slidev build`, see vite-plugin.ts), the deck takes over from
 * the copy of the slide in place (client/takeover.ts). Nothing happens anywhere else (`slidev` dev,
 * a page the copy did not match).
 */
export default defineAppSetup(({ router }) => {
  if (typeof document === 'undefined')
    return
  const copy = document.querySelector(`.${copyClass}`)
  const no = Number(document.querySelector('meta[name="slidev-prerender"]')?.getAttribute('content'))
  if (!copy)
    return
  if (!no || getComputedStyle(copy).display === 'none') {
    copy.remove()
    return
  }
  // From now on the deck is there beneath it: a tap or a click reaches the deck, and a reader the deck only.
  copy.setAttribute('aria-hidden', 'true')
  ;(copy as HTMLElement).style.pointerEvents = 'none'
  const takeover = takeOver(copy, no)
  // A key pressed before the copy is gone moves the deck: the copy goes with the first move.
  void router.isReady().then(() => {
    const stop = router.afterEach(() => {
      takeover.done()
      stop()
    })
    void takeover.finished.then(stop)
  })
})
