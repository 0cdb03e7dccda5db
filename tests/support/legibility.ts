/**
 * What "legible from the back row" means for the deck, as numbers: the size text reaches on a
 * 1080p screen and its contrast against what is behind it (WCAG 2 formulas). Pure functions: the
 * browser only collects each text's computed style (tests/e2e/legibility.spec.ts).
 */

/** A colour with channels 0-255 and alpha 0-1. */
export interface Rgba { r: number, g: number, b: number, a: number }

/** What every slide must reach on a 1920×1080 screen, in that screen's pixels, and contrast (WCAG AAA). */
export const targets = {
  codePx: 28,
  bodyPx: 34,
  contrast: 7,
} as const

/**
 * A computed CSS colour as browsers serialise it: `rgb(…)`, `rgba(…)`, also `#rgb`, `#rrggbb`,
 * `#rrggbbaa` and `color(srgb r g b / a)`. Throws on anything else, so that an unknown form
 * cannot pass as black.
 */
export function parseColor(css: string): Rgba {
  const text = css.trim().toLowerCase()
  if (text === 'transparent')
    return { r: 0, g: 0, b: 0, a: 0 }
  const hex = text.match(/^#([\da-f]{3,8})$/)
  if (hex && [3, 4, 6, 8].includes(hex[1].length)) {
    const digits = hex[1].length <= 4
      ? [...hex[1]].map(d => d + d)
      : hex[1].match(/../g)!
    const [r, g, b, a = 'ff'] = digits
    return {
      r: Number.parseInt(r, 16),
      g: Number.parseInt(g, 16),
      b: Number.parseInt(b, 16),
      a: Number.parseInt(a, 16) / 255,
    }
  }
  const fn = text.match(/^(rgba?|color)\((.*)\)$/)
  if (fn) {
    const srgb = fn[1] === 'color'
    const body = srgb
      ? fn[2].replace(/^srgb\s+/, '')
      : fn[2]
    if (srgb && body === fn[2])
      throw new Error(`not an sRGB colour: ${css}`)
    const parts = body.split(/[\s,/]+/).filter(Boolean)
    if (parts.length < 3 || parts.length > 4)
      throw new Error(`not a colour: ${css}`)
    const channel = (p: string) => p.endsWith('%')
      ? Number.parseFloat(p) * 2.55
      : Number.parseFloat(p) * (srgb
        ? 255
        : 1)
    const alpha = (p: string | undefined) => p === undefined
      ? 1
      : p.endsWith('%')
        ? Number.parseFloat(p) / 100
        : Number.parseFloat(p)
    const colour = {
      r: channel(parts[0]),
      g: channel(parts[1]),
      b: channel(parts[2]),
      a: alpha(parts[3]),
    }
    if (Object.values(colour).some(Number.isNaN))
      throw new Error(`not a colour: ${css}`)
    return colour
  }
  throw new Error(`not a colour this test reads: ${css}`)
}

/** `top` painted over `bottom` (source-over), with `top`'s alpha times `opacity`. */
export function composite(top: Rgba, bottom: Rgba, opacity = 1): Rgba {
  const a = top.a * opacity
  const out = a + bottom.a * (1 - a)
  if (out === 0)
    return { r: 0, g: 0, b: 0, a: 0 }
  const mix = (t: number, b: number) => (t * a + b * bottom.a * (1 - a)) / out
  return {
    r: mix(top.r, bottom.r),
    g: mix(top.g, bottom.g),
    b: mix(top.b, bottom.b),
    a: out,
  }
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255
    return s <= 0.04045
      ? s / 12.92
      : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** WCAG 2 contrast ratio of text `fg` (possibly translucent) on an opaque `bg`: 1 to 21. */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const text = composite(fg, { ...bg, a: 1 })
  const [lighter, darker] = [
    relativeLuminance(text),
    relativeLuminance(bg),
  ].sort((x, y) => y - x)
  return (lighter + 0.05) / (darker + 0.05)
}

/** One run of text on a slide, as the browser measured it. */
export interface TextSample {
  /** The text, shortened. */
  text: string
  /** `code` inside a code block or code span (also a code block's token), `heading`, or `body` for everything else. */
  kind: 'code' | 'heading' | 'body'
  /** Font size on the screen: computed font size times every scale above it (Slidev's, an SVG's viewBox). */
  px: number
  /** Its colour, computed. */
  color: string
  /** Opacity of the text relative to its background (ancestors' `opacity` between them). */
  opacity: number
  /** The opaque colour behind it, computed (a code token: its code block's background). */
  background: string
}

/** What the back row needs on one slide that a text on it falls short of. */
export interface SlideLegibility {
  no: number
  /** Smallest code on the slide in screen px, or undefined when it shows no code. */
  minCodePx?: number
  /** Smallest body text (headings included) in screen px. */
  minBodyPx?: number
  minContrast?: number
  /** Each text under a target, one line each. */
  shortfalls: string[]
}

const round = (n: number) => Math.round(n * 10) / 10

/** Judges the texts of slide `no` against `targets`: one line per shortfall, naming up to four of the texts that have it. */
export function judgeSlide(no: number, samples: TextSample[]): SlideLegibility {
  const shortfalls = new Map<string, Set<string>>()
  const note = (reason: string, text: string) => shortfalls.set(reason, (shortfalls.get(reason) ?? new Set()).add(`"${text}"`))
  let minCodePx: number | undefined
  let minBodyPx: number | undefined
  let minContrast: number | undefined
  for (const sample of samples) {
    const ratio = contrastRatio(composite(parseColor(sample.color), { r: 0, g: 0, b: 0, a: 0 }, sample.opacity), parseColor(sample.background))
    const floor = sample.kind === 'code'
      ? targets.codePx
      : targets.bodyPx
    if (sample.kind === 'code')
      minCodePx = Math.min(minCodePx ?? Infinity, sample.px)
    else
      minBodyPx = Math.min(minBodyPx ?? Infinity, sample.px)
    minContrast = Math.min(minContrast ?? Infinity, ratio)
    // Half a tenth of a pixel of rounding is not a shortfall.
    if (sample.px < floor - 0.05)
      note(`${sample.kind} ${round(sample.px)} px < ${floor} px`, sample.text)
    if (ratio < targets.contrast - 0.005) {
      note(`contrast ${ratio.toFixed(2)}:1 < ${targets.contrast}:1 (${sample.color}${sample.opacity < 1
        ? ` at opacity ${sample.opacity}`
        : ''} on ${sample.background})`, sample.text)
    }
  }
  return {
    no,
    minCodePx: minCodePx === undefined
      ? undefined
      : round(minCodePx),
    minBodyPx: minBodyPx === undefined
      ? undefined
      : round(minBodyPx),
    minContrast: minContrast === undefined
      ? undefined
      : Math.floor(minContrast * 100) / 100,
    shortfalls: [...shortfalls].map(([reason, texts]) => `${reason}: ${[...texts].slice(0, 4).join(', ')}${texts.size > 4
      ? ` and ${texts.size - 4} more`
      : ''}`),
  }
}

/** The per-slide table as Markdown: smallest code, smallest body text, lowest contrast, and how far down the slide's content reaches. */
export function legibilityTable(slides: Array<SlideLegibility & { heading: string, bottom?: number }>): string {
  const cell = (n: number | undefined, suffix = '') => n === undefined
    ? '–'
    : `${n}${suffix}`
  return [
    `| slide | heading | min code px (≥ ${targets.codePx}) | min body px (≥ ${targets.bodyPx}) | min contrast (≥ ${targets.contrast}:1) | content ends at | under target |`,
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...slides.map(s => `| ${s.no} | ${s.heading.replace(/\|/g, '\\|')} | ${cell(s.minCodePx)} | ${cell(s.minBodyPx)} | ${cell(s.minContrast, ':1')} | ${s.bottom === undefined
      ? '–'
      : `${Math.round(s.bottom * 100)} %`} | ${s.shortfalls.length} |`),
  ].join('\n')
}

/**
 * The opaque colour behind a text, from the computed background colours of its element and its
 * ancestors, innermost first, up to the first opaque one; a page that shows through is white (the
 * deck's slides and the area around them).
 */
export function backgroundBehind(layers: string[]): string {
  let colour: Rgba = { r: 255, g: 255, b: 255, a: 1 }
  for (const layer of [...layers].reverse())
    colour = composite(parseColor(layer), colour)
  const channel = (n: number) => Math.round(n)
  return `rgb(${channel(colour.r)}, ${channel(colour.g)}, ${channel(colour.b)})`
}
