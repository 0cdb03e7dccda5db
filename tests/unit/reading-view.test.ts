import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it, vi } from 'vitest'
import { renderReadingView, scrollingTables } from '../../read/render'
import { readingSlides } from '../../read/slides'
import { readingViewFor, viewChoiceKey, viewSwitchScript } from '../../read/view-switch'
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

describe('the reading view of slides.md', async () => {
  const slides = slidesOf(readFileSync(join(root, 'slides.md'), 'utf8'))
  const html = await renderReadingView({ slides })
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

  it('marks the demo backups as what they are, with the demo\'s folder', () => {
    const backups = slides.filter(s => s.frontmatter.layout === 'backup')
    expect(backups.length).toBeGreaterThan(10)
    for (const slide of slides)
      expect(sections.get(slide.no)!.includes('Demo backup'), `slide ${slide.no}`).toBe(backups.includes(slide))
    expect(sections.get(backups[0].no)).toContain(`Slide ${backups[0].no} · Demo backup · 01-local`)
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
      slides: slidesOf(deck('<BarChart title="Binary size" unit="MB" />')),
    }))
      .rejects
      .toThrow(/^slides\.md:\d+ \(slide 2\): the slide throws while it renders \(.+, in <BarChart>\)/)
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

  it('marks each section with what it is, and labels it with its number and, for a backup, its demo', () => {
    expect([
      ...doc.querySelectorAll('section[id]'),
    ].map(section => [
      section.className,
      normalize(section.querySelector('.slide__meta span')!.textContent!),
    ])).toEqual([
      ['slide slide--cover', 'Slide 1'],
      ['slide', 'Slide 2'],
      ['slide slide--part', 'Slide 3'],
      ['slide slide--backup', 'Slide 4 · Demo backup · 01-local'],
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

describe('which view a visitor gets', () => {
  const storage = (chosen?: string) => {
    const items = new Map(chosen
      ? [
          [
            viewChoiceKey('/'),
            chosen,
          ],
        ]
      : [])
    return {
      getItem: vi.fn((key: string) => items.get(key) ?? null),
      setItem: vi.fn((key: string, value: string) => void items.set(key, value)),
    }
  }
  const visit = (pathname: string, more: Partial<Parameters<typeof readingViewFor>[0]> = {}) =>
    readingViewFor({
      base: '/',
      pathname,
      search: '',
      portraitPhone: true,
      storage: storage(),
      key: viewChoiceKey('/'),
      ...more,
    })

  it('sends a phone held upright from the deck to the reading view, at the same slide', () => {
    expect(visit('/')).toBe('/read/')
    expect(visit('/16')).toBe('/read/#16')
    expect(visit('/7/')).toBe('/read/#7')
    const base = '/building-rust-for-production/'
    expect(visit(`${base}16`, {
      base,
      key: viewChoiceKey(base),
    })).toBe(`${base}read/#16`)
    expect(visit(base, {
      base,
      key: viewChoiceKey(base),
    })).toBe(`${base}read/`)
  })

  it('leaves every other screen, route and site alone', () => {
    expect(visit('/16', { portraitPhone: false })).toBeUndefined()
    for (const route of [
      '/presenter/16',
      '/overview',
      '/print',
      '/export',
      '/handout',
      '/notes/3',
      '/16/extra',
      '/read/',
    ])
      expect(visit(route), route).toBeUndefined()
    expect(visit('/other/16', { base: '/b/' })).toBeUndefined()
  })

  it('remembers "View as slides" on the device, one choice per site', () => {
    const remembered = storage()
    expect(visit('/12', { search: '?view=slides', storage: remembered })).toBeUndefined()
    expect(remembered.setItem).toHaveBeenCalledWith('deck-view:/', 'slides')
    expect(visit('/12', { storage: remembered })).toBeUndefined()
    expect(visit('/12', {
      search: '?clicks=2&view=slides',
      storage: storage(),
    })).toBeUndefined()
    expect(visit('/12', {
      search: '?view=slidesx',
      storage: storage(),
    })).toBe('/read/#12')
    expect(viewChoiceKey('/a/')).not.toBe(viewChoiceKey('/b/'))
  })

  it('still reads when the browser refuses storage', () => {
    const refusing = {
      getItem: () => { throw new Error('denied') },
      setItem: () => { throw new Error('denied') },
    }
    expect(visit('/3', { storage: refusing })).toBe('/read/#3')
    expect(visit('/3', { storage: refusing, search: '?view=slides' })).toBeUndefined()
    expect(visit('/3', { storage: undefined })).toBe('/read/#3')
  })

  // Under mutation testing the function's source carries StrykerJS's counters, which exist only in
  // its module: the script cannot run on its own there (the tests above cover its decisions).
  it.skipIf('__stryker__' in globalThis)('runs as the script the deck\'s pages load first', () => {
    const run = (pathname: string, portrait: boolean) => {
      const replace = vi.fn()
      const window = {
        localStorage: storage(),
        matchMedia: vi.fn(() => ({ matches: portrait })),
      }
      // eslint-disable-next-line no-new-func -- the script as the browser runs it
      new Function('window', 'location', viewSwitchScript('/b/'))(window, { pathname, search: '', replace })
      return { replace, query: window.matchMedia.mock.calls[0] }
    }
    expect(run('/b/16', true).replace).toHaveBeenCalledWith('/b/read/#16')
    expect(run('/b/16', false).replace).not.toHaveBeenCalled()
    expect(run('/b/16', true).query).toEqual(['(max-width: 599.98px) and (orientation: portrait)'])
  })
})
