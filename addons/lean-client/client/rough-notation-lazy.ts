// Stands in for `@slidev/rough-notation` (the `v-mark` directive) in the built deck (see
// vite-plugin.ts): the library and roughjs (about 12 KiB gzip) load the first time a slide
// marks something, and the annotation catches up with what was asked of it meanwhile.
import type { RoughAnnotation, RoughAnnotationConfig } from '@slidev/rough-notation'

export function annotate(element: HTMLElement, config: RoughAnnotationConfig): RoughAnnotation {
  let real: RoughAnnotation | undefined
  const pending: Array<(annotation: RoughAnnotation) => void> = []
  const settings: Partial<RoughAnnotation> = {}
  const call = (action: (annotation: RoughAnnotation) => void) => real
    ? action(real)
    : pending.push(action)

  import('@slidev/rough-notation').then((module) => {
    real = module.annotate(element, config)
    Object.assign(real, settings)
    for (const action of pending.splice(0))
      action(real)
  })

  return new Proxy({} as RoughAnnotation, {
    get(_, key: keyof RoughAnnotation) {
      switch (key) {
        case 'isShowing': return () => real?.isShowing() ?? false
        case 'show': return () => call(a => a.show())
        case 'hide': return () => call(a => a.hide())
        case 'remove': return () => call(a => a.remove())
        default: return real
          ? real[key]
          : settings[key] ?? config[key as keyof RoughAnnotationConfig]
      }
    },
    set(_, key: keyof RoughAnnotation, value) {
      if (real)
        Reflect.set(real, key, value)
      else
        (settings as Record<string, unknown>)[key] = value
      return true
    },
  })
}
