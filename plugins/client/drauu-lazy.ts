// Stands in for `drauu` in the built deck when drawings are on (see plugins/lean-client.ts): Slidev
// creates its drawing board at start, but the drawing library (about 6 KiB gzip) loads only when
// the board is first used: drawing is switched on (the pen button in the toolbar or the presenter
// view), a stylus touches the slide, or a slide has a drawing to show (synced from the presenter).
// Until then the stand-in keeps what Slidev asks of it and hands it to the real board.
import type { Drauu, DrawingMode, EventsMap, Options } from 'drauu'
import { watch } from 'vue'

let library: Promise<typeof import('drauu')> | undefined

export function createDrauu(options: Options = {}): Drauu {
  let real: Drauu | undefined
  let loading: Promise<void> | undefined
  let mode: DrawingMode = options.brush?.mode ?? 'stylus'
  let target: [el: SVGSVGElement, eventEl?: HTMLElement] | undefined
  let drawing = ''
  const listeners = new Set<[keyof EventsMap, EventsMap[keyof EventsMap]]>()

  const onPen = (event: PointerEvent) => event.pointerType === 'pen' && use()
  function use(): Promise<void> {
    loading ??= (library ??= import('drauu')).then(({ createDrauu: create }) => {
      real = create(options)
      real.mode = mode
      for (const [event, listener] of listeners)
        real.on(event, listener)
      target?.[1]?.removeEventListener('pointerdown', onPen)
      if (target)
        real.mount(...target)
      if (drawing)
        real.load(drawing)
    })
    return loading
  }

  // Slidev lets every input draw (`acceptsInputTypes` unset) once drawing is switched on.
  watch(() => options.acceptsInputTypes, (types) => {
    if (!types)
      void use()
  }, { immediate: true })

  const board = {
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
      eventEl?.addEventListener('pointerdown', onPen)
    },
    unmount() {
      target?.[1]?.removeEventListener('pointerdown', onPen)
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
  return board as unknown as Drauu
}
