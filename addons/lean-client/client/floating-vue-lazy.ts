// Stands in for `floating-vue` in Slidev's client when twoslash is off (see vite-plugin.ts).
// Without twoslash popups the deck needs floating-vue only for the tooltip in the settings menu, so
// the library (about 15 KiB gzip) loads the first time such a tooltip is rendered, not before slide 1.
import type { Component } from 'vue'
import { defineAsyncComponent } from 'vue'

type FloatingVue = typeof import('floating-vue')

let loaded: FloatingVue | undefined

function load(): Promise<FloatingVue> {
  return import('floating-vue').then(module => (loaded = module))
}

/** Slidev calls this after slide changes; until a popper exists there is nothing to recompute. */
export function recomputeAllPoppers(): void {
  loaded?.recomputeAllPoppers()
}

export const Tooltip = defineAsyncComponent(() => load().then(m => m.Tooltip as Component))
export const Dropdown = defineAsyncComponent(() => load().then(m => m.Dropdown as Component))
