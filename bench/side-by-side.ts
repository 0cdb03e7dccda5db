import type { Browser } from 'playwright-chromium'
import type { Network, PaintLoad } from './first-paint.ts'
import { join } from 'node:path'
import { median } from '../tools/measure.ts'
import { serveSite } from '../tools/serve.ts'
import { buildSite } from '../tools/slidev.ts'
import { conferenceWifi, measureKeys, measurePaint } from './first-paint.ts'
import { buildMarpDeck } from './marp.ts'

/** The decks measured side by side: the same talk, four ways. */
export const contenders = {
  ours: 'this deck (pre-rendered pages)',
  today: 'this deck without pre-rendered pages (SLIDEV_PRERENDER=off)',
  stock: 'the same slides on Slidev\'s stock client (no lean client, no pre-render)',
  marp: 'Marp: the talk as written, static HTML (marp-core)',
} as const

export type Contender = keyof typeof contenders

/** Medians of one contender on one network; `keysMs` where the deck has keys (Marp's static page has none). */
export type PaintFigures = PaintLoad & { keysMs?: number }

export interface SideBySide {
  /** By network name (`local`, `conference wifi`), then by contender. */
  medians: Record<string, Record<Contender, PaintFigures>>
  samples: Record<string, Record<Contender, PaintFigures[]>>
}

const slidevSlide1 = '#slide-content .slidev-page-1'
const slidevSlide2 = '#slide-content .slidev-page-2'

/**
 * Builds the three others beside `ours` (a built site and the base it was built for) in `temp`,
 * serves all four with gzip as GitHub Pages does, and loads them in turn, `runs` times on this
 * machine's loopback and `slowRuns` times over emulated conference wifi: first paint, largest paint,
 * slide 1 shown, layout shift, bytes, and in another load each the time until → works.
 */
export async function sideBySide({ browser, temp, ours, runs, slowRuns, log }: {
  browser: Browser
  temp: string
  ours: { dir: string, base: string }
  runs: number
  slowRuns: number
  log: (line: string) => void
}): Promise<SideBySide> {
  log('bench: the same deck without pre-rendered pages, and on Slidev\'s stock client …')
  const todayDir = await buildSite({
    out: join(temp, 'today'),
    download: false,
    quiet: true,
    env: { SLIDEV_PRERENDER: 'off' },
  })
  const stockDir = await buildSite({
    out: join(temp, 'stock-client'),
    download: false,
    quiet: true,
    env: { SLIDEV_LEAN_CLIENT: 'off', SLIDEV_PRERENDER: 'off' },
  })
  const marpDir = buildMarpDeck(join(temp, 'marp'))
  const servers = {
    ours: await serveSite(ours.dir, { base: ours.base, gzip: true }),
    today: await serveSite(todayDir, { gzip: true }),
    stock: await serveSite(stockDir, { gzip: true }),
    marp: await serveSite(marpDir, { gzip: true }),
  }
  const result: SideBySide = { medians: {}, samples: {} }
  try {
    for (const [network, count] of [
      [undefined, runs],
      [conferenceWifi, slowRuns],
    ] as Array<[Network | undefined, number]>) {
      const name = network?.name ?? 'local'
      log(`bench: ${count} loads of each, in turn, ${network
        ? `over ${network.name} (${network.latencyMs} ms, ${network.downloadKbps / 1000} Mbit/s)`
        : 'on this machine'} …`)
      const samples = Object.fromEntries(Object.keys(contenders).map(c => [c, [] as PaintFigures[]])) as Record<Contender, PaintFigures[]>
      for (let run = -1; run < count; run++) {
        for (const contender of Object.keys(contenders) as Contender[]) {
          const url = servers[contender].url
          const slidev = contender !== 'marp'
          const load = await measurePaint(browser, url, {
            slide1: slidev ? slidevSlide1 : 'section[id="1"]',
            network,
          })
          const keysMs = slidev
            ? await measureKeys(browser, url, { next: slidevSlide2, network })
            : undefined
          if (run >= 0)
            samples[contender].push({ ...load, keysMs })
        }
      }
      result.samples[name] = samples
      result.medians[name] = Object.fromEntries(Object.entries(samples).map(([contender, loads]) => [
        contender,
        Object.fromEntries(Object.keys(loads[0]!).map(figure => [
          figure,
          loads[0]![figure as keyof PaintFigures] === undefined
            ? undefined
            : median(loads.map(load => load[figure as keyof PaintFigures] as number)),
        ])) as unknown as PaintFigures,
      ])) as Record<Contender, PaintFigures>
    }
  }
  finally {
    for (const server of Object.values(servers))
      await server.close()
  }
  return result
}

/** The side-by-side medians of one network as a Markdown table. */
export function sideBySideTable(medians: Record<Contender, PaintFigures>): string {
  const ms = (value: number | undefined) => value === undefined
    ? '—'
    : `${Math.round(value)} ms`
  const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`
  const marp = medians.marp.shownMs
  const rows = (Object.keys(contenders) as Contender[]).map((contender) => {
    const m = medians[contender]
    return [
      contender,
      ms(m.firstPaintMs),
      ms(m.largestPaintMs),
      ms(m.shownMs),
      `${(m.shownMs / marp).toFixed(2)}x`,
      m.layoutShift.toFixed(4),
      ms(m.keysMs),
      kib(m.bytesBeforePaint),
      kib(m.bytesUntilShown),
      String(m.requestsUntilShown),
    ]
  })
  const header = [
    'deck',
    'first paint',
    'largest paint',
    'slide 1 shown',
    'vs Marp',
    'layout shift',
    'keys work',
    'bytes before first paint',
    'bytes until shown',
    'requests until shown',
  ]
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => i === 0
      ? '---'
      : '---:').join('|')}|`,
    ...rows.map(row => `| ${row.join(' | ')} |`),
  ].join('\n')
}
