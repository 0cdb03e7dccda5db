import type { Component } from 'vue'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, inject } from 'vue'
import { readingViewClass, readingViewKey, renderReadingView, scrollingTables } from './render'
import { readingSlides } from './slides'

const root = '/deck'

/** The slides of a markdown deck, as the reading view gets them. */
function slidesOf(markdown: string, file = '/deck/slides.md') {
  return readingSlides(parseSync(markdown, file).slides, root)
}

/** Text with its white space folded. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

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

const component = (c: Component) => async () => ({ default: c })

/** A deck's components: one that throws, one that knows where it renders. */
const components = {
  Broken: component(defineComponent({
    name: 'Broken',
    setup: () => { throw new TypeError('no bars') },
  })),
  WhereAmI: component(defineComponent({
    name: 'WhereAmI',
    setup: () => {
      const reading = inject(readingViewKey, false)
      return () => h('p', reading ? 'on the page' : 'on a slide')
    },
  })),
}

describe('the reading view of a broken slide', () => {
  const deck = (slide2: string) => `---\ntitle: t\n---\n\n# One\n\n---\n\n## Two\n\n${slide2}\n`

  it('names the slide with a component it cannot render', async () => {
    await expect(renderReadingView({
      slides: slidesOf(deck('<DemoLnk id="local" />')),
    }))
      .rejects
      .toThrow(/^slides\.md:\d+ \(slide 2\): the reading view has no component <DemoLnk>/)
  })

  it('names the slide whose expression throws', async () => {
    await expect(renderReadingView({
      slides: slidesOf(deck('{{ $frontmatter.nope.x }}')),
    }))
      .rejects
      .toThrow(/^slides\.md:\d+ \(slide 2\): the slide throws while it renders \(TypeError: Cannot read properties of undefined \(reading 'x'\)\), so it shows blank\./)
  })

  it('names the slide Vue warns about, as a ReadingViewError', async () => {
    const rendering = renderReadingView({
      slides: slidesOf(deck('{{ nope }}')),
    })
    await expect(rendering).rejects.toThrow(/^slides\.md:\d+ \(slide 2\): the reading view could not render it: .*"nope"/)
    await expect(rendering).rejects.toMatchObject({ name: 'ReadingViewError' })
  })

  it('names the component that throws', async () => {
    await expect(renderReadingView({
      slides: slidesOf(deck('<Broken />')),
      components,
    }))
      .rejects
      .toThrow(/^slides\.md:\d+ \(slide 2\): the slide throws while it renders \(TypeError: no bars, in <Broken>\)/)
  })

  it('tells a component that it renders on the page', async () => {
    const html = await renderReadingView({
      slides: slidesOf(deck('<WhereAmI />')),
      components,
    })
    expect(sectionsOf(html).get(2)).toContain('on the page')
  })

  it('shows code as written, braces and all', async () => {
    const html = await renderReadingView({
      slides: slidesOf(deck('```sh\necho {{ b }}\n```\n\nand `{{ c }}`')),
    })
    expect(html).toContain('{{')
    expect(sectionsOf(html).get(2)).toContain('and {{ c }}')
  })
})

describe('the reading view of a small deck', async () => {
  const markdown = [
    '# Cover title',
    '',
    '---',
    '',
    '### Deep heading',
    '',
    '#### Below it',
    '',
    'A bare link: https://example.com/page',
    '',
    '- A list item with code',
    '',
    '   ```rust',
    '   fn main() {}',
    '   ```',
    '',
    '~~~ts',
    'const answer = 42',
    '~~~',
    '',
    '```',
    'no language',
    '```',
    '',
    '<!--',
    '## A heading in the notes',
    '',
    'See https://example.com/notes',
    '',
    '```sh',
    'echo {{ kept }}',
    '```',
    '-->',
    '',
    '---',
    'layout: section',
    '---',
    '',
    '# A part',
    '',
    '---',
    'layout: backup',
    'demo: local',
    '---',
    '',
    '## A backup',
    '',
    '---',
    'demo: local',
    '---',
    '',
    '## Not a backup',
  ].join('\n')
  const policy = `default-src 'self'; img-src 'self' data:`
  const favicon = `data:image/svg+xml,%3Csvg a="b" c='d'%3E&amp;`
  const html = await renderReadingView({
    slides: slidesOf(markdown),
    contentSecurityPolicy: policy,
    favicon,
  })
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const slide2 = doc.querySelector('section[id="2"]')!

  it('gives each slide\'s top heading the page\'s <h2>, whatever its level on the slide, and its notes\' headings lower ones', () => {
    expect(doc.querySelector('section[id="1"] h1')?.textContent).toBe('Cover title')
    expect([
      ...slide2.querySelectorAll('h2, h3, h4, h5, h6'),
    ].map(h => `${h.tagName} ${h.textContent}`)).toEqual([
      'H2 Deep heading',
      'H3 Below it',
      'H4 A heading in the notes',
    ])
    expect(slide2.getAttribute('aria-labelledby')).toBe('slide-2-title')
    expect(slide2.querySelector('h2')?.id).toBe('slide-2-title')
    expect(slide2.querySelector('h3')?.id).toBe('')
  })

  it('links bare URLs on the slide but not in the notes, as Slidev does', () => {
    expect([
      ...slide2.querySelectorAll('a[href^="https://example.com"]'),
    ].map(a => a.getAttribute('href'))).toEqual(['https://example.com/page'])
    expect(slide2.querySelector('aside')?.textContent).toContain('See https://example.com/notes')
  })

  it('highlights code in a list and in ~~~ fences too', () => {
    const labels = [
      ...slide2.querySelectorAll('pre.shiki'),
    ].map(pre => pre.getAttribute('aria-label'))
    expect(labels).toEqual([
      'rust code, scrolls sideways',
      'ts code, scrolls sideways',
      'Code, scrolls sideways',
      'sh code, scrolls sideways',
    ])
    for (const pre of [
      ...slide2.querySelectorAll('pre.shiki'),
    ].slice(0, 2))
      expect(pre.querySelectorAll('span[style*="--shiki-dark"]').length, pre.textContent!).toBeGreaterThan(2)
    // Notes are plain HTML, not a Vue template: nothing of Vue's is left in them.
    expect(slide2.querySelector('aside pre')?.hasAttribute('v-pre')).toBe(false)
    expect(slide2.querySelector('aside pre')?.textContent).toBe('echo {{ kept }}')
  })

  it('marks each section with what it is, and labels it with its number and whether it is a backup', () => {
    expect([
      ...doc.querySelectorAll('section[id]'),
    ].map(section => [
      section.className,
      normalize(section.querySelector('.slide__meta span')!.textContent!),
    ])).toEqual([
      ['slide slide--cover', 'Slide 1'],
      ['slide', 'Slide 2'],
      ['slide slide--part', 'Slide 3'],
      ['slide slide--backup', 'Slide 4 · Backup'],
      ['slide', 'Slide 5'],
    ])
  })

  it('leaves nothing of Vue\'s rendering in the page: no hydration comments, no scoped-style attributes', () => {
    expect(html).not.toMatch(/<!--\[?\]?-->/)
    expect(html).not.toMatch(/ data-v-/)
  })

  it('keeps the policy and the favicon exactly as given, quotes and all, and reads English by default', () => {
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(policy)
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe(favicon)
    expect(doc.documentElement.getAttribute('lang')).toBe('en')
  })
})

describe('the reading view of a deck whose components have styles', async () => {
  /** A component as plugin-vue compiles one with `<style scoped>`: its elements carry its scope. */
  const scoped = (name: string, scopeId: string) => defineComponent({
    name,
    __scopeId: `data-v-${scopeId}`,
    setup: () => () => h('p', {
      class: name.toLowerCase(),
    }, name),
  })
  const style = (name: string, scopeId: string, css: string) => ({
    id: `/deck/components/${name}.vue?vue&type=style&index=0&scoped=${scopeId}&lang.css`,
    css,
  })
  const cardCss = `.card[data-v-1a2b3c4d] { color: var(--deck-accent, var(--reading-accent)); }`
  const components = {
    // A component and one it uses, which another component uses too: each style once.
    Card: async () => ({
      default: scoped('Card', '1a2b3c4d'),
      styles: [
        style('Badge', 'b0b0b0b0', '.badge[data-v-b0b0b0b0] { font-weight: 600; }'),
        style('Card', '1a2b3c4d', cardCss),
      ],
    }),
    Label: async () => ({
      default: scoped('Label', 'c0c0c0c0'),
      styles: [
        style('Badge', 'b0b0b0b0', '.badge[data-v-b0b0b0b0] { font-weight: 600; }'),
        style('Label', 'c0c0c0c0', '.label[data-v-c0c0c0c0]::after { content: "</style>"; }'),
      ],
    }),
    Plain: component(scoped('Plain', 'dddddddd')),
    Unused: async () => ({
      default: scoped('Unused', 'eeeeeeee'),
      styles: [
        style('Unused', 'eeeeeeee', '.unused[data-v-eeeeeeee] { color: red; }'),
      ],
    }),
  }
  const html = await renderReadingView({
    slides: slidesOf('# One\n\n---\n\n## Two\n\n<Card />\n\n<Plain />\n\n---\n\n## Three\n\n<Card />\n\n<Label />\n'),
    components,
  })
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const styleText = doc.querySelector('style')!.textContent!

  it('brings the CSS of the components on the page, once each, after its own', () => {
    expect(doc.querySelectorAll('style')).toHaveLength(1)
    expect(styleText.split(cardCss)).toHaveLength(2)
    expect(styleText.match(/\.badge\[/g)).toHaveLength(1)
    expect(styleText.indexOf('.badge[')).toBeGreaterThan(styleText.indexOf('--reading-text'))
    expect(styleText.indexOf('.card[')).toBeGreaterThan(styleText.indexOf('.badge['))
    expect(styleText).not.toContain('.unused')
  })

  it('keeps the scoped-style attributes that the CSS needs, and only those', () => {
    expect([
      ...doc.querySelectorAll('.card'),
    ].map(p => p.hasAttribute('data-v-1a2b3c4d'))).toEqual([true, true])
    expect(doc.querySelector('.label')?.hasAttribute('data-v-c0c0c0c0')).toBe(true)
    expect(doc.querySelector('.plain')?.textContent).toBe('Plain')
    expect(html).not.toContain('data-v-dddddddd')
  })

  it('marks the page for CSS that is for the page only, and keeps a component\'s CSS inside its <style>', () => {
    expect(doc.documentElement.classList.contains(readingViewClass)).toBe(true)
    expect(styleText).toContain('content: "<\\/style>"')
    expect(doc.querySelectorAll('section[id]')).toHaveLength(3)
  })
})

describe('a table in the reading view', () => {
  it('scrolls in a box named after where it is, numbered when a slide has more than one', () => {
    const box = (label: string) => `<div class="table-scroll" tabindex="0" role="region" aria-label="${label}"><table>`
    expect(scrollingTables('<p>x</p><table><tr><td>a</td></tr></table>', 'on slide 3'))
      .toBe(`<p>x</p>${box('Table on slide 3, scrolls sideways')}<tr><td>a</td></tr></table></div>`)
    expect(scrollingTables('<table></table><table class="b"></table>', 'in the notes of slide 3'))
      .toBe(`${box('Table 1 in the notes of slide 3, scrolls sideways')}</table></div>${box('Table 2 in the notes of slide 3, scrolls sideways').replace('<table>', '<table class="b">')}</table></div>`)
    expect(scrollingTables('<pre><code>&lt;table&gt;</code></pre>', 'on slide 3')).toBe('<pre><code>&lt;table&gt;</code></pre>')
  })
})
