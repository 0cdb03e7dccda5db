import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DemoLink from '../../components/DemoLink.vue'
import RepoLink from '../../components/RepoLink.vue'
import ShellPrompt from '../../components/ShellPrompt.vue'
import SlideNumber from '../../components/SlideNumber.vue'
import SlidesQrCode from '../../components/SlidesQrCode.vue'

describe('demoLink', () => {
  it('shows the folder, the description and the talk\'s link text, and links to the folder', () => {
    const card = mount(DemoLink, {
      props: { id: 'musl' },
    })
    const link = card.get('a')
    expect(link.attributes('href')).toBe('https://github.com/kjuulh/building-rust-for-production/tree/main/02-ci/musl/cross-compile-musl')
    expect(link.attributes('rel')).toContain('noopener')
    expect(card.text()).toContain('02-ci/musl/cross-compile-musl/')
    expect(card.text()).toContain('kjuulh/building-rust-for-production/cross-compile-musl')
    expect(card.text()).toContain('A fully static musl build')
  })

  it('renders `code` in a description as code', () => {
    const card = mount(DemoLink, {
      props: { id: 'local' },
    })
    expect(card.findAll('.demo-link__description code').map(c => c.text())).toEqual(['cargo build --timings'])
    expect(card.text()).not.toContain('`')
  })

  it('fails loudly for a demo that does not exist', () => {
    expect(() => mount(DemoLink, {
      props: { id: 'nope' as never },
    })).toThrow(/no such demo; known ids: (?:[\w-]+, )+[\w-]+$/)
  })
})

describe('repoLink', () => {
  it('links the repository with a scheme', () => {
    const link = mount(RepoLink).get('a')
    expect(link.attributes('href')).toBe('https://github.com/kjuulh/building-rust-for-production')
    expect(link.text()).toBe('github.com/kjuulh/building-rust-for-production')
  })
})

describe('shellPrompt', () => {
  it('reads as a command typed at a prompt', () => {
    const prompt = mount(ShellPrompt, {
      slots: { default: 'man cargo' },
    })
    expect(prompt.text()).toBe('$ man cargo')
  })
})

describe('slideNumber', () => {
  it('shows and labels the slide number', () => {
    const n = mount(SlideNumber, {
      props: { no: 12 },
    })
    expect(n.text()).toBe('12')
    expect(n.attributes('aria-label')).toBe('Slide 12')
  })
})

describe('slidesQrCode', () => {
  it('embeds an SVG QR code with a label and prints the URL under it', () => {
    const qr = mount(SlidesQrCode)
    expect(qr.find('svg').exists()).toBe(true)
    const url = 'https://kjuulh.github.io/building-rust-for-production/'
    expect(qr.get('[role="img"]').attributes('aria-label')).toBe(`QR code that opens ${url}`)
    expect(qr.get('figcaption a').attributes('href')).toBe(url)
    expect(qr.get('figcaption').text()).toBe(url)
  })
})
