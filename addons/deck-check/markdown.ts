/**
 * The one markdown scanner of the deck check and its slide source map: which
 * parts of a slide Slidev reads as markup, and which it shows as written (fenced code, `inline
 * code`, `<!-- comments -->`). Fences follow CommonMark: a fence opens with three or more backticks
 * or tildes (a backtick fence's info string has no backtick) and closes with a line of the same
 * character, at least as long, and nothing after it.
 */

/** A fenced code block of a slide. */
export interface Fence {
  /** Index (in the scanned lines) of the opening line. */
  start: number
  /** Index of the closing line; undefined when the block is never closed. */
  end?: number
  /** The opening marker: "```" or "~~~~". */
  marker: string
  /** What follows the marker: "rust {1-2|all}". */
  info: string
  /** The language, the info string's first word ('' for none). */
  lang: string
  /** The code lines between the fences. */
  code: string[]
}

export interface ScannedMarkdown {
  /** The lines with fenced code, inline code and HTML comments blanked out, each the same length as before. */
  masked: string[]
  /** Every fenced code block, in order. */
  fences: Fence[]
}

const fenceOpening = /^\s{0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/

/** The info string's language: "rust {1|2}" → "rust", "ts [main.ts]" → "ts", "{1|2}" → "". */
export function fenceLanguage(info: string): string {
  return info.trim().match(/^[^\s{[]+/)?.[0] ?? ''
}

/** Scans a slide's (or a file's) lines. */
export function scanMarkdown(lines: string[]): ScannedMarkdown {
  const masked: string[] = []
  const fences: Fence[] = []
  let fence: Fence | undefined
  let inComment = false
  lines.forEach((line, index) => {
    const opening = line.match(fenceOpening)
    if (fence) {
      const marker = opening?.[1]
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && !opening![2].trim())
        fence.end = index
      else
        fence.code.push(line)
      if (fence.end !== undefined)
        fence = undefined
      masked.push(' '.repeat(line.length))
      return
    }
    if (!inComment && opening && !(opening[1][0] === '`' && opening[2].includes('`'))) {
      fence = {
        start: index,
        marker: opening[1],
        info: opening[2].trim(),
        lang: fenceLanguage(opening[2]),
        code: [],
      }
      fences.push(fence)
      masked.push(' '.repeat(line.length))
      return
    }
    let out = ''
    let rest = line
    while (rest) {
      if (inComment) {
        const end = rest.indexOf('-->')
        if (end < 0) {
          out += ' '.repeat(rest.length)
          rest = ''
        }
        else {
          out += ' '.repeat(end + 3)
          rest = rest.slice(end + 3)
          inComment = false
        }
        continue
      }
      const start = rest.indexOf('<!--')
      const chunk = start < 0
        ? rest
        : rest.slice(0, start)
      out += maskInlineCode(chunk)
      if (start < 0)
        break
      out += '    '
      rest = rest.slice(start + 4)
      inComment = true
    }
    masked.push(out)
  })
  return { masked, fences }
}

/** Blanks out code spans: a run of backticks up to the next run of the same length (CommonMark). */
function maskInlineCode(text: string): string {
  let out = ''
  let index = 0
  while (index < text.length) {
    const open = text.slice(index).match(/`+/)
    if (!open || open.index === undefined) {
      out += text.slice(index)
      break
    }
    const from = index + open.index
    out += text.slice(index, from)
    const closing = new RegExp(`(?<!\`)${open[0]}(?!\`)`, 'g')
    closing.lastIndex = from + open[0].length
    const close = closing.exec(text)
    if (!close) {
      // No closing run: the backticks are text.
      out += open[0]
      index = from + open[0].length
      continue
    }
    const end = close.index + open[0].length
    out += ' '.repeat(end - from)
    index = end
  }
  return out
}
