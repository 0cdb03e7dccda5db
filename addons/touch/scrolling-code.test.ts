import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import SwipeThroughCode from './components/SwipeThroughCode.vue'
import { markScrollingCode } from './scrolling-code'

/** A code block of the given widths: what it shows, and what it holds. */
function codeBlock(clientWidth: number, scrollWidth: number): HTMLPreElement {
  const pre = document.createElement('pre')
  Object.defineProperty(pre, 'clientWidth', { value: clientWidth })
  Object.defineProperty(pre, 'scrollWidth', { value: scrollWidth })
  return pre
}

describe('a swipe that starts on a code block', () => {
  it('is kept by a block wider than its box, and let through by every other', () => {
    const slide = document.createElement('div')
    const wide = codeBlock(300, 520)
    const narrow = codeBlock(300, 300)
    const rounding = codeBlock(300, 301)
    slide.append(wide, narrow, rounding)
    expect(markScrollingCode(slide)).toBe(1)
    expect(wide.hasAttribute('data-scrolls')).toBe(true)
    expect(narrow.hasAttribute('data-scrolls')).toBe(false)
    expect(rounding.hasAttribute('data-scrolls')).toBe(false)
    // Nothing changes the second time.
    expect(markScrollingCode(slide)).toBe(0)
  })

  it('is let through again once the block fits (a wider window)', () => {
    const slide = document.createElement('div')
    const pre = codeBlock(300, 300)
    pre.setAttribute('data-scrolls', '')
    slide.append(pre)
    expect(markScrollingCode(slide)).toBe(1)
    expect(pre.hasAttribute('data-scrolls')).toBe(false)
  })

  it('is marked on the slides beside the deck\'s global layer, as they render', async () => {
    const wide = codeBlock(200, 900)
    const Deck = defineComponent({
      render: () => h('div', [
        h(SwipeThroughCode),
      ]),
    })
    const deck = mount(Deck, { attachTo: document.body })
    deck.element.append(wide)
    // The layer marks on the next frame after the slides change.
    await nextTick()
    await new Promise(resolve => requestAnimationFrame(() => resolve(undefined)))
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(wide.hasAttribute('data-scrolls')).toBe(true)
    deck.unmount()
  })
})
