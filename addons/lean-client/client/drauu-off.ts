// Stands in for `drauu` in the built deck when drawings are off (`drawings.enabled: false`, see
// vite-plugin.ts): Slidev still creates a drawing board for every deck, but with drawings
// off nothing mounts it, so a board that never holds anything does, without its 6 KiB gzip.
import type { Drauu, Options } from 'drauu'

/** What Slidev uses of a drawing board, typed by drauu's own class. */
export type DrauuSurface = Pick<Drauu, 'el' | 'options' | 'mode' | 'mounted' | 'mount' | 'unmount' | 'on' | 'load' | 'clear' | 'dump' | 'canUndo' | 'canRedo' | 'undo' | 'redo'>

export function createDrauu(options: Options = {}): Drauu {
  const board: DrauuSurface = {
    el: null,
    options,
    mode: options.brush?.mode ?? 'stylus',
    get mounted() {
      return false
    },
    mount() {},
    unmount() {},
    on: () => () => {},
    load() {},
    clear() {},
    dump: () => '',
    canUndo: () => false,
    canRedo: () => false,
    undo: () => false,
    redo: () => false,
  }
  // Slidev's client is typed for drauu's class; it uses only the surface above.
  return board as Drauu
}
