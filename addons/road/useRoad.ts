import type { SlidevContextNavFull } from '@slidev/client/composables/useNav.ts'
import type { Trail } from './road'
import { useNav as useSlidevNav } from '@slidev/client'
import { CLICKS_MAX } from '@slidev/client/constants.ts'
import { useStorage } from '@vueuse/core'
import { computed } from 'vue'
import { downStop, nextStop, previousStop, readRoad, upStop, walk } from './road'

/**
 * The deck's slides' frontmatter and the road read from it, as Slidev has them now (in the dev
 * server they follow every save of slides.md). Everything that draws or walks the road reads it here.
 */
export function useDeckRoad() {
  const { slides } = useSlidevNav()
  const frontmatters = computed(() => slides.value.map(route => route.meta?.slide?.frontmatter))
  return {
    frontmatters,
    road: computed(() => readRoad(frontmatters.value)),
  }
}

/**
 * Slidev's navigation with the keys following the road of road.ts: → (space, page down, a
 * clicker) steps through clicks and then on along the talk, past the backup slides of a demo
 * slide; ↓ enters them, ↑ leaves them, ← retraces the path just walked. `go` (deep links, `g`,
 * the overview) is Slidev's own and reaches every slide.
 *
 * setup/shortcuts.ts binds the keys to it, and vite-plugin.ts gives it to the presenter view
 * (its "next" preview) and the toolbar's arrows in place of Slidev's `useNav`.
 */
export function useRoad() {
  const nav = useSlidevNav()
  const { slides, currentSlideNo, clicks, clicksTotal, clicksStart, go } = nav
  const { road } = useDeckRoad()
  // In localStorage, so that the presenter view and the deck in another window share one path.
  const trail = useStorage<Trail>('deck-road-trail', [])

  async function move(to: number | undefined, clicks?: number) {
    if (to === undefined)
      return
    const from = currentSlideNo.value
    trail.value = walk(trail.value, from, to)
    await go(to, clicks)
  }

  const nextNo = computed(() => nextStop(road.value, currentSlideNo.value))

  return {
    road,
    /** The slide → shows after the current slide's last click. */
    nextRoute: computed(() => slides.value[(nextNo.value ?? currentSlideNo.value) - 1]),
    hasNext: computed(() => clicks.value < clicksTotal.value || nextNo.value !== undefined),
    /** →: the next click, then the next slide on the path. */
    next: async () => {
      if (clicks.value < clicksTotal.value)
        await nav.next()
      else
        await move(nextNo.value)
    },
    /** ←: the previous click, then the previous slide on the path, with all its clicks shown. */
    prev: async () => {
      if (clicks.value > clicksStart.value)
        await nav.prev()
      else
        await move(previousStop(road.value, currentSlideNo.value, trail.value), CLICKS_MAX)
    },
    /** The next slide on the path, skipping clicks (shift →). */
    nextSlide: () => move(nextNo.value),
    /** The previous slide on the path, skipping clicks (shift ←). */
    prevSlide: (lastClicks = false) => move(previousStop(road.value, currentSlideNo.value, trail.value), lastClicks
      ? CLICKS_MAX
      : undefined),
    /** ↓: into the detour of a demo slide, elsewhere the next slide on the path. */
    down: () => move(downStop(road.value, currentSlideNo.value)),
    /** ↑: from a backup to its demo slide, elsewhere the previous slide on the path. */
    up: () => move(upStop(road.value, currentSlideNo.value, trail.value)),
  }
}

/** Slidev's `useNav` with the path's moves: what vite-plugin.ts hands to Slidev's own views. */
export function useNav(): SlidevContextNavFull {
  const { next, prev, nextSlide, prevSlide, nextRoute, hasNext } = useRoad()
  return {
    ...useSlidevNav(),
    next,
    prev,
    nextSlide,
    prevSlide,
    nextRoute,
    hasNext,
  }
}
