import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { visibleText } from './slides'

/** The talk as the speaker wrote it (Obsidian Advanced Slides markdown), kept as a fixture. */
const talkFile = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/talk.md')

export interface TalkSlide {
  /** 1-based position in the talk. */
  no: number
  /** Each line of text of the slide as a reader should see it on the deck. */
  lines: string[]
  /** Speaker notes lines, as a reader should see them. */
  notes: string[]
}

/**
 * Lines of the original talk that the deck renders differently on purpose, mapped to what a reader
 * sees instead: the `<pre>` headings (one has a typo) become a prompt; links that pointed at wrong or
 * scheme-less URLs become demo cards or fixed links; the embedded `slides.png` becomes a QR code.
 */
const renderedAs: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [
    /^#+\s*<pre>\$ ([^<]+)<\/(?:pre|rust)>$/,
    m => `$ ${m[1].trim()}`,
  ],
  [
    /^\[(kjuulh\/building-rust-for-production\/[^\]]+)\]\(.*\)$/,
    m => m[1],
  ],
  [
    /^Markdown\/pdf: \[(.+?)\]\(.*\)$/,
    m => `Markdown/pdf: ${m[1]}`,
  ],
  [
    /^!\[\[.*slides\.png\]\]$/,
    () => 'The slides, online',
  ],
]

function readerLine(raw: string): string {
  const line = raw.trim().replace(/^-\s+/, '').replace(/^\d+\.\s+/, '')
  for (const [pattern, render] of renderedAs) {
    const m = line.match(pattern)
    if (m)
      return render(m)
  }
  return visibleText(line.replace(/^#+\s*/, '').replace(/^>\s*/, ''))
}

export function readTalk(file = talkFile): TalkSlide[] {
  const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
  return text.split(/^---\s*$/m).map((raw, i) => {
    const [body, notes = ''] = raw.split(/^notes:\s*$/m)
    const lines = (text: string) => text.split('\n').map(readerLine).filter(Boolean)
    return {
      no: i + 1,
      lines: lines(body),
      notes: lines(notes),
    }
  })
}

/** Compares text as a reader would: typographic quotes and spacing do not matter. */
export function normalize(text: string): string {
  return text.replace(/[‘’]/g, '\'').replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()
}
