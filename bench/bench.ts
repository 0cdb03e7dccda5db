import type { Figure } from './budgets.ts'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import { launchChromium } from '../tools/chromium.ts'
import { median, timed } from '../tools/measure.ts'
import { serveSite } from '../tools/serve.ts'
import { buildSite, exportFilename, root } from '../tools/slidev.ts'
import { budgets, budgetTable, withinBudget } from './budgets.ts'
import { measureDevLoop } from './dev-loop.ts'
import { benchExport } from './export.ts'
import { measureFirstLoad, measureNextSlide } from './first-load.ts'
import { lighthouseScores, measureReadingView } from './reading-view.ts'
import { contenders, sideBySide, sideBySideTable } from './side-by-side.ts'
import { measureTestPhases, phaseTable } from './test-phases.ts'

/**
 * `npm run bench [-- --runs N]`: measures the deck on this machine, prints a table against
 * bench/budgets.ts, writes bench/results.json, and exits 1 if a budget is exceeded.
 *
 * 1. `npm run build` into a temporary folder, timed; the PDF it makes is the slides PDF.
 * 2. That site served with gzip on 127.0.0.1 like GitHub Pages; `runs` cold loads in headless
 *    Chromium (after one untimed): bytes and requests until slide 1 is shown, time to slide 1,
 *    then ArrowRight twice. Each load is followed by one of the same deck built with Slidev's
 *    stock client (`SLIDEV_LEAN_CLIENT=off`): time to slide 1 is budgeted as a share of its time.
 *    The reading view (read/) on a phone: bytes and script bytes, and Lighthouse's mobile scores
 *    (median of 3 runs).
 *    Then side by side (bench/side-by-side.ts), loads in turn, on this machine and over emulated
 *    conference wifi: this deck, the same without its pre-rendered pages, on Slidev's stock client, and
 *    the talk as a static Marp page: first paint, largest paint, slide 1, layout shift, keys, bytes.
 *    `--first-paint` runs only this comparison (after the build) and prints its tables.
 * 3. `npm run export` from scratch (bench/export.ts).
 * 4. `npm run dev` on a copy of the deck: start until slide 1 is shown, and saves of slides.md until
 *    the browser shows them (bench/dev-loop.ts).
 * 5. `npm test`, phase by phase (bench/test-phases.ts): the fast tier and the whole are budgeted.
 */

interface Results {
  date: string
  machine: { cpus: number, node: string }
  runs: number
  figures: Record<Figure, number>
  /** Every measurement behind the medians. */
  samples: Record<string, number[]>
  firstLoadResources: Array<{ path: string, transfer: number, body: number }>
  /** Medians for the deck and for the same deck with Slidev's stock client, from the same run. */
  comparison: Record<'deck' | 'stock', { slide1Ms: number, wireKiB: number, requests: number }>
  exceeded: Figure[]
  /** This deck, without its pages, on the stock client and as Marp's static page, side by side. */
  sideBySide: Awaited<ReturnType<typeof sideBySide>>['medians']
  /** `npm test`, phase by phase. */
  testPhases: Array<{ name: string, script: string, seconds: number }>
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0
    ? Number(process.argv[i + 1])
    : fallback
}

function format(figure: Figure, value: number): string {
  const { unit } = budgets[figure]
  if (unit === 'KiB')
    return `${value.toFixed(1)} KiB`
  if (unit === 's')
    return `${value.toFixed(1)} s`
  if (unit === 'ms')
    return `${Math.round(value)} ms`
  if (unit === '%')
    return `${Math.round(value)} %`
  if (unit === 'x')
    return `${value.toFixed(2)}x`
  return String(value)
}

export function table(figures: Record<Figure, number>): string {
  const rows = (Object.keys(budgets) as Figure[]).map((figure) => {
    const ok = withinBudget(budgets[figure], figures[figure])
    return [
      budgets[figure].what,
      format(figure, figures[figure]),
      format(figure, budgets[figure].limit),
      ok ? 'ok' : 'OVER',
    ]
  })
  return budgetTable(rows)
}

async function main() {
  const runs = option('runs', 7)
  const temp = mkdtempSync(join(tmpdir(), 'deck-bench-'))
  const browser = await launchChromium()
  const samples: Record<string, number[]> = {
    slide1Ms: [],
    slide1Share: [],
    nextSlideMs: [],
    firstLoadKiB: [],
    firstLoadWireKiB: [],
    firstLoadRequests: [],
    stockSlide1Ms: [],
    stockWireKiB: [],
    stockRequests: [],
  }
  let firstLoadResources: Results['firstLoadResources'] = []
  let lighthouseErrored: string[] = []
  try {
    console.log('bench: npm run build …')
    const site = join(temp, 'site')
    const [buildMs] = await timed(() => buildSite({ out: site, quiet: true }))
    const pdf = join(site, `${exportFilename()}.pdf`)

    const compared = await sideBySide({
      browser,
      temp,
      ours: { dir: site, base: '/' },
      runs: option('paint-runs', runs),
      slowRuns: option('slow-runs', 3),
      log: line => console.log(line),
    })
    const local = compared.medians.local!
    const paintFigures = {
      slide1VsMarp: local.ours.shownMs / local.marp.shownMs,
      bytesBeforePaintKiB: local.ours.bytesBeforePaint / 1024,
      keysLaterMs: Math.max(0, local.ours.keysMs! - local.today.keysMs!),
    }
    const sideBySideText = Object.entries(compared.medians).map(([network, medians]) => `Side by side, ${network} (medians):\n\n${sideBySideTable(medians)}`).join('\n\n')
    if (process.argv.includes('--first-paint')) {
      writeFileSync(join(root, 'bench/side-by-side.json'), `${JSON.stringify({
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, node: process.version },
        contenders,
        ...compared,
        figures: paintFigures,
      }, null, 2)}\n`)
      console.log(`\n${sideBySideText}\n`)
      console.log(budgetTable((Object.keys(paintFigures) as Array<keyof typeof paintFigures>).map(figure => [
        budgets[figure].what,
        format(figure, paintFigures[figure]),
        format(figure, budgets[figure].limit),
        withinBudget(budgets[figure], paintFigures[figure])
          ? 'ok'
          : 'OVER',
      ])))
      if ((Object.keys(paintFigures) as Array<keyof typeof paintFigures>).some(figure => !withinBudget(budgets[figure], paintFigures[figure])))
        process.exitCode = 1
      return
    }

    console.log('bench: the same deck with Slidev\'s stock client, for comparison …')
    const stockSite = await buildSite({
      out: join(temp, 'stock'),
      download: false,
      quiet: true,
      env: { SLIDEV_LEAN_CLIENT: 'off' },
    })

    console.log(`bench: ${runs} cold loads of the built site, served with gzip, each followed by one with the stock client …`)
    const server = await serveSite(site, { gzip: true })
    const stockServer = await serveSite(stockSite, { gzip: true })
    try {
      for (let run = -1; run < runs; run++) {
        const load = await measureFirstLoad(browser, server.url)
        try {
          if (run < 0)
            continue
          samples.slide1Ms.push(load.ms)
          samples.firstLoadKiB.push(load.resources.reduce((sum, r) => sum + r.body, 0) / 1024)
          samples.firstLoadWireKiB.push(load.bytes / 1024)
          samples.firstLoadRequests.push(load.requests)
          firstLoadResources = load.resources
          samples.nextSlideMs.push(await measureNextSlide(load.page, 1), await measureNextSlide(load.page, 2))
        }
        finally {
          await load.close()
        }
        const stock = await measureFirstLoad(browser, stockServer.url)
        await stock.close()
        if (run < 0)
          continue
        samples.stockSlide1Ms.push(stock.ms)
        samples.stockWireKiB.push(stock.bytes / 1024)
        samples.stockRequests.push(stock.requests)
        samples.slide1Share.push(load.ms / stock.ms * 100)
      }
      console.log('bench: the reading view on a phone, and Lighthouse (3 runs) …')
      const reading = await measureReadingView(browser, `${server.url}read/`)
      samples.readingKiB = [reading.bytes / 1024]
      samples.readingScriptKiB = [reading.scriptBytes / 1024]
      for (let run = 0; run < 3; run++) {
        const scores = await lighthouseScores(`${server.url}read/`)
        for (const [figure, score] of [
          ['readingPerformance', scores.performance],
          ['readingAccessibility', scores.accessibility],
          ['readingBestPractices', scores.bestPractices],
          ['readingSeo', scores.seo],
        ] as const)
          (samples[figure] ??= []).push(score)
        lighthouseErrored = scores.errored
      }
    }
    finally {
      await server.close()
      await stockServer.close()
    }

    console.log('bench: npm run export, from scratch …')
    const exported = await benchExport({ runs: 1 })

    console.log('bench: npm run dev on a copy of the deck …')
    const dev = await measureDevLoop(browser, root, { runs: 3, edits: 3 })
    if (dev.failed.length)
      throw new Error(`The dev server failed requests, so its figures mean nothing:\n${dev.failed.join('\n')}`)
    samples.devStartMs = dev.startMs
    samples.hmrMs = dev.hmrMs

    // Last, with the machine to itself: the test command, phase by phase (bench/test-phases.ts).
    const phases = await measureTestPhases(line => console.log(line))
    if (phases.some(phase => !phase.ok))
      throw new Error(`npm test failed in: ${phases.filter(phase => !phase.ok).map(phase => phase.script).join(', ')}; its times mean nothing`)
    const phaseSeconds = (names: string[]) => phases.filter(phase => names.includes(phase.name)).reduce((sum, phase) => sum + phase.seconds, 0)

    const figures: Record<Figure, number> = {
      firstLoadKiB: median(samples.firstLoadKiB),
      firstLoadWireKiB: median(samples.firstLoadWireKiB),
      firstLoadRequests: median(samples.firstLoadRequests),
      slide1Share: median(samples.slide1Share),
      nextSlideMs: median(samples.nextSlideMs),
      buildSeconds: buildMs / 1000,
      exportSeconds: exported.slides.seconds,
      pdfKiB: statSync(pdf).size / 1024,
      devStartMs: median(dev.startMs),
      hmrMs: median(dev.hmrMs),
      readingKiB: median(samples.readingKiB),
      readingScriptKiB: median(samples.readingScriptKiB),
      readingPerformance: median(samples.readingPerformance),
      readingAccessibility: median(samples.readingAccessibility),
      readingBestPractices: median(samples.readingBestPractices),
      readingSeo: median(samples.readingSeo),
      ...paintFigures,
      testFastSeconds: phaseSeconds(['lint', 'check', 'unit']),
      testSeconds: phaseSeconds(phases.map(phase => phase.name)),
    }
    const exceeded = (Object.keys(budgets) as Figure[]).filter(f => !withinBudget(budgets[f], figures[f]))
    const results: Results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      runs,
      figures,
      samples,
      firstLoadResources,
      comparison: {
        deck: {
          slide1Ms: median(samples.slide1Ms),
          wireKiB: figures.firstLoadWireKiB,
          requests: figures.firstLoadRequests,
        },
        stock: {
          slide1Ms: median(samples.stockSlide1Ms),
          wireKiB: median(samples.stockWireKiB),
          requests: median(samples.stockRequests),
        },
      },
      exceeded,
      sideBySide: compared.medians,
      testPhases: phases.map(({ name, script, seconds }) => ({ name, script, seconds })),
    }
    const file = join(root, 'bench/results.json')
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)

    console.log(`\n${table(figures)}\n`)
    console.log(`${sideBySideText}\n`)
    console.log(`npm test, phase by phase:\n\n${phaseTable(phases)}\n`)
    for (const [name, { slide1Ms, wireKiB, requests }] of [
      ['this deck', results.comparison.deck],
      ['with Slidev\'s stock client', results.comparison.stock],
    ] as const)
      console.log(`First load, ${name}: slide 1 in ${Math.round(slide1Ms)} ms, ${wireKiB.toFixed(1)} KiB on the wire in ${requests} requests`)
    console.log(`\nFirst load, by resource (gzip body):`)
    for (const r of [...firstLoadResources].sort((a, b) => b.body - a.body))
      console.log(`  ${(r.body / 1024).toFixed(1).padStart(6)} KiB  ${r.path}`)
    console.log(`\nLighthouse audits that could not run against this Chromium (they count towards no score): ${lighthouseErrored.join(', ') || 'none'}.`)
    console.log(`\nMedians of ${runs} cold loads (and as many with the stock client), 3 dev starts and 9 saves; ${cpus().length} CPUs, Node ${process.version}. Written to ${relative(process.cwd(), file)}.`)
    if (exceeded.length) {
      console.error(`\nOver budget: ${exceeded.map(f => budgets[f].what).join('; ')}`)
      process.exitCode = 1
    }
  }
  finally {
    await browser.close()
    rmSync(temp, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message)
    process.exit(2)
  })
}

// For tests that read a previous run.
export function readResults(file = join(root, 'bench/results.json')): Results {
  return JSON.parse(readFileSync(file, 'utf8')) as Results
}
