import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PublishedChart from '../../components/PublishedChart.vue'
import { publishedFigures } from '../../data/deck'
import { chartText, published } from '../fixtures/published-figures'

/** Text as a reader reads it: no-break spaces are spaces. */
const text = (s: string) => s.replace(/\u00A0/g, ' ').replace(/\s+/g, ' ').trim()

/** `7.606 s ± 0.085 s` → `{ value: 7.606, stddev: 0.085 }`, or `{ value: 7606, stddev: 85 }` in `ms`. */
function measure(written: string, unit?: 'ms'): { value: number, stddev?: number } {
  const m = written.match(/^([\d.]+) ?(MB|s|ms)?(?: ± ([\d.]+) ?(MB|s|ms)?)?$/)
  if (!m)
    throw new Error(`cannot read the published figure "${written}"`)
  const scale = (u: string | undefined) => u === 's' && unit === 'ms'
    ? 1000
    : 1
  const round = (n: number) => Math.round(n * 1000) / 1000
  return {
    value: round(Number(m[1]) * scale(m[2])),
    ...(m[3] === undefined
      ? {}
      : {
          stddev: round(Number(m[3]) * scale(m[4] ?? m[2])),
        }),
  }
}

describe('the published figures', () => {
  it('are the binary sizes 03-production/README.md publishes', () => {
    expect(publishedFigures.binarySizeMB).toEqual(published.binarySize.map(([build, size]) => ({
      build,
      ...measure(size),
    })))
  })

  it('are the build times 03-production/README.md publishes', () => {
    expect(publishedFigures.buildTimeSeconds).toEqual(published.buildTime.map(([build, time]) => ({
      build,
      ...measure(time),
    })))
  })

  it('are hyperfine\'s bench timings, in milliseconds', () => {
    expect(publishedFigures.benchMilliseconds).toEqual(published.bench.map(([build, time]) => ({
      build,
      ...measure(time, 'ms'),
    })))
  })

  it('are hyperfine\'s "times faster" summary', () => {
    expect(publishedFigures.benchReleaseRanFaster).toEqual(published.releaseRanFaster.map(([than, ratio]) => ({
      than,
      ...measure(ratio),
    })))
  })

  it('name their source file in the demo repository', () => {
    expect(publishedFigures.source).toBe('03-production/README.md')
  })

  it('agree with each other: the "times faster" summary is the ratio of the mean timings', () => {
    const mean = Object.fromEntries(published.bench.map(([build, time]) => [
      build,
      measure(time, 'ms'),
    ]))
    const faster = Object.fromEntries(published.releaseRanFaster.map(([than, ratio]) => [
      than,
      measure(ratio),
    ]))
    for (const than of ['debug', 'release-optimized'] as const) {
      const a = mean[than]
      const b = mean.release
      const ratio = a.value / b.value
      // hyperfine propagates the standard deviations of both means into the ratio's.
      const spread = ratio * Math.hypot(a.stddev! / a.value, b.stddev! / b.value)
      expect(ratio.toFixed(2), than).toBe(faster[than].value.toFixed(2))
      expect(spread.toFixed(2), than).toBe(faster[than].stddev!.toFixed(2))
    }
    // 7,606 / 946.9 and 953.7 / 946.9, as written out in the README.
    expect(7606 / 946.9).toBeCloseTo(8.03, 2)
    expect(953.7 / 946.9).toBeCloseTo(1.01, 2)
  })

  it('agree with the talk\'s point: the optimized build is smaller and builds longer', () => {
    const [release, optimized, upx] = publishedFigures.binarySizeMB.map(f => f.value)
    expect(optimized).toBeLessThan(release)
    expect(upx).toBeLessThan(optimized)
    const [releaseTime, optimizedTime] = publishedFigures.buildTimeSeconds.map(f => f.value)
    expect(optimizedTime).toBeGreaterThan(releaseTime)
  })
})

describe('a chart of published figures', () => {
  const cases = [
    ['binarySizeMB', published.binarySize, chartText.binarySizeMB],
    ['buildTimeSeconds', published.buildTime, chartText.buildTimeSeconds],
    ['benchMilliseconds', published.bench, chartText.benchMilliseconds],
  ] as const
  for (const [figure, rows, values] of cases) {
    it(`shows ${figure} as 03-production/README.md publishes them, with the source and where they were measured`, () => {
      const c = mount(PublishedChart, {
        props: { figure },
      })
      expect(c.findAll('.bar-chart__label').map(t => t.text())).toEqual(rows.map(([build]) => build))
      expect(c.findAll('.bar-chart__value').map(t => text(t.text()))).toEqual(values)
      expect(text(c.get('.bar-chart__source').text())).toBe('Source: 03-production/README.md (kjuulh/building-rust-for-production), measured on the author\'s machine')
      expect(c.get('.bar-chart__source a').attributes('href')).toBe('https://github.com/kjuulh/building-rust-for-production/blob/main/03-production/README.md')
      const label = text(c.get('svg').attributes('aria-label') ?? '')
      rows.forEach(([build], i) => expect(label).toContain(`${build} ${values[i]}`))
    })
  }

  it('adds hyperfine\'s comparison to the bench chart, and to no other', () => {
    const note = (figure: typeof cases[number][0]) => mount(PublishedChart, {
      props: { figure },
    }).find('.bar-chart__note')
    expect(text(note('benchMilliseconds').text())).toBe(chartText.benchNote)
    expect(note('binarySizeMB').exists()).toBe(false)
    expect(note('buildTimeSeconds').exists()).toBe(false)
  })

  it('draws the optimized builds in the accent colour, the others in grey', () => {
    const rows = mount(PublishedChart, {
      props: { figure: 'binarySizeMB' },
    }).findAll('.bar-chart__row')
    expect(rows.map(r => [
      r.get('.bar-chart__label').text(),
      r.get('rect').classes('bar-chart__bar--muted'),
    ])).toEqual([
      ['release', true],
      ['release-optimized', false],
      ['release-optimized + UPX', false],
    ])
  })
})
