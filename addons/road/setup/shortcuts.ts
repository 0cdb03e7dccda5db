import type { ShortcutOptions } from '@slidev/types'
import { defineShortcutsSetup } from '@slidev/types'
import { useRoad } from '../useRoad'

/**
 * The navigation keys follow the talk's road (road.ts): → and space, page down or a
 * clicker step past a demo slide's backups, ↓ enters them, ↑ returns to the demo slide, ← retraces
 * the path just walked. Every other key (`g`, `o`, `f`, the overview's arrows) stays Slidev's.
 */
export default defineShortcutsSetup((_nav, shortcuts) => {
  const road = useRoad()
  const moves: Record<string, () => Promise<void>> = {
    next_space: road.next,
    next_right: road.next,
    next_page_key: road.next,
    prev_space: road.prev,
    prev_left: road.prev,
    prev_page_key: road.prev,
    next_down: road.down,
    prev_up: road.up,
    next_shift: road.nextSlide,
    prev_shift: road.prevSlide,
  }
  return shortcuts.map((shortcut): ShortcutOptions => shortcut.name && moves[shortcut.name]
    ? { ...shortcut, fn: moves[shortcut.name] }
    : shortcut)
})
