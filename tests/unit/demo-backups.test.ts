import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BarChart from '../../components/BarChart.vue'
import CacheLayers from '../../components/CacheLayers.vue'
import ProfileKeys from '../../components/ProfileKeys.vue'
import { ciPipeline, demos, publishedFigures, releaseOptimizedProfile } from '../../data/deck'
import Backup from '../../layouts/backup.vue'
import { readBackups } from '../support/backups'
import { readSlides } from '../support/slides'

/** Text as a reader reads it: no-break spaces are spaces. */
const text = (s: string) => s.replace(/\u00A0/g, ' ').replace(/\s+/g, ' ').trim()

describe('barChart', () => {
  const bars = [
    { label: 'big', value: 8 },
    { label: 'half', value: 4 },
    { label: 'quarter', value: 2, spread: 0.5 },
  ]
  const chart = () => mount(BarChart, {
    props: {
      title: 'Size',
      unit: 'MB',
      bars,
      source: 'somewhere/README.md',
    },
  })

  it('draws bars whose widths are proportional to their values', () => {
    const widths = chart().findAll('rect').map(r => Number(r.attributes('width')))
    expect(widths).toHaveLength(3)
    expect(widths[0]).toBeGreaterThan(0)
    expect(widths[1] / widths[0]).toBeCloseTo(0.5)
    expect(widths[2] / widths[0]).toBeCloseTo(0.25)
  })

  it('labels every bar with its name and its number as text', () => {
    const c = chart()
    expect(c.findAll('.bar-chart__label').map(t => t.text())).toEqual(['big', 'half', 'quarter'])
    expect(c.findAll('.bar-chart__value').map(t => text(t.text()))).toEqual(['8 MB', '4 MB', '2 ± 0.5 MB'])
  })

  it('is an image with a label that reads every value and the source', () => {
    const svg = chart().get('svg')
    expect(svg.attributes('role')).toBe('img')
    const label = text(svg.attributes('aria-label') ?? '')
    expect(label).toBe('Size: big 8 MB; half 4 MB; quarter 2 ± 0.5 MB. Source: somewhere/README.md.')
  })

  it('names its source under the chart, as a link when it has one', () => {
    const c = mount(BarChart, {
      props: {
        title: 'T',
        unit: 's',
        bars,
        source: 'a/README.md',
        sourceHref: 'https://example.org/a',
        sourceDetail: ', on a laptop',
      },
    })
    expect(text(c.get('.bar-chart__source').text())).toBe('Source: a/README.md, on a laptop')
    expect(c.get('.bar-chart__source a').attributes('href')).toBe('https://example.org/a')
  })

  it('gives every bar its own row, its number room on the right and its label room on the left', () => {
    const c = chart()
    const [, , width, height] = c.get('svg').attributes('viewBox')!.split(' ').map(Number)
    const rowHeight = height / bars.length
    const rects = c.findAll('rect').map(r => ({
      x: Number(r.attributes('x')),
      y: Number(r.attributes('y')),
      width: Number(r.attributes('width')),
      height: Number(r.attributes('height')),
    }))
    const labels = c.findAll('.bar-chart__label')
    const values = c.findAll('.bar-chart__value')
    rects.forEach((rect, i) => {
      // Centred in its row.
      expect(rect.y, `bar ${i}`).toBeCloseTo(i * rowHeight + (rowHeight - rect.height) / 2)
      expect(Number(labels[i].attributes('y'))).toBeCloseTo(rect.y + rect.height / 2)
      expect(Number(values[i].attributes('y'))).toBeCloseTo(rect.y + rect.height / 2)
      // The label ends left of the bar, with room for its characters (monospaced, 17 px).
      const labelEnd = Number(labels[i].attributes('x'))
      expect(labelEnd).toBeLessThan(rect.x)
      expect(labelEnd - bars[i].label.length * 0.6 * 17).toBeGreaterThanOrEqual(0)
      // The number starts right of the bar, and fits.
      expect(Number(values[i].attributes('x'))).toBeGreaterThan(rect.x + rect.width)
      expect(Number(values[i].attributes('x')) + text(values[i].text()).length * 0.6 * 17).toBeLessThanOrEqual(width)
    })
    expect(Math.max(...rects.map(r => r.x + r.width))).toBeGreaterThan(width / 2)
  })

  it('draws no bar, and no broken number, when every value is zero', () => {
    const c = mount(BarChart, {
      props: {
        title: 'T',
        unit: 's',
        bars: [
          { label: 'a', value: 0 },
        ],
        source: 's',
      },
    })
    expect(c.get('rect').attributes('width')).toBe('0')
    expect(text(c.get('.bar-chart__value').text())).toBe('0 s')
  })

  it('writes thousands the English way', () => {
    const c = mount(BarChart, {
      props: {
        title: 'T',
        unit: 'ms',
        bars: [
          { label: 'x', value: 7606 },
        ],
        source: 's',
      },
    })
    expect(text(c.get('.bar-chart__value').text())).toBe('7,606 ms')
  })
})

describe('profileKeys', () => {
  it('explains every key of the profile, in order', () => {
    const keys = mount(ProfileKeys).findAll('dt code').map(k => k.text())
    expect(keys).toEqual(releaseOptimizedProfile.keys.map(k => k.key))
  })

  it('emphasises the key the speaker is on, and none before the first or after the last', () => {
    const on = mount(ProfileKeys, {
      props: { active: 3 },
    })
    expect(on.get('[aria-current="step"] dt code').text()).toBe('strip')
    expect(on.findAll('.profile-keys__row--dim')).toHaveLength(releaseOptimizedProfile.keys.length - 1)
    for (const active of [-1, releaseOptimizedProfile.keys.length, undefined]) {
      const off = mount(ProfileKeys, {
        props: { active },
      })
      expect(off.find('[aria-current]').exists()).toBe(false)
      expect(off.findAll('.profile-keys__row--dim')).toHaveLength(0)
    }
  })

  it('writes code in an explanation as code', () => {
    const row = mount(ProfileKeys).findAll('.profile-keys__row').find(r => r.get('dt code').text() === 'debug-assertions')!
    expect(row.findAll('dd code').map(c => c.text())).toEqual(['debug_assert!'])
    expect(text(row.get('dd').text())).toBe('debug_assert! is compiled out')
  })

  it('emphasises the first key on the first click', () => {
    expect(mount(ProfileKeys, {
      props: { active: 0 },
    }).get('[aria-current="step"] dt code').text()).toBe('inherits')
  })

  it('says which keys differ from release', () => {
    const badges = mount(ProfileKeys).findAll('.profile-keys__badge--changed').map(b => b.element.closest('div')!.querySelector('dt code')!.textContent)
    expect(badges).toEqual([
      'strip',
      'lto',
      'panic',
      'codegen-units',
    ])
  })

  it('matches the profile as the slide shows it in code', () => {
    const slide = readBackups().find(s => s.content.includes('[profile.release-optimized]'))!
    const toml = slide.content.match(/```toml[^\n]*\n([\s\S]*?)```/)![1].trim().split('\n')
    expect(toml).toEqual([
      `[profile.${releaseOptimizedProfile.name}]`,
      ...releaseOptimizedProfile.keys.map(k => `${k.key} = ${k.value}`),
    ])
    // One click per key: the header, each key, then all.
    expect(slide.content).toContain(`{${Array.from({ length: toml.length }, (_, i) => i + 1).join('|')}|all}`)
  })
})

describe('cacheLayers', () => {
  const table = () => mount(CacheLayers)
  const column = (n: number) => table().findAll('tbody tr').map(r => text(r.findAll('td')[n].text()))

  it('marks each cell with a drawn icon, hidden from screen readers, beside its word', () => {
    const cells = table().findAll('tbody td')
    expect(cells.length).toBeGreaterThan(0)
    for (const cell of cells)
      expect(cell.get('svg').attributes('aria-hidden')).toBe('true')
  })

  it('names the two changes a developer makes, as its columns', () => {
    expect(table().findAll('thead th').map(th => text(th.text()))).toEqual([
      'Layer, in build order',
      'When you edit src/*.rs',
      'When you add or bump a dependency',
    ])
  })

  it('lists the layers in build order', () => {
    expect(table().findAll('tbody th code').map(c => c.text())).toEqual(ciPipeline.layers.map(l => l.step))
  })

  it('rebuilds only the sources and the last build when a source file changes', () => {
    expect(column(0)).toEqual([
      'cached',
      'cached',
      'cached',
      'rebuilt',
      'rebuilt',
    ])
  })

  it('rebuilds the dependency layer when a manifest changes', () => {
    expect(column(1)).toEqual([
      'cached',
      'rebuilt',
      'rebuilt',
      'rebuilt',
      'rebuilt',
    ])
  })

  it('reads every cell as one word, "cached" or "rebuilt", for a screen reader too', () => {
    const cells = table().findAll('tbody td')
    expect(cells).toHaveLength(ciPipeline.layers.length * 2)
    for (const cell of cells)
      expect(['cached', 'rebuilt']).toContain(text(cell.text()))
  })
})

describe('the backup layout', () => {
  it('tags the slide as a demo backup with the demo\'s folder', () => {
    const slide = mount(Backup, {
      props: { demo: 'production' },
      slots: { default: '<h2>Heading</h2>' },
    })
    expect(text(slide.get('.backup-tag').text())).toBe(`Demo backup · ${demos.production.folder}`)
    expect(slide.get('h2').text()).toBe('Heading')
    expect(slide.classes()).toEqual(expect.arrayContaining(['slidev-layout', 'default', 'backup']))
  })

  it('fails loudly for a demo that does not exist', () => {
    expect(() => mount(Backup, {
      props: { demo: 'nope' as never },
    })).toThrow(/no demo "nope".*local/)
  })
})

describe('the backup slides in slides.md', () => {
  const backups = readBackups()
  const headings = readSlides().map(s => s.heading)
  /** The speaker's slide each demo's backups follow. */
  const after = {
    local: 'Cargo is your friend',
    ci: 'The new kid on the block Dagger',
    production: 'Prod: Tune those binary settings!',
    musl: 'Bonus: Actually statically linked binaries',
    wasm: 'Bonus: Wasm the weird compile target',
  } as const

  it('back up every demo, and name only demos that exist', () => {
    expect(new Set(backups.map(b => b.demo))).toEqual(new Set(Object.keys(demos)))
  })

  it('come right after the speaker\'s slide of their demo', () => {
    for (const [demo, speakerSlide] of Object.entries(after)) {
      const own = backups.filter(b => b.demo === demo).map(b => b.no)
      const first = headings.indexOf(speakerSlide) + 2
      expect(first, speakerSlide).toBeGreaterThan(1)
      expect(own, demo).toEqual(Array.from({ length: own.length }, (_, i) => first + i))
    }
  })

  it('each have one heading and code, and every chart on them is a published figure', () => {
    for (const b of backups) {
      expect(b.heading, `slide ${b.no}`).not.toBe('')
      const prose = b.content.replace(/```[\s\S]*?```/g, '')
      expect(prose.match(/^#{1,6} /gm), `slide ${b.no}`).toHaveLength(1)
      expect(b.codeBlocks, `slide ${b.no}: ${b.heading}`).toBeGreaterThan(0)
      for (const chart of b.charts)
        expect(Object.keys(publishedFigures)).toContain(chart)
    }
    expect(backups.flatMap(b => b.charts).sort()).toEqual(['benchMilliseconds', 'binarySizeMB', 'buildTimeSeconds'])
  })
})
