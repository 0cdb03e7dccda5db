// Parts of Slidev's UI that nobody sees before slide 1 (dialogs, the hover toolbar) are swapped for
// components that load once the page has loaded and the browser is idle (see vite-plugin.ts).
import type { Component } from 'vue'
import { defineAsyncComponent } from 'vue'

let settled: Promise<void> | undefined

/**
 * Resolves once a slide is on screen in its fonts and the browser has a moment to spare (or after
 * a few seconds, whatever the page shows).
 */
function pageSettled(): Promise<void> {
  settled ??= new Promise<void>((resolve) => {
    const started = performance.now()
    const idle = () => typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 1000 })
      : setTimeout(resolve, 100)
    const waitForSlide = () => {
      if (document.querySelector('#slide-content .slidev-layout') || performance.now() - started > 3000)
        requestAnimationFrame(() => document.fonts.ready.then(idle))
      else
        requestAnimationFrame(waitForSlide)
    }
    waitForSlide()
  })
  return settled
}

export function deferred(load: () => Promise<{ default: Component }>): Component {
  return defineAsyncComponent(() => pageSettled().then(load))
}

/** Loads only when first rendered (for UI that most decks never show). */
export function onDemand(load: () => Promise<{ default: Component }>): Component {
  return defineAsyncComponent(load)
}
