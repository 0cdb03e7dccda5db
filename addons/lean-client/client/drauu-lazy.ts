// Stands in for `drauu` in the built deck when drawings are on (see vite-plugin.ts): Slidev
// creates its drawing board at start, but the drawing library (about 6 KiB gzip) loads only when
// the board is first used: drawing is switched on (the pen button in the toolbar or the presenter
// view), a stylus touches the slide, or a slide has a drawing to show (synced from the presenter).
// Until then the stand-in keeps what Slidev asks of it and hands it to the real board, along with
// any stroke begun while the library was still loading, so that first stroke is not lost.
import type { Drauu, DrawingMode, EventsMap, Options } from 'drauu'
import type { DrauuSurface } from './drauu-off'
import { watch } from 'vue'

let library: Promise<typeof import('drauu')> | undefined

export function createDrauu(options: Options = {}): Drauu {
  let real: Drauu | undefined
  let loading: Promise<void> | undefined
  let mode: DrawingMode = options.brush?.mode ?? 'stylus'
  let target: [el: SVGSVGElement, eventEl?: HTMLElement] | undefined
  let drawing = ''
  const listeners = new Set<[keyof EventsMap, EventsMap[keyof EventsMap]]>()

  // The pointer events of a stroke begun before the library is ready: the press, then the moves
  // and the release of the same pointer. Slidev draws with any pointer once drawing is switched on
  // (`acceptsInputTypes` unset), and with a stylus at any time.
  let stroke: PointerEvent[] = []
  const accepts = (event: PointerEvent) => !options.acceptsInputTypes
    || (options.acceptsInputTypes as string[]).includes(event.pointerType)
  const follow = (event: PointerEvent) => {
    if (stroke[0]?.pointerId === event.pointerId)
      stroke.push(event)
  }
  function press(event: PointerEvent) {
    if (!accepts(event))
      return
    stroke = [event]
    addEventListener('pointermove', follow)
    addEventListener('pointerup', follow)
    void use()
  }
  function stopListening() {
    target?.[1]?.removeEventListener('pointerdown', press)
    removeEventListener('pointermove', follow)
    removeEventListener('pointerup', follow)
  }
  /** Plays the early stroke into the real board, where it listens: the press on the slide, the rest on the window. */
  function replay(into: EventTarget) {
    for (const event of stroke) {
      const at = event.type === 'pointerdown'
        ? into
        : window
      at.dispatchEvent(new PointerEvent(event.type, event))
    }
    stroke = []
  }

  function use(): Promise<void> {
    loading ??= (library ??= import('drauu')).then(({ createDrauu: create }) => {
      real = create(options)
      real.mode = mode
      for (const [event, listener] of listeners)
        real.on(event, listener)
      stopListening()
      if (target)
        real.mount(...target)
      if (drawing)
        real.load(drawing)
      // Last: loading a drawing replaces what the board holds.
      if (target)
        replay(target[1] ?? target[0])
    })
    return loading
  }

  // Slidev lets every input draw (`acceptsInputTypes` unset) once drawing is switched on.
  watch(() => options.acceptsInputTypes, (types) => {
    if (!types)
      void use()
  }, { immediate: true })

  const board: DrauuSurface = {
    options,
    get el() {
      return real
        ? real.el
        : target?.[0] ?? null
    },
    get mounted() {
      return real
        ? real.mounted
        : !!target
    },
    get mode() {
      return real ? real.mode : mode
    },
    set mode(value: DrawingMode) {
      mode = value
      if (real)
        real.mode = value
    },
    mount(el: SVGSVGElement, eventEl?: HTMLElement) {
      target = [el, eventEl]
      if (real)
        return real.mount(el, eventEl)
      eventEl?.addEventListener('pointerdown', press)
    },
    unmount() {
      stopListening()
      stroke = []
      target = undefined
      real?.unmount()
    },
    on<K extends keyof EventsMap>(event: K, listener: EventsMap[K]) {
      const entry: [keyof EventsMap, EventsMap[keyof EventsMap]] = [event, listener]
      listeners.add(entry)
      const off = real?.on(event, listener)
      return () => {
        listeners.delete(entry)
        off?.()
      }
    },
    load(svg: string) {
      drawing = svg
      if (real)
        real.load(svg)
      else if (svg)
        void use()
    },
    clear() {
      drawing = ''
      real?.clear()
    },
    dump: () => real
      ? real.dump()
      : drawing,
    canUndo: () => real?.canUndo() ?? false,
    canRedo: () => real?.canRedo() ?? false,
    undo: () => real?.undo() ?? false,
    redo: () => real?.redo() ?? false,
  }
  // Slidev's client is typed for drauu's class; it uses only the surface this board implements.
  return board as Drauu
}
