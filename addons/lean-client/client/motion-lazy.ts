// Stands in for `@vueuse/motion` in Slidev's `v-motion` directive in the built deck (see
// vite-plugin.ts): the animation library (about 11 KiB gzip) loads the first time an element
// with `v-motion` is created, and the element's motion instance replays what it was asked meanwhile.
//
// Slidev's directive (`modules/v-motion.ts` of @slidev/client) calls the hooks of the directive it
// gets here by hand, `created` then `mounted`, so this directive has every hook of the library's
// (`created`, `mounted`, `getSSRProps`): a missing one is a `TypeError` on each `v-motion` element,
// which nothing at build time sees. Once the library has loaded, each hook is the library's own.
import type { DirectiveBinding, ObjectDirective, VNode } from 'vue'

interface MotionInstance {
  set: (variant: unknown) => void
  apply: (variant: unknown) => unknown
  [key: string]: unknown
}
type MotionElement = HTMLElement & { motionInstance?: MotionInstance }
type Motion = typeof import('@vueuse/motion')
type Hook = (el: MotionElement, binding: DirectiveBinding, node: VNode, prevNode: VNode | null) => void
type HookArgs = Parameters<Hook>

let library: Promise<Motion> | undefined
/** The library, once it has loaded. */
let loaded: Motion | undefined

function load(): Promise<Motion> {
  library ??= import('@vueuse/motion').then(module => (loaded = module))
  return library
}

/** Elements created before the library loaded, and the `mounted` call each got meanwhile, if any. */
const waiting = new WeakMap<MotionElement, { mounted?: HookArgs }>()

export function MotionDirective(variants?: Record<string, unknown>, isPreset = false): ObjectDirective<MotionElement> {
  let original: ObjectDirective<MotionElement> | undefined
  /** The library's directive for these variants (once it has loaded). */
  const real = (motion: Motion) => original ??= motion.MotionDirective(variants as Parameters<Motion['MotionDirective']>[0], isPreset) as ObjectDirective<MotionElement>

  return {
    created(...args: HookArgs) {
      if (loaded) {
        (real(loaded).created as Hook)(...args)
        return
      }
      const [el] = args
      let instance: MotionInstance | undefined
      const calls: Array<['set' | 'apply', unknown]> = []
      const fields: Record<string, unknown> = {}
      // Slidev reads `el.motionInstance` right after `mounted`: hand it a stand-in that queues calls.
      const standIn = new Proxy(fields as MotionInstance, {
        get(_, key: string) {
          if (key === 'set' || key === 'apply') {
            return (variant: unknown) => instance
              ? instance[key](variant)
              : calls.push([key, variant])
          }
          return instance ? instance[key] : fields[key]
        },
        set(_, key: string, value) {
          if (instance)
            instance[key] = value
          else
            fields[key] = value
          return true
        },
      })
      el.motionInstance = standIn
      const state: { mounted?: HookArgs } = {}
      waiting.set(el, state)
      void load().then((motion) => {
        waiting.delete(el)
        const directive = real(motion)
        ;(directive.created as Hook)(...args)
        if (state.mounted)
          (directive.mounted as Hook)(...state.mounted)
        instance = el.motionInstance
        el.motionInstance = standIn
        if (!instance)
          return
        Object.assign(instance, fields)
        for (const [method, variant] of calls.splice(0))
          instance[method](variant)
      })
    },
    mounted(...args: HookArgs) {
      const state = waiting.get(args[0])
      if (state)
        state.mounted = args
      else if (loaded)
        (real(loaded).mounted as Hook)(...args)
    },
    // Used only when rendering on a server; before the library has loaded there is no initial style to give.
    getSSRProps(binding, node) {
      return loaded
        ? real(loaded).getSSRProps?.(binding, node)
        : undefined
    },
  }
}
