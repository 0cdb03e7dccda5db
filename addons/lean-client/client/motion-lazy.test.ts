import type { DirectiveBinding, ObjectDirective, VNode } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { MotionDirective } from './motion-lazy'

// @vueuse/motion as installed, with each call of its directive's hooks recorded.
const calls = vi.hoisted(() => [] as Array<[hook: string, el: Element]>)
vi.mock('@vueuse/motion', async (importOriginal) => {
  const motion = await importOriginal<typeof import('@vueuse/motion')>()
  return {
    ...motion,
    MotionDirective: (...args: Parameters<typeof motion.MotionDirective>) => {
      const directive = motion.MotionDirective(...args) as ObjectDirective
      return Object.fromEntries(Object.entries(directive).map(([hook, fn]) => [
        hook,
        (el: Element, ...rest: unknown[]) => {
          calls.push([hook, el])
          return (fn as (...a: unknown[]) => unknown)(el, ...rest)
        },
      ]))
    },
  }
})

type Hook = (el: HTMLElement, binding: DirectiveBinding, node: VNode, prevNode: VNode | null) => void

/** What Slidev's `v-motion` (modules/v-motion.ts) does on mount: the library's `created`, then `mounted`, then reads the instance. */
function mountAsSlidev(directive: ObjectDirective, props: Record<string, unknown> = {}) {
  const el = document.createElement('div')
  document.body.append(el)
  const binding = { value: undefined, modifiers: {} } as DirectiveBinding
  const node = { props } as unknown as VNode
  ;(directive.created as Hook)(el, binding, node, null)
  ;(directive.mounted as Hook)(el, binding, node, null)
  const motion = (el as unknown as { motionInstance: Record<string, unknown> }).motionInstance
  motion.clickIds = []
  ;(motion.set as (variant: object) => void)({ opacity: 0.5 })
  return { el, motion }
}

describe('v-motion\'s stand-in for @vueuse/motion', () => {
  it('takes Slidev\'s created and mounted before the library has loaded, then runs the library\'s, in that order', async () => {
    const { el, motion } = mountAsSlidev(MotionDirective(), {
      initial: { x: -80 },
      enter: { x: 0 },
    })
    expect(calls).toEqual([])
    await vi.waitFor(() => expect(calls.filter(([, on]) => on === el).map(([hook]) => hook)).toEqual(['created', 'mounted']))
    // What was asked meanwhile reached the library's instance: the variant set, Slidev's own field kept.
    await vi.waitFor(() => expect(el.style.opacity).toBe('0.5'))
    expect(motion.clickIds).toEqual([])
    expect(typeof motion.apply).toBe('function')
  })

  it('once the library has loaded, each hook is the library\'s own, at once', async () => {
    await import('@vueuse/motion')
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0))
    calls.length = 0
    const directive = MotionDirective()
    const { el } = mountAsSlidev(directive)
    expect(calls).toEqual([
      ['created', el],
      ['mounted', el],
    ])
    await vi.waitFor(() => expect(el.style.opacity).toBe('0.5'))
    expect(directive.getSSRProps?.({
      value: {
        initial: { opacity: 0 },
      },
    } as DirectiveBinding, { props: {} } as VNode)).toMatchObject({
      style: { opacity: 0 },
    })
  })
})
