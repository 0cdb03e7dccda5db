import type { Pdf, PdfPage } from '../support/pdf'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { parseSync } from '@slidev/parser'
import { exportSlidesPdf } from '../../tools/export.ts'
import { exportFilename } from '../../tools/slidev.ts'
import { demoFolderUrl, demoRepository, publicUrl } from '../fixtures/demo-repo'
import { colourfulShare, readPdf, squash } from '../support/pdf'
import { builtSite } from '../support/servers'
import { readSlides, slideNumber } from '../support/slides'

// The PDFs the build made into the site (the slides, exported by Slidev, and the handout, printed
// from the site): the files the hosted deck offers, and the ones `npm run export -- --site` and
// `npm run export:handout` write.
const name = exportFilename()
const files = {
  slides: resolve(builtSite.dist, `${name}.pdf`),
  handout: resolve(builtSite.dist, `${name}-handout.pdf`),
}

const slides = readSlides()
/** Each slide's markdown, as Slidev's parser splits slides.md. */
const sources = parseSync(readFileSync('slides.md', 'utf8'), 'slides.md').slides.map(s => s.content)

const cache = new Map<string, Promise<Pdf>>()
function pdf(kind: keyof typeof files): Promise<Pdf> {
  const hint = 'run npm run build'
  if (!cache.has(kind))
    cache.set(kind, readPdf(files[kind], hint))
  return cache.get(kind)!
}

/** Demo cards on slide `no`: the URLs their links must open. */
function demoUrls(no: number): string[] {
  return [
    ...sources[no - 1].matchAll(/<DemoLink\s+id="(\w+)"/g),
  ]
    .map(([, id]) => demoFolderUrl(id))
}

/**
 * Text drawn in a font that is not one of the deck's own: any character but emoji (which come from the
 * colour emoji font) and white space. A glyph the deck's fonts lack shows up here.
 */
function fallbackText(pages: PdfPage[]): string[] {
  return pages.flatMap(page => page.runs
    .filter(run => /[^\s\p{Extended_Pictographic}\uFE0F\u200D]/u.test(run.str) && !/Inter|JetBrainsMono/.test(run.font))
    .map(run => `page ${page.no}: "${run.str}" in ${run.font}`))
}

/** Every role in a page's structure tree (pdf.js), depth first: "Document", "H1", "P", … */
function structureRoles(node: unknown): string[] {
  const { role, children = [] } = (node ?? {}) as { role?: string, children?: unknown[] }
  return [
    ...(role
      ? [role]
      : []),
    ...children.flatMap(structureRoles),
  ]
}

/** The letters of a text, in order: how notes compare once rendered (list markers, markup gone). */
function letters(text: string): string {
  return text
    .replace(/\[click(?::\d+)?\]/gi, '')
    .replace(/<!--[\s\S]*?-->|<[^>]+>/g, '')
    .replace(/(!?\[[^\]]*\])\([^)]*\)/g, '$1')
    .replace(/\P{L}/gu, '')
}

test.describe('the slides PDF (npm run export)', () => {
  test('has one page per slide, in the order of slides.md, none of them blank', async () => {
    const { pages } = await pdf('slides')
    expect(pages).toHaveLength(slides.length)
    for (const slide of slides) {
      const text = squash(pages[slide.no - 1].text)
      expect(text, `page ${slide.no}`).toContain(squash(slide.heading))
    }
  })

  test('has an outline with one entry per slide title, each opening its slide', async () => {
    const { outline } = await pdf('slides')
    expect(outline.map(e => e.title)).toEqual(slides.map(s => s.heading))
    expect(outline.map(e => e.page)).toEqual(slides.map(s => s.no))
    expect(outline.every(e => e.depth === 0)).toBe(true)
  })

  test('keeps every link clickable: demo cards, the repository, the mailto and the public URL', async () => {
    const { pages } = await pdf('slides')
    const cards = slides.filter(s => demoUrls(s.no).length)
    expect(cards.length).toBeGreaterThanOrEqual(4)
    for (const slide of cards)
      expect(pages[slide.no - 1].links, `slide ${slide.no}`).toEqual(expect.arrayContaining(demoUrls(slide.no)))
    const questions = pages[slideNumber(slides, 'Questions?') - 1]
    expect(questions.links).toEqual(expect.arrayContaining(['mailto:contact@kasperhermansen.com', demoRepository]))
    expect(pages.at(-1)!.links).toContain(publicUrl)
  })

  test('embeds the deck\'s own fonts and draws all text in them', async () => {
    const { fonts, pages } = await pdf('slides')
    expect([...fonts]).toEqual(expect.arrayContaining(['Inter-Regular', 'Inter-SemiBold', 'JetBrainsMono-Regular']))
    expect(fallbackText(pages)).toEqual([])
  })

  test('shows emoji in colour, as text a reader can select', async () => {
    const document = await pdf('slides')
    const page = document.pages[slideNumber(slides, 'Rust in CI') - 1]
    const fire = page.runs.find(run => run.str === '🔥')
    expect(fire, 'the 🔥 of "Rust in CI" as text').toBeDefined()
    expect(await colourfulShare(document, page, fire!)).toBeGreaterThan(0.2)
  })

  test('reads aloud in order: it is tagged, and each slide\'s page has a heading in its structure tree', async () => {
    const { doc } = await pdf('slides')
    // pdf.js gives the catalog's MarkInfo as a Map.
    const markInfo = await doc.getMarkInfo() as unknown as Map<string, boolean> | null
    expect(markInfo?.get('Marked'), 'a tagged PDF (pdfinfo: "Tagged: yes")').toBe(true)
    for (const slide of slides) {
      const tree = await (await doc.getPage(slide.no)).getStructTree()
      expect.soft(structureRoles(tree).filter(role => /^H\d?$/.test(role)), `the headings in page ${slide.no}'s structure tree`).not.toEqual([])
    }
  })

  test('carries the talk\'s title and author', async () => {
    const { info } = await (await pdf('slides')).doc.getMetadata() as { info: Record<string, string> }
    expect(info.Title).toBe('Building Rust for Production')
    expect(info.Author).toBe('Kasper Juul Hermansen')
  })

  test('is what npm run export -- --site writes: the PDF the built site offers, not another export', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'deck-export-')), 'slides.pdf')
    try {
      await exportSlidesPdf({ site: builtSite.dist, output })
      expect(readFileSync(output).equals(readFileSync(files.slides))).toBe(true)
    }
    finally {
      rmSync(dirname(output), { recursive: true, force: true })
    }
  })
})

test.describe('the handout', () => {
  test('shows the title, the public URL as a link and "Page n of N" on every page', async () => {
    const { pages } = await pdf('handout')
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(slides.length / 3))
    for (const page of pages) {
      expect(page.text, `page ${page.no}`).toContain('Building Rust for Production')
      expect(squash(page.text), `page ${page.no}`).toContain(squash(publicUrl))
      expect(page.links, `page ${page.no}`).toContain(publicUrl)
      expect(page.text, `page ${page.no}`).toContain(`Page ${page.no} of ${pages.length}`)
    }
  })

  test('has every slide once, in order, under its number and title', async () => {
    const { pages } = await pdf('handout')
    let last = 0
    for (const slide of slides) {
      const label = squash(`${slide.no} ${slide.heading}`)
      const found = pages.filter(p => squash(p.text).includes(label)).map(p => p.no)
      expect(found.length, `slide ${slide.no} "${slide.heading}"`).toBeGreaterThan(0)
      expect(found[0], `slide ${slide.no} comes after slide ${slide.no - 1}`).toBeGreaterThanOrEqual(last)
      last = found[0]
    }
  })

  test('puts the notes of "Cargo is your friend" on its page', async () => {
    const no = slideNumber(slides, 'Cargo is your friend')
    const { pages } = await pdf('handout')
    const page = pages.find(p => squash(p.text).includes(squash(`${no} Cargo is your friend`)))!
    expect(page.text).toContain('Show sample app')
    expect(page.text).toContain('Show timings')
  })

  test('puts every slide\'s notes on the page of that slide', async () => {
    const { pages } = await pdf('handout')
    for (const slide of slides.filter(s => s.note.trim())) {
      const page = pages.find(p => squash(p.text).includes(squash(`${slide.no} ${slide.heading}`)))!
      expect(letters(page.text), `notes of slide ${slide.no}`).toContain(letters(slide.note))
    }
  })

  test('keeps the slides\' links clickable', async () => {
    const { pages } = await pdf('handout')
    const links = pages.flatMap(p => p.links)
    const expected = slides.flatMap(s => demoUrls(s.no))
    expect(links).toEqual(expect.arrayContaining([...expected, 'mailto:contact@kasperhermansen.com', demoRepository]))
  })

  test('draws its text in the deck\'s own fonts', async () => {
    const { fonts, pages } = await pdf('handout')
    expect([...fonts]).toEqual(expect.arrayContaining(['Inter-Regular', 'Inter-SemiBold']))
    expect(fallbackText(pages)).toEqual([])
  })
})
