import type { Component } from 'vue'
import type { ReadingViewContribution } from '../../addons/reading-view/extend'
import type { ComponentLoader } from '../../addons/reading-view/render'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { renderReadingView } from '../../addons/reading-view/render'
import { readingSlides } from '../../addons/reading-view/slides'
import { deckRoad } from '../../addons/road/vite-plugin'
import shikiSetup from '../../setup/shiki'
import viteConfig from '../../vite.config'
import { normalize, readTalk } from '../support/talk'

const root = join(__dirname, '../..')

/** The slides of a markdown deck, as the reading view gets them. */
function slidesOf(markdown: string, file = join(root, 'slides.md')) {
  return readingSlides(parseSync(markdown, file).slides, root)
}

/** The text of each `<section id="N">` of a rendered page, by slide number. */
function sectionsOf(html: string): Map<number, string> {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return new Map([
    ...doc.querySelectorAll('section[id]'),
  ].map(s => [
    Number(s.id),
    normalize(s.textContent ?? ''),
  ]))
}

/** The components of the addons and the talk by name, as the reading view's Vite plugin hands them over (the talk's win). */
const components: Record<string, ComponentLoader> = Object.fromEntries(Object.entries({
  ...import.meta.glob<{ default: Component }>('../../addons/*/components/*.vue'),
  ...import.meta.glob<{ default: Component }>('../../components/*.vue'),
}).map(([path, load]) => [
  path.replace(/^.*\/(\w+)\.vue$/, '$1'),
  load,
]))

/** What the build gives the reading view of this deck: its themes, its markdown setup, its headmatter. */
const deckOptions = {
  components,
  // What slidev-addon-road adds to the page through the reading view's contract: its backup slides.
  slideKinds: [(deckRoad().api as { readingView: ReadingViewContribution }).readingView.slideKind!],
  themes: (shikiSetup as unknown as () => { themes: Record<string, string> })().themes,
  markdownSetup: viteConfig.slidev?.markdown?.markdownSetup as Parameters<typeof renderReadingView>[0]['markdownSetup'],
  title: 'Building Rust for Production',
  author: 'Kasper Juul Hermansen',
  url: 'https://kjuulh.github.io/building-rust-for-production/',
}

describe('the reading view of slides.md', async () => {
  const slides = slidesOf(readFileSync(join(root, 'slides.md'), 'utf8'))
  const html = await renderReadingView({ slides, ...deckOptions })
  const sections = sectionsOf(html)

  it('has a section for every slide, numbered as in the deck', () => {
    expect([
      ...sections.keys(),
    ]).toEqual(slides.map((_, i) => i + 1))
    expect(slides.length).toBeGreaterThan(30)
  })

  it('has every line of the talk and of its speaker\'s notes, in order', () => {
    const text = normalize([
      ...sections.values(),
    ].join(' '))
    let from = 0
    for (const original of readTalk()) {
      for (const line of [
        ...original.lines,
        ...original.notes,
      ]) {
        const at = text.indexOf(normalize(line), from)
        expect(at, `slide ${original.no} of the talk: "${line}"`).toBeGreaterThanOrEqual(0)
        from = at
      }
    }
  })

  it('shows each slide\'s notes under it, as the speaker\'s', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const withNotes = slides.filter(s => s.note.trim())
    expect(withNotes.length).toBeGreaterThan(10)
    for (const slide of slides) {
      const aside = doc.querySelector(`section[id="${slide.no}"] aside.notes`)
      expect(!!aside, `slide ${slide.no}`).toBe(!!slide.note.trim())
      if (aside) {
        expect(aside.getAttribute('aria-label')).toBe(`Speaker's notes, slide ${slide.no}`)
        expect(normalize(aside.textContent ?? '')).toContain(normalize(slide.note.split('\n')[0].replace(/^\d+\.\s+|`/g, '')))
      }
    }
  })

  it('marks the demo backups as what they are', () => {
    const backups = slides.filter(s => s.frontmatter.layout === 'backup')
    expect(backups.length).toBeGreaterThan(10)
    for (const slide of slides)
      expect(sections.get(slide.no)!.includes(`Slide ${slide.no} · Backup`), `slide ${slide.no}`).toBe(backups.includes(slide))
  })

  it('links every slide to itself in the deck, and to the deck as a whole', () => {
    for (const slide of slides)
      expect(html).toContain(`href="../${slide.no}?view=slides"`)
    expect(html).toContain('href="../?view=slides"')
  })

  it('is a page of text: no script, the talk\'s title its only <h1>, one <h2> per slide', () => {
    expect(html).not.toMatch(/<script/i)
    const doc = new DOMParser().parseFromString(html, 'text/html')
    expect([
      ...doc.querySelectorAll('h1'),
    ].map(h => h.textContent)).toEqual(['Building Rust for Production'])
    for (const slide of slides.slice(1))
      expect(doc.querySelectorAll(`section[id="${slide.no}"] h2`), `slide ${slide.no}`).toHaveLength(1)
    expect(doc.documentElement.getAttribute('lang')).toBe('en')
  })

  it('highlights code with the deck\'s light theme and a dark one, scrolling inside its block', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const blocks = [
      ...doc.querySelectorAll('pre.shiki'),
    ]
    expect(blocks.length).toBe((readFileSync(join(root, 'slides.md'), 'utf8').match(/^```\w/gm) ?? []).length)
    expect(blocks[0].className).toContain('github-light')
    expect(blocks[0].innerHTML).toContain('--shiki-dark')
    expect(blocks[0].getAttribute('tabindex')).toBe('0')
  })

  it('puts every table, a component\'s too, in a box that scrolls sideways, never the page', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const tables = [
      ...doc.querySelectorAll('table'),
    ]
    expect(tables.map(table => table.className)).toContain('cache-layers')
    for (const table of tables) {
      const box = table.parentElement!
      expect(box.className).toBe('table-scroll')
      expect(box.getAttribute('tabindex')).toBe('0')
      expect(box.getAttribute('role')).toBe('region')
    }
    // Regions of a page need names of their own.
    const names = tables.map(table => table.parentElement!.getAttribute('aria-label'))
    expect(names).toContain(`Table on slide ${slides.find(s => s.content.includes('<CacheLayers'))!.no}, scrolls sideways`)
    expect(new Set(names).size).toBe(names.length)
  })

  it('shows the QR slide as the link itself', () => {
    const last = new DOMParser().parseFromString(html, 'text/html').querySelector(`section[id="${slides.length}"]`)!
    expect(last.querySelector('svg')).toBeNull()
    expect([
      ...last.querySelectorAll('a'),
    ].map(a => a.getAttribute('href'))).toContain('https://kjuulh.github.io/building-rust-for-production/')
  })
})
