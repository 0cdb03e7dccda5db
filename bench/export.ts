import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { exportSlidesPdf } from '../tools/export.ts'
import { exportHandout } from '../tools/handout.ts'
import { median, timed } from '../tools/measure.ts'
import { buildSite, isMain, parseArgs, root } from '../tools/slidev.ts'

export interface ExportFigures {
  /** Wall time of the whole command, from slides.md to PDF, in seconds (median of the runs). */
  seconds: number
  /** The part spent making the PDF itself, after the site is built, in seconds. */
  pdfSeconds: number
  bytes: number
  pages: number
}

export interface ExportBenchmark {
  date: string
  runs: number
  machine: { cpus: number, node: string }
  /** Seconds to build the site with none of the steps that need a browser: the part both exports share. */
  buildSeconds: number
  /** `npm run export`: the build with Slidev's PDF export, the PDF copied out. */
  slides: ExportFigures
  /** `npm run export:handout`: the build, which prints the /handout page (and checks and pictures the slides), the PDF copied out. */
  handout: ExportFigures
}

/** The time of a `timed` run, in seconds. */
function seconds([ms]: [number, unknown]): number {
  return ms / 1000
}

async function pageCount(file: string): Promise<number> {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    verbosity: 0,
  }).promise
  const pages = doc.numPages
  await doc.loadingTask.destroy()
  return pages
}

/**
 * Measures both exports from scratch, as `npm run export` and `npm run export:handout` run them
 * on a fresh clone: wall time, and the share of it spent on the PDF once the site is built.
 */
export async function benchExport({ runs = 1 } = {}): Promise<ExportBenchmark> {
  const temp = mkdtempSync(join(tmpdir(), 'deck-bench-export-'))
  const build: number[] = []
  const slides: number[] = []
  const print: number[] = []
  const files = {
    slides: join(temp, 'slides.pdf'),
    handout: join(temp, 'handout.pdf'),
  }
  try {
    for (let run = 0; run < runs; run++) {
      const site = join(temp, `site-${run}`)
      build.push(seconds(await timed(() => buildSite({
        out: site,
        download: false,
        executablePath: false,
        quiet: true,
      }))))
      print.push(seconds(await timed(() => exportHandout({ output: files.handout, quiet: true }))))
      slides.push(seconds(await timed(() => exportSlidesPdf({ output: files.slides, quiet: true }))))
    }
    const buildSeconds = median(build)
    const figures = async (file: string, seconds: number, pdfSeconds: number): Promise<ExportFigures> => ({
      seconds: round(seconds),
      pdfSeconds: round(pdfSeconds),
      bytes: statSync(file).size,
      pages: await pageCount(file),
    })
    return {
      date: new Date().toISOString(),
      runs,
      machine: { cpus: cpus().length, node: process.version },
      buildSeconds: round(buildSeconds),
      slides: await figures(files.slides, median(slides), Math.max(0, median(slides) - buildSeconds)),
      handout: await figures(files.handout, median(print), Math.max(0, median(print) - buildSeconds)),
    }
  }
  finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100
}

export function formatExportBenchmark(result: ExportBenchmark): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
  const rows = [
    [
      'PDF',
      'command',
      'wall time',
      'PDF step',
      'size',
      'pages',
    ],
    [
      'slides',
      'npm run export',
      `${result.slides.seconds.toFixed(1)} s`,
      `${result.slides.pdfSeconds.toFixed(1)} s`,
      kib(result.slides.bytes),
      String(result.slides.pages),
    ],
    [
      'handout',
      'npm run export:handout',
      `${result.handout.seconds.toFixed(1)} s`,
      `${result.handout.pdfSeconds.toFixed(1)} s`,
      kib(result.handout.bytes),
      String(result.handout.pages),
    ],
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  const line = (row: string[]) => `| ${row.map((cell, i) => i >= 2
    ? cell.padStart(widths[i])
    : cell.padEnd(widths[i])).join(' | ')} |`
  return [
    line(rows[0]),
    `|${widths.map((w, i) => i >= 2
      ? `${'-'.repeat(w + 1)}:`
      : '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
    '',
    `Site build without a browser step: ${result.buildSeconds.toFixed(1)} s (part of both wall times). `
    + `Median of ${result.runs} run(s), ${result.machine.cpus} CPUs, Node ${result.machine.node}.`,
  ].join('\n')
}

// `npm run bench:export [-- --runs N]`: prints a table and writes bench/export.json.
if (isMain(import.meta.url)) {
  const { options, rest } = parseArgs(process.argv.slice(2), ['runs', 'json'])
  if (rest.length) {
    console.error(`Unknown arguments: ${rest.join(' ')} (known: --runs N, --json FILE)`)
    process.exit(2)
  }
  const runs = Number(options.runs ?? 1)
  const json = join(root, options.json ?? 'bench/export.json')
  benchExport({ runs }).then((result) => {
    console.log(`\n${formatExportBenchmark(result)}`)
    mkdirSync(join(json, '..'), { recursive: true })
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`)
    console.log(`\nWritten to ${relative(process.cwd(), json)}`)
  }).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
