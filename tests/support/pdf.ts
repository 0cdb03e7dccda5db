import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api'
import { existsSync, readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfText {
  str: string
  /** Name of the font the run is drawn in, e.g. `AAAAAA+Inter-Regular`. */
  font: string
  /** Left, bottom, width and height in PDF points. */
  box: [number, number, number, number]
}

export interface PdfPage {
  no: number
  /** All text of the page, runs joined by spaces. */
  text: string
  runs: PdfText[]
  /** Targets of the page's link annotations (`url` or internal destination). */
  links: string[]
  proxy: PDFPageProxy
}

export interface OutlineEntry {
  title: string
  /** 1-based page the entry opens. */
  page: number
  depth: number
}

export interface Pdf {
  doc: PDFDocumentProxy
  pages: PdfPage[]
  outline: OutlineEntry[]
  /** Names of every font the document embeds, without subset prefixes. */
  fonts: Set<string>
}

/** Reads a PDF with pdf.js: text with fonts, links and outline of every page. */
export async function readPdf(file: string, hint = ''): Promise<Pdf> {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing${hint
      ? `: ${hint}`
      : ''}`)
  }
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    fontExtraProperties: true,
    verbosity: 0,
  }).promise
  const pages: PdfPage[] = []
  const fonts = new Set<string>()
  for (let no = 1; no <= doc.numPages; no++) {
    const proxy = await doc.getPage(no)
    await proxy.getOperatorList()
    const content = await proxy.getTextContent()
    const runs: PdfText[] = []
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim())
        continue
      const font = fontName(proxy, item.fontName)
      runs.push({
        str: item.str,
        font,
        box: [
          item.transform[4],
          item.transform[5],
          item.width,
          item.height,
        ],
      })
      fonts.add(font.replace(/^[A-Z]{6}\+/, ''))
    }
    const links = (await proxy.getAnnotations())
      .filter(a => a.subtype === 'Link')
      .map(a => a.url ?? a.unsafeUrl ?? JSON.stringify(a.dest))
    pages.push({
      no,
      text: runs.map(r => r.str).join(' '),
      runs,
      links,
      proxy,
    })
  }
  return {
    doc,
    pages,
    outline: await readOutline(doc),
    fonts,
  }
}

function fontName(page: PDFPageProxy, id: string): string {
  try {
    return (page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? id
  }
  catch {
    return id
  }
}

async function readOutline(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = []
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>> | null, depth: number) => {
    for (const item of items ?? []) {
      const dest = typeof item.dest === 'string'
        ? await doc.getDestination(item.dest)
        : item.dest
      const ref = dest?.[0]
      const page = ref && typeof ref === 'object'
        ? await doc.getPageIndex(ref) + 1
        : Number.NaN
      entries.push({ title: item.title, page, depth })
      await walk(item.items, depth + 1)
    }
  }
  await walk(await doc.getOutline(), 0)
  return entries
}

/** Text compared as a reader would: no whitespace, typographic apostrophes as plain ones. */
export function squash(text: string): string {
  return text.replace(/[‘’ʼ]/g, '\'').replace(/[“”]/g, '"').replace(/\s+/g, '')
}

/**
 * Share of strongly coloured pixels where `run` is drawn on its page, rendered with pdf.js:
 * a colour emoji scores high, a black-and-white one zero.
 */
export async function colourfulShare(pdf: Pdf, page: PdfPage, run: PdfText): Promise<number> {
  const scale = 2
  const viewport = page.proxy.getViewport({ scale })
  const factory = pdf.doc.canvasFactory as { create: (w: number, h: number) => { canvas: any, context: any } }
  const { canvas, context } = factory.create(viewport.width, viewport.height)
  await page.proxy.render({ canvas, canvasContext: context, viewport }).promise
  const [left, bottom, width, height] = run.box
  const [x, y] = viewport.convertToViewportPoint(left, bottom)
  const image = context.getImageData(Math.floor(x), Math.floor(y - height * scale), Math.ceil(width * scale), Math.ceil(height * scale))
  const data = image.data as Uint8ClampedArray
  let colourful = 0
  for (let i = 0; i < data.length; i += 4) {
    if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 80)
      colourful++
  }
  return colourful / (data.length / 4)
}
