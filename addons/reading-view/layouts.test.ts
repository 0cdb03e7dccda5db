import type { Component } from 'vue'
import type { ComponentLoader } from './render'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { layoutMarkup, layoutName, layoutProps } from './layouts'
import { renderReadingView } from './render'
import { readingSlides } from './slides'

const root = '/deck'

/** The slides of a markdown deck, as the reading view gets them. */
function slidesOf(markdown: string, file = '/deck/slides.md') {
  return readingSlides(parseSync(markdown, file).slides, root)
}

/** Loaders by file name (`byline`), as the Vite plugin hands them over. */
function byName(modules: Record<string, () => Promise<unknown>>): Record<string, ComponentLoader> {
  return Object.fromEntries(Object.entries(modules).map(([path, load]) => [
    path.replace(/^.*\/([\w-]+)\.vue$/, '$1'),
    load as ComponentLoader,
  ]))
}

/** Layouts of a root (test-fixtures/layouts/) and Slidev's own, the root's winning. */
const layouts = {
  ...byName(import.meta.glob('/node_modules/@slidev/client/layouts/*.vue')),
  ...byName(import.meta.glob('./test-fixtures/layouts/*.vue')),
}

/** A component of the deck that a layout uses without importing it, as Slidev lets it. */
const components: Record<string, ComponentLoader> = {
  AuthorName: async () => ({
    default: defineComponent({
      name: 'AuthorName',
      props: {
        name: { type: String, default: '' },
      },
      setup: props => () => h('span', { class: 'author-name' }, props.name),
    }),
  }),
}

/** The section of slide N: its HTML, and its text with white space folded. */
function section(html: string, no: number): { html: string, text: string } {
  const element = new DOMParser().parseFromString(html, 'text/html').querySelector(`section[id="${no}"]`)
  return {
    html: element?.innerHTML ?? '',
    text: (element?.innerHTML ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
  }
}

/** Renders a deck with the layouts above, with the lines the build would be told. */
async function render(markdown: string) {
  const warnings: string[] = []
  const html = await renderReadingView({
    slides: slidesOf(markdown),
    components,
    layouts,
    warn: line => warnings.push(line),
    contentSecurityPolicy: `default-src 'self'; img-src 'self' data:`,
  })
  return { html, warnings }
}

describe('a slide in its layout', () => {
  it('shows the text a layout writes from the frontmatter, after the slide\'s own, without its looks', async () => {
    const { html, warnings } = await render([
      '---',
      'title: Coffee',
      'layout: byline',
      'class: text-white',
      'coverAuthor: Sam Rivera',
      'coverDate: 2026-11-14',
      'coverBackgroundUrl: https://images.example.com/beans.jpg',
      '---',
      '',
      '# Better Coffee at Home',
      '',
      'Four variables, one kitchen scale',
      '',
    ].join('\n'))
    expect(warnings).toEqual([])
    const cover = section(html, 1)
    expect(cover.text).toMatch(/Better Coffee at Home Four variables, one kitchen scale Sam Rivera 2026-11-14$/)
    // The projector's looks go: classes the page has no CSS for, inline styles, the background
    // picture (which the page's policy would block), drawings, wrappers left empty.
    expect(cover.html).not.toMatch(/style=|background|images\.example\.com|slidev-layout|text-white|<svg|logo|author-name|<div><\/div>|frontmatter=/)
    expect(html).not.toContain('images.example.com')
    // A layout's CSS is not the page's.
    expect(html).not.toContain('margin: auto')
    expect(cover.html).toContain('<span>Sam Rivera</span>')
  })

  it('gives a two-cols-like layout its slots: the content before `::right::` left, after it right', async () => {
    const { html, warnings } = await render([
      '---',
      'title: Slots',
      '---',
      '',
      '# Cover',
      '',
      '---',
      'layout: columns',
      'caption: Both at once',
      '---',
      '',
      '# Brewing',
      '',
      'left text',
      '::right::',
      '```ts',
      '::left::',
      '```',
      '',
      'right text',
      '',
    ].join('\n'))
    expect(warnings).toEqual([])
    const slide = section(html, 2)
    const doc = new DOMParser().parseFromString(slide.html, 'text/html')
    const [left, right] = [
      ...doc.querySelectorAll('div > div'),
    ]
    expect(left.textContent).toContain('left text')
    expect(left.textContent).not.toContain('right text')
    // A marker inside code is code.
    expect(right.textContent).toMatch(/::left::[\s\S]*right text/)
    expect(slide.text).not.toMatch(/::right::/)
    // The layout's heading follows the slide's levels: the page's <h1> is the talk's title alone.
    expect(slide.html).toMatch(/<h2 id="slide-2-title">Brewing<\/h2>[\s\S]*<h2>\s*Both at once\s*<\/h2>/)
  })

  it('shows a slot that the layout has no place for after it, as written', async () => {
    const { html } = await render('# One\n\n---\n\n## Two\n\nleft text\n\n::right::\n\nright text\n')
    expect(section(html, 2).text).toMatch(/Two left text right text/)
  })

  it('shows the slide without its layout, and says nothing, when the layout throws', async () => {
    const { html, warnings } = await render('# One\n\n---\nlayout: broken\n---\n\n## Two\n\nStill here.\n')
    expect(warnings).toEqual([])
    const slide = section(html, 2)
    expect(slide.text).toContain('Two Still here.')
    expect(slide.text).not.toMatch(/Never shown|Part of this slide/)
  })

  it('shows the slide without its layout when the layout does not load here (Slidev\'s client)', async () => {
    const { html, warnings } = await render('# One\n\n---\nlayout: internals\n---\n\n## Two\n\nStill here.\n')
    expect(warnings).toEqual([])
    expect(section(html, 2).text).toMatch(/^Slide 2 View as slide 2 Two Still here\.$/)
  })

  it('shows the slide without its layout when the layout shows none of it', async () => {
    const { html, warnings } = await render('# One\n\n---\nlayout: blank\n---\n\n## Two\n\nStill here.\n')
    expect(warnings).toEqual([])
    const slide = section(html, 2)
    expect(slide.text).toContain('Two Still here.')
    expect(slide.text).not.toContain('Intermission')
  })

  it('keeps the note of a slide whose own content fails, without its layout', async () => {
    const { html, warnings } = await render('# One\n\n---\nlayout: byline\ncoverAuthor: Sam\n---\n\n## Two\n\n<Missing />\n\nStill here.\n')
    expect(warnings).toHaveLength(1)
    expect(section(html, 2).text).toContain('Part of this slide only shows on the slide itself')
  })

  it('renders Slidev\'s own layouts: a frame as a link to what it shows, a picture\'s layout without its background', async () => {
    const { html, warnings } = await render([
      '# One',
      '',
      '---',
      'layout: iframe-right',
      'url: https://example.com/demo',
      '---',
      '',
      '## Two',
      '',
      '---',
      'layout: image-right',
      'image: https://images.example.com/cup.jpg',
      '---',
      '',
      '## Three',
      '',
      '---',
      'layout: end',
      '---',
      '',
    ].join('\n'))
    expect(warnings).toEqual([])
    expect(section(html, 2).html).toContain('<p class="slide-embed">A web page on the slide: <a href="https://example.com/demo">example.com/demo</a></p>')
    expect(section(html, 2).html).not.toContain('<iframe')
    expect(section(html, 3).html).not.toMatch(/style=|cup\.jpg/)
    expect(section(html, 3).text).toContain('Three')
    // A slot's fallback shows where the slide gives it nothing, as on the slide.
    expect(section(html, 4).text).toContain('END')
  })
})

describe('which layout a slide has', () => {
  const known = (name: string) => [
    'cover',
    'default',
    'two-cols',
    'intro',
  ].includes(name)
  it('is the frontmatter\'s, else the headmatter\'s defaults, else cover for slide 1 and default after', () => {
    expect(layoutName({ no: 1, frontmatter: {} }, {}, known)).toBe('cover')
    expect(layoutName({ no: 2, frontmatter: {} }, {}, known)).toBe('default')
    expect(layoutName({
      no: 2,
      frontmatter: { layout: 'two-cols' },
    }, {}, known)).toBe('two-cols')
    expect(layoutName({ no: 2, frontmatter: {} }, {
      defaults: { layout: 'intro' },
    }, known)).toBe('intro')
    expect(layoutName({
      no: 2,
      frontmatter: { layout: 'nowhere' },
    }, {}, known)).toBe('default')
  })

  it('renders slide 1 in cover and the others in default', async () => {
    const seen: string[] = []
    const spy = (name: string): ComponentLoader => async () => ({
      default: defineComponent({
        name,
        setup: (_, { slots }) => () => {
          seen.push(name)
          return h('div', [
            h('p', `${name} layout`),
            slots.default?.(),
          ])
        },
      }) as Component,
    })
    const html = await renderReadingView({
      slides: slidesOf('# One\n\n---\n\n## Two\n'),
      layouts: {
        cover: spy('cover'),
        default: spy('default'),
      },
    })
    expect(seen).toEqual(['cover', 'default'])
    expect(section(html, 1).text).toContain('cover layout One')
    expect(section(html, 2).text).toContain('default layout Two')
  })

  it('gets the frontmatter as Slidev binds it: without Slidev\'s own keys, and as `frontmatter`', () => {
    const frontmatter = {
      layout: 'cover',
      title: 'T',
      theme: 'x',
      coverAuthor: 'Sam',
      class: 'dark',
    }
    expect(layoutProps({ no: 1, frontmatter })).toEqual({ coverAuthor: 'Sam', class: 'dark', frontmatter })
    expect(layoutProps({ no: 2, frontmatter })).toEqual({
      theme: 'x',
      coverAuthor: 'Sam',
      class: 'dark',
      frontmatter,
    })
  })
})

describe('a layout\'s markup on the page', () => {
  it('keeps what carries meaning and drops the looks', () => {
    const markup = layoutMarkup('<div class="slidev-layout slide-caption" style="background:url(x)" data-v-1a2b3c4d=""><reading-slot-part data-slot="default"><p class="mine" style="color:red">kept as is</p></reading-slot-part><img src="https://a.example/logo.png" class="logo"><a href="https://a.example" target="_blank" aria-label="A">A</a><span></span></div>', 2)
    expect(markup).toBe('<div class="slide-caption"><p class="mine" style="color:red">kept as is</p><img src="https://a.example/logo.png" alt=""><a href="https://a.example" aria-label="A">A</a></div>')
  })
})

describe('this deck\'s backup layout', () => {
  const slides = readingSlides(parseSync(readFileSync(join(import.meta.dirname, '../../slides.md'), 'utf8'), join(import.meta.dirname, '../../slides.md')).slides, join(import.meta.dirname, '../..'))
  const backups = slides.filter(slide => slide.frontmatter.layout === 'backup')

  it('shows each backup\'s content under the demo it stands in for', async () => {
    expect(backups.length).toBeGreaterThan(10)
    const warnings: string[] = []
    const html = await renderReadingView({
      slides,
      components: byName(import.meta.glob(['../*/components/*.vue', '../../components/*.vue'])),
      layouts: {
        ...byName(import.meta.glob('/node_modules/@slidev/client/layouts/*.vue')),
        ...byName(import.meta.glob('../../layouts/*.vue')),
      },
      warn: line => warnings.push(line),
    })
    expect(warnings).toEqual([])
    for (const slide of backups) {
      const { text } = section(html, slide.no)
      expect(text, `slide ${slide.no}`).toMatch(/Demo backup · \S+/)
      const heading = slide.content.match(/^#+ (.+)$/m)?.[1]
      if (heading)
        expect(text.indexOf(heading.replace(/`/g, '')), `slide ${slide.no}`).toBeGreaterThan(text.indexOf('Demo backup'))
    }
  }, 60_000)
})
