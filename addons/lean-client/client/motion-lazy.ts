// Stands in for `@vueuse/motion` in Slidev's `v-motion` directive in the built deck (see
// vite-plugin.ts): the animation library (about 11 KiB gzip) loads the first time an element
// with `v-motion` is created, and the element's motion instance replays what it was asked meanwhile.
import type { Directive, DirectiveBinding, ObjectDirective, VNode } from 'vue'

interface MotionInstance {
  set: (variant: unknown) => void
  apply: (variant: unknown) => unknown
  [key: string]: unknown
}
type MotionElement = HTMLElement & { motionInstance?: MotionInstance }

let library: Promise<typeof import('@vueuse/motion')> | undefined

export function MotionDirective(variants?: Record<string, unknown>, isPreset = false): Directive<MotionElement> {
  return {
    created(el: MotionElement, binding: DirectiveBinding, node: VNode) {
      let real: MotionInstance | undefined
      const calls: Array<['set' | 'apply', unknown]> = []
      const fields: Record<string, unknown> = {}
      // Slidev reads `el.motionInstance` right after this hook: hand it a stand-in that queues calls.
      el.motionInstance = new Proxy(fields as MotionInstance, {
        get(_, key: string) {
          if (key === 'set' || key === 'apply') {
            return (variant: unknown) => real
              ? real[key](variant)
              : calls.push([key, variant])
          }
          return real ? real[key] : fields[key]
        },
        set(_, key: string, value) {
          if (real)
            real[key] = value
          else
            fields[key] = value
          return true
        },
      })
      library ??= import('@vueuse/motion')
      library.then(({ MotionDirective: directive }) => {
        type Hook = (el: MotionElement, binding: DirectiveBinding, node: VNode) => void
        const original = directive(variants as Parameters<typeof directive>[0], isPreset) as ObjectDirective<MotionElement>
        const standIn = el.motionInstance
        ;(original.created as Hook)(el, binding, node)
        ;(original.mounted as Hook)(el, binding, node)
        real = el.motionInstance
        el.motionInstance = standIn
        if (!real)
          return
        Object.assign(real, fields)
        for (const [method, variant] of calls.splice(0))
          real[method](variant)
      })
    },
  }
}
