import type { Component } from 'vue'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, inject } from 'vue'
import { readingViewClass, readingViewKey, renderReadingView, scrollingTables } from './render'
import { readingSlides } from './slides'

const root = '/deck'

/** A deck folder with files the slides import (`<<<` snippets). */
const fixtures = join(import.meta.dirname, 'test-fixtures')

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

/** The words of section N, with block and inline elements kept apart as a reader sees them. */
function wordsOf(html: string, no: number): string {
  const section = new DOMParser().parseFromString(html, 'text/html').querySelector(`section[id="${no}"]`)
  return normalize((section?.innerHTML ?? '').replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'))
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

describe('the reading view of a slide it cannot wholly render', () => {
  const deck = (slide2: string) => `---\ntitle: t\n---\n\n# One\n\n---\n\n## Two\n\n${slide2}\n\nStill here.\n`

  /** Renders the deck, with the lines the build would be told. */
  async function render(slide2: string, options: Partial<Parameters<typeof renderReadingView>[0]> = {}) {
    const warnings: string[] = []
    const html = await renderReadingView({
      slides: slidesOf(deck(slide2)),
      warn: line => warnings.push(line),
      ...options,
    })
    return { html, warnings, slide: sectionsOf(html).get(2) ?? '' }
  }

  it('shows the rest of a slide whose component no root has, and links to the slide', async () => {
    const { slide, warnings, html } = await render('<DemoLnk id="local">its text</DemoLnk>')
    expect(slide).toContain('Still here.')
    expect(slide).toContain('its text')
    expect(slide).toContain('Part of this slide only shows on the slide itself: view slide 2')
    expect(html).toContain('href="../2?view=slides">view slide 2</a>')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^slides\.md:\d+ \(slide 2\): the reading view shows this slide without a part it could not render here \(Vue warned: no component <DemoLnk> here/)
  })

  it('shows the rest of a slide whose component does not load here (it imports Slidev\'s client), and the page is still made', async () => {
    const { slide, warnings } = await render('<DarkToggle>its text</DarkToggle>', {
      components: {
        DarkToggle: async () => {
          throw new Error('Cannot find module \'#slidev/configs\' imported from @slidev/client/env.ts\nat …')
        },
      },
    })
    expect(slide).toContain('its text')
    expect(slide).toContain('Still here.')
    expect(slide).toContain('Part of this slide only shows on the slide itself: view slide 2')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/\(slide 2\): .*<DarkToggle> does not load here \(Cannot find module '#slidev\/configs' imported from @slidev\/client\/env\.ts\)/)
  })

  it('shows the text of a slide whose own expression throws, and says so without blaming the slide', async () => {
    const { slide, warnings } = await render('Hello <b>{{ $frontmatter.nope.x }}</b> <em>world</em>')
    expect(slide).toContain('Hello')
    expect(slide).toContain('world')
    expect(slide).toContain('Still here.')
    expect(warnings[0]).toMatch(/^slides\.md:\d+ \(slide 2\): the reading view shows this slide without a part it could not render here \(it throws while it renders \(TypeError: Cannot read properties of undefined \(reading 'x'\)\)\); the deck itself is not affected\.$/)
    expect(warnings[0]).not.toContain('shows blank')
  })

  it('leaves out only the component that throws', async () => {
    const { slide, warnings } = await render('Before <Broken /> after', { components })
    expect(slide).toContain('Before')
    expect(slide).toContain('after')
    expect(warnings[0]).toContain('TypeError: no bars, in <Broken>')
  })

  it('renders a slide it can wholly render without a note or a warning', async () => {
    const { slide, warnings } = await render('Just **text**.')
    expect(slide).not.toContain('Part of this slide')
    expect(warnings).toEqual([])
  })
})

describe('the built-ins of Slidev on the page', () => {
  const deck = (...slides: string[]) => `---\ntitle: Built-ins\n---\n\n# Cover\n\n${slides.map(slide => `---\n\n${slide}\n`).join('\n')}`

  async function render(markdown: string) {
    const warnings: string[] = []
    const html = await renderReadingView({
      slides: readingSlides(parseSync(markdown, join(fixtures, 'slides.md')).slides, fixtures),
      root: fixtures,
      warn: line => warnings.push(line),
    })
    return {
      html,
      warnings,
      sections: sectionsOf(html),
      doc: new DOMParser().parseFromString(html, 'text/html'),
    }
  }

  it('shows what clicks reveal, every click made, with no trace of the directives', async () => {
    const { sections, warnings, html } = await render(deck(
      '## Clicks\n\n<v-clicks>\n\n- first\n- second\n\n</v-clicks>\n\n<div v-click>one more</div>\n\n<div v-after>and after</div>\n\n<p v-click.hide>gone later</p>\n\n<div v-motion :initial="{ x: -80 }" :enter="{ x: 0 }">moving</div>\n\n<span v-mark.red="3">marked</span>\n\n<v-click><p>wrapped</p></v-click>\n\n<v-switch>\n  <template #1>step one</template>\n  <template #2>step two</template>\n</v-switch>',
    ))
    expect(warnings).toEqual([])
    expect(wordsOf(html, 2)).toBe('Slide 2 View as slide 2 Clicks first second one more and after gone later moving marked wrapped step one step two')
    expect(sections.get(2)).toContain('step two')
    expect(html).not.toMatch(/v-click|v-motion|v-mark/)
  })

  it('keeps slots in the order written, without their markers', async () => {
    const { sections, html } = await render('---\ntitle: Slots\n---\n\n# Cover\n\n---\nlayout: two-cols\n---\n\n# Left\n\nleft text\n\n::right::\n\n# Right\n\nright text\n')
    expect(wordsOf(html, 2)).toMatch(/Left left text Right right text$/)
    expect(sections.get(2)).not.toContain('::right::')
  })

  it('gives decorations nothing, embeds a note and a link, and fitted or transformed text as text', async () => {
    const { sections, doc, warnings } = await render(deck(
      '## Elsewhere\n\n<Arrow x1="10" y1="20" x2="100" y2="200" />\n\n<Tweet id="1390115482657726468" />\n\n<Youtube id="luoMHjh-XcQ" />\n\n<Transform :scale="0.5"><p>smaller</p></Transform>\n\n<AutoFitText :max="200" :min="100" modelValue="Fitted text" />\n\n<RenderWhen context="presenter">only the speaker</RenderWhen>\n\n<RenderWhen context="main">on the slide</RenderWhen>\n\n<carbon-logo-github /> icon',
    ))
    expect(warnings).toEqual([])
    const text = sections.get(2)!
    expect(text).toContain('A post on X: x.com/i/status/1390115482657726468')
    expect(text).toContain('A video on YouTube: www.youtube.com/watch?v=luoMHjh-XcQ')
    expect(text).toContain('smaller')
    expect(text).toContain('Fitted text')
    expect(text).toContain('on the slide')
    expect(text).not.toContain('only the speaker')
    expect(doc.querySelector('section[id="2"] a[href="https://www.youtube.com/watch?v=luoMHjh-XcQ"]')).not.toBeNull()
    expect(doc.querySelector('section[id="2"] svg')).toBeNull()
  })

  it('lists the deck\'s slides for a table of contents, linked to their sections', async () => {
    const { doc } = await render(`${deck('## Contents\n\n<Toc />', '## Second part')}\n---\nhideInToc: true\n---\n\n## Hidden\n`)
    const items = [
      ...doc.querySelectorAll('section[id="2"] .slide-toc a'),
    ].map(a => [
      a.textContent,
      a.getAttribute('href'),
    ])
    // Slide 1's title is the headmatter's, as in Slidev's own table of contents.
    expect(items).toEqual([
      ['Built-ins', '#1'],
      ['Contents', '#2'],
      ['Second part', '#3'],
    ])
  })

  it('writes math as MathML, which needs no font or stylesheet', async () => {
    const { doc, html } = await render(deck('## Math\n\nInline $\\sqrt{3x-1}+(1+x)^2$ here.\n\n$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$'))
    expect(doc.querySelectorAll('section[id="2"] math')).toHaveLength(2)
    expect(doc.querySelector('section[id="2"] math[display="block"]')).not.toBeNull()
    expect(html).not.toContain('katex-html')
  })

  it('shows a diagram\'s source with a caption, Monaco\'s code as code, and a Magic Move\'s last step', async () => {
    const { sections, doc } = await render(deck(
      '## Code\n\n```mermaid\ngraph TD\nA --> B\n```\n\n```ts {monaco}\nconst monaco = 1\n```\n\n````md magic-move\n```js\nconst step = 1\n```\n```js\nconst step = 2\n```\n````',
    ))
    const text = sections.get(2)!
    expect(text).toMatch(/A diagram on the slide, written in Mermaid:\s*graph TD A --> B/)
    expect(text).toContain('const monaco = 1')
    expect(text).toMatch(/The code below changes in 2 steps on the slide; here is the last\.\s*const step = 2/)
    expect(text).not.toContain('const step = 1')
    expect(doc.querySelectorAll('section[id="2"] pre.shiki')).toHaveLength(3)
  })

  it('shows a code block\'s title above it, as Slidev does, and Slidev\'s credit as on the slide', async () => {
    const { sections } = await render(deck('## Code\n\n```ts [filename-example.ts] {all|2}\nconst a = 1\n```\n\n<PoweredBySlidev />'))
    expect(sections.get(2)).toMatch(/filename-example\.ts\s*const a = 1/)
    expect(sections.get(2)).toContain('Powered by Slidev')
  })

  it('typesets a slide as Slidev does (an apostrophe is ’, quotes stay straight, only a URL with its scheme is a link), and its notes not', async () => {
    const { doc } = await render(deck('## What\'s "new"\n\nSee example.com or https://sli.dev...\n\n<!--\nIt\'s here.\n-->'))
    const slide = doc.querySelector('section[id="2"]')!
    expect(slide.querySelector('h2')?.textContent).toBe('What’s "new"')
    expect([
      ...slide.querySelectorAll('p a'),
    ].map(a => a.textContent)).toEqual(['https://sli.dev'])
    expect(slide.textContent).toContain('https://sli.dev…')
    expect(slide.querySelector('aside')?.textContent).toContain('It\'s here.')
  })

  it('reads a snippet import from the deck, its region only', async () => {
    const { sections } = await render(deck('## Snippet\n\n<<< @/snippets/external.ts#snippet\n\n<<< ./snippets/external.ts ts'))
    const text = sections.get(2)!
    expect(text).toContain('export function inRegion()')
    expect(text.match(/export function inRegion\(\)/g)).toHaveLength(2)
    expect(text.indexOf('outside')).toBeGreaterThan(text.indexOf('inRegion'))
    expect(text.match(/outside/g)).toHaveLength(1)
  })

  it('leaves out a slide\'s <script setup> and <style>, and lets the page show the remote pictures the deck shows', async () => {
    const { sections, doc } = await render(deck('## Script\n\n<script setup>\nconst hidden = 1\n</script>\n\n<style>\nh2 { color: red }\n</style>\n\n![A cover](https://cover.example.org/pic.jpg)'))
    expect(sections.get(2)).not.toContain('hidden')
    expect(sections.get(2)).not.toContain('color: red')
    expect(doc.querySelector('section[id="2"] img')?.getAttribute('src')).toBe('https://cover.example.org/pic.jpg')
  })
})

describe('the reading view and its components', () => {
  const deck = (slide2: string) => `---\ntitle: t\n---\n\n# One\n\n---\n\n## Two\n\n${slide2}\n`

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
    // Another addon's kind of slide (extend.ts), as slidev-addon-road marks its backups.
    slideKinds: [
      ({ frontmatter }) => frontmatter.layout === 'backup'
        ? { label: 'Backup', className: 'slide--backup' }
        : undefined,
    ],
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

  it('marks each section with what it is, and labels it with its number and the kind another addon gives it', () => {
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
