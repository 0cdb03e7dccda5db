import { describe, expect, it } from 'vitest'
import { backgroundBehind, composite, contrastRatio, judgeSlide, legibilityTable, parseColor, relativeLuminance } from '../support/legibility'

const white = parseColor('#fff')
const sample = {
  text: 'cargo build',
  kind: 'body' as const,
  px: 40,
  color: 'rgb(0, 0, 0)',
  opacity: 1,
  background: 'rgb(255, 255, 255)',
}

describe('colours as the browser computes them', () => {
  it('reads rgb(), rgba(), hex and color(srgb)', () => {
    expect(parseColor('rgb(28, 25, 23)')).toEqual({ r: 28, g: 25, b: 23, a: 1 })
    expect(parseColor('rgba(255, 255, 255, 0.5)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 })
    expect(parseColor('rgb(255 0 0 / 25%)')).toEqual({ r: 255, g: 0, b: 0, a: 0.25 })
    expect(parseColor('#b7410e')).toEqual({ r: 183, g: 65, b: 14, a: 1 })
    expect(parseColor('#0f08')).toEqual({ r: 0, g: 255, b: 0, a: 0x88 / 255 })
    expect(parseColor('color(srgb 1 0.5 0 / 0.5)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.5 })
    expect(parseColor('transparent').a).toBe(0)
  })

  it('refuses a colour it cannot read instead of taking it for black', () => {
    expect(() => parseColor('oklch(0.5 0.1 40)')).toThrow(/oklch/)
    expect(() => parseColor('color(display-p3 1 0 0)')).toThrow(/sRGB/)
    expect(() => parseColor('rgb(1, 2)')).toThrow()
    expect(() => parseColor('#12345')).toThrow()
  })

  it('paints a translucent colour over another', () => {
    expect(composite(parseColor('rgba(0, 0, 0, 0.5)'), white)).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 })
    expect(composite(parseColor('#000'), white, 0.25)).toEqual({
      r: 191.25,
      g: 191.25,
      b: 191.25,
      a: 1,
    })
    expect(composite(parseColor('transparent'), parseColor('transparent')).a).toBe(0)
  })
})

describe('wCAG contrast', () => {
  it('gives the formula\'s known values', () => {
    expect(relativeLuminance(white)).toBeCloseTo(1)
    expect(contrastRatio(parseColor('#000'), white)).toBeCloseTo(21)
    expect(contrastRatio(white, white)).toBeCloseTo(1)
    // The greys that sit on the WCAG thresholds on white.
    expect(contrastRatio(parseColor('#767676'), white)).toBeCloseTo(4.54, 2)
    expect(contrastRatio(parseColor('#595959'), white)).toBeCloseTo(7.0, 1)
    // The order of the two colours does not matter for opaque colours.
    expect(contrastRatio(white, parseColor('#b7410e'))).toBeCloseTo(contrastRatio(parseColor('#b7410e'), white))
  })

  it('counts a faded text by the colour it shows', () => {
    expect(contrastRatio(parseColor('rgba(0, 0, 0, 0.5)'), white)).toBeCloseTo(3.98, 2)
  })
})

describe('a slide judged for the back row', () => {
  it('passes text at the sizes and contrast it needs', () => {
    const judged = judgeSlide(3, [
      sample,
      { ...sample, kind: 'code', px: 28 },
    ])
    expect(judged).toEqual({
      no: 3,
      minCodePx: 28,
      minBodyPx: 40,
      minContrast: 21,
      shortfalls: [],
    })
  })

  it('names small code, small body text and faint text, each shortfall once with a few of its texts', () => {
    const judged = judgeSlide(7, [
      {
        ...sample,
        kind: 'code',
        px: 23.5,
        text: 'let x',
      },
      {
        ...sample,
        kind: 'code',
        px: 23.5,
        text: 'let x',
      },
      { ...sample, px: 31.3, text: 'no threads' },
      { ...sample, color: 'rgb(115, 115, 115)', text: '// comment' },
      { ...sample, opacity: 0.5, text: 'faded' },
      ...['a', 'b', 'c', 'd', 'e', 'f'].map(text => ({ ...sample, px: 20, text })),
    ])
    expect(judged.minCodePx).toBe(23.5)
    expect(judged.minBodyPx).toBe(20)
    expect(judged.minContrast).toBe(3.97)
    expect(judged.shortfalls).toEqual([
      'code 23.5 px < 28 px: "let x"',
      'body 31.3 px < 34 px: "no threads"',
      'contrast 4.74:1 < 7:1 (rgb(115, 115, 115) on rgb(255, 255, 255)): "// comment"',
      'contrast 3.98:1 < 7:1 (rgb(0, 0, 0) at opacity 0.5 on rgb(255, 255, 255)): "faded"',
      'body 20 px < 34 px: "a", "b", "c", "d" and 2 more',
    ])
  })

  it('holds a heading to the body text\'s size, and code on a dark block to its own background', () => {
    const judged = judgeSlide(1, [
      {
        ...sample,
        kind: 'heading',
        px: 30,
        text: 'Goal',
      },
      {
        ...sample,
        kind: 'code',
        px: 30,
        color: 'rgb(250, 250, 249)',
        background: 'rgb(28, 25, 23)',
      },
    ])
    expect(judged.shortfalls).toEqual(['heading 30 px < 34 px: "Goal"'])
  })

  it('writes the table the closing note quotes', () => {
    const table = legibilityTable([
      {
        ...judgeSlide(2, [sample]),
        heading: 'a | b',
        bottom: 0.384,
      },
    ])
    expect(table.split('\n')[2]).toBe('| 2 | a \\| b | – | 40 | 21:1 | 38 % | 0 |')
  })
})

describe('the background behind a text', () => {
  it('is the first opaque background up the tree, with translucent ones painted over it', () => {
    expect(backgroundBehind(['rgba(0, 0, 0, 0)', 'rgb(255, 247, 237)'])).toBe('rgb(255, 247, 237)')
    expect(backgroundBehind(['rgba(0, 0, 0, 0.5)', 'rgb(255, 255, 255)'])).toBe('rgb(128, 128, 128)')
  })

  it('is white where nothing is painted', () => {
    expect(backgroundBehind([])).toBe('rgb(255, 255, 255)')
    expect(backgroundBehind(['rgba(0, 0, 0, 0)'])).toBe('rgb(255, 255, 255)')
  })
})
