import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import SlideAnnouncer from './components/SlideAnnouncer.vue'

// Slidev's navigation, as the announcer reads it; a deck's browser tests use the real one.
const nav = {
  currentSlideNo: ref(3),
  currentSlideRoute: ref<{ meta?: { slide?: { title?: string } } }>({
    meta: {
      slide: { title: 'Title from the preparser' },
    },
  }),
  total: ref(20),
  isPrintMode: ref(false),
}
vi.mock('@slidev/client', () => ({
  useNav: () => nav,
}))

/** Shows slide `no` with `heading` the way Slidev renders it. */
function renderSlide(no: number, heading: string, tag = 'h2') {
  document.body.innerHTML = `<div id="slide-content"><div class="slidev-page-${no}"><${tag}>  ${heading}\n </${tag}><p>text</p></div></div>`
}

/** Lets `frames` animation frames pass, `ms` milliseconds apart. */
async function frames(count: number, ms = 16) {
  for (let i = 0; i < count; i++) {
    vi.advanceTimersByTime(ms)
    await nextTick()
  }
}

describe('the slide announcer', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'performance', 'setTimeout'],
    })
    nav.currentSlideNo.value = 3
    nav.isPrintMode.value = false
    document.body.innerHTML = ''
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('tells a screen reader the slide number, the total and the heading as rendered', async () => {
    renderSlide(3, 'Rust   stages')
    const announcer = mount(SlideAnnouncer)
    await frames(1)
    expect(announcer.text()).toBe('Slide 3 of 20: Rust stages')
    expect(announcer.attributes('aria-live')).toBe('polite')
    expect(announcer.attributes('aria-atomic')).toBe('true')
  })

  it('announces the next slide when the speaker moves on, reading any heading level', async () => {
    renderSlide(3, 'Rust stages')
    const announcer = mount(SlideAnnouncer)
    await frames(1)
    renderSlide(4, '$ man Rust', 'h1')
    nav.currentSlideNo.value = 4
    await nextTick()
    await frames(1)
    expect(announcer.text()).toBe('Slide 4 of 20: $ man Rust')
    renderSlide(5, 'Local: Current techniques', 'h3')
    nav.currentSlideNo.value = 5
    await nextTick()
    await frames(1)
    expect(announcer.text()).toBe('Slide 5 of 20: Local: Current techniques')
  })

  it('waits for a lazily rendered heading, and reads only the slide on screen', async () => {
    renderSlide(2, 'The slide before')
    const announcer = mount(SlideAnnouncer)
    await frames(10)
    expect(announcer.text()).toBe('')
    renderSlide(3, 'Rendered late')
    await frames(2)
    expect(announcer.text()).toBe('Slide 3 of 20: Rendered late')
  })

  it('falls back to the slide\'s title after two seconds without a heading', async () => {
    const announcer = mount(SlideAnnouncer)
    await frames(100, 16)
    expect(announcer.text()).toBe('')
    await frames(30, 16)
    expect(announcer.text()).toBe('Slide 3 of 20: Title from the preparser')
  })

  it('says just the number when the slide has neither heading nor title', async () => {
    nav.currentSlideRoute.value = {}
    const announcer = mount(SlideAnnouncer)
    await frames(130, 16)
    expect(announcer.text()).toBe('Slide 3 of 20')
    nav.currentSlideRoute.value = {
      meta: {
        slide: { title: 'Title from the preparser' },
      },
    }
  })

  it('announces only the latest slide when the speaker moves on quickly', async () => {
    const announcer = mount(SlideAnnouncer)
    nav.currentSlideNo.value = 4
    await nextTick()
    renderSlide(3, 'Skipped')
    await frames(2)
    expect(announcer.text()).toBe('')
    renderSlide(4, 'Landed on')
    await frames(1)
    expect(announcer.text()).toBe('Slide 4 of 20: Landed on')
  })

  it('stays out of the PDF export', () => {
    nav.isPrintMode.value = true
    expect(mount(SlideAnnouncer).find('[aria-live]').exists()).toBe(false)
  })
})
