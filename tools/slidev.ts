import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseSync } from '@slidev/parser'
import { chromiumExecutable } from './chromium.ts'

/** The repository root: every path the scripts print or take is relative to it. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The module preloaded into Slidev's process so that its PDF export tags the PDF. */
const taggedPdf = pathToFileURL(join(root, 'tools/tagged-pdf.ts')).href

const slidevCli = join(root, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** True when `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(resolve(process.argv[1])).href
}

/** `exportFilename` from the headmatter of slides.md: the PDFs are named after it. */
export function exportFilename(entry = join(root, 'slides.md')): string {
  const { slides } = parseSync(readFileSync(entry, 'utf8'), entry)
  const name = slides[0]?.frontmatter.exportFilename
  if (typeof name !== 'string' || !name)
    throw new Error(`${entry}: the headmatter has no exportFilename`)
  return name
}

/** The addons the deck's headmatter lists (`addons:`), by their short names. */
export function deckAddons(entry = join(root, 'slides.md')): string[] {
  const { slides } = parseSync(readFileSync(entry, 'utf8'), entry)
  const addons = slides[0]?.frontmatter.addons
  return Array.isArray(addons)
    ? addons.filter((name): name is string => typeof name === 'string')
    : []
}

/** Lines of Slidev's output in the deck check's form (`slides.md:12 (slide 2): …`), each once. */
export function deckProblemLines(output: string): string[] {
  const lines = output.split(/\r?\n/).map(line => line.trim()).filter(line => /^\S+\.md:\d+ \(slide \d+\): /.test(line))
  return [
    ...new Set(lines),
  ]
}

/**
 * Runs the Slidev CLI in the repository root (or `cwd`) and resolves with its output; rejects when it
 * fails, with the deck's problems if Slidev's output names any (`slides.md:LINE (slide N): …`).
 * `quiet` shows its output only then.
 */
export function runSlidev(args: string[], { quiet = false, env = {}, cwd = root }: { quiet?: boolean, env?: Record<string, string>, cwd?: string } = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [slidevCli, ...args], {
      cwd,
      env: {
        ...process.env,
        ...env,
        // The PDFs Slidev exports are tagged (tools/tagged-pdf.ts says why).
        NODE_OPTIONS: [process.env.NODE_OPTIONS, env.NODE_OPTIONS, `--import=${taggedPdf}`].filter(Boolean).join(' '),
      },
      stdio: ['inherit', 'pipe', 'pipe'],
    })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk)
      if (!quiet)
        process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output.push(chunk)
      if (!quiet)
        process.stderr.write(chunk)
    })
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (code === 0)
        return done(Buffer.concat(output).toString())
      if (quiet)
        process.stderr.write(Buffer.concat(output))
      const problems = deckProblemLines(Buffer.concat(output).toString())
      fail(new Error(problems.length
        ? `The deck has problems:\n${problems.join('\n')}`
        : `slidev ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

/**
 * Slidev's build serves the fresh site on this fixed port while it exports the PDF into it
 * (`download`), and crashes if the port is taken: two builds must not overlap.
 */
export const SLIDEV_BUILD_EXPORT_PORT = 12445

/** Whether something on this machine answers on `port` (at `host`). */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host })
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

async function waitForFreePort(port: number, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  let told = false
  while (await portInUse(port)) {
    if (Date.now() > until)
      throw new Error(`port ${port} is still in use: another Slidev build or export is running`)
    if (!told) {
      console.log(`Port ${port} is in use (another Slidev build exporting its PDF?); waiting for it.`)
      told = true
    }
    await new Promise(r => setTimeout(r, 500))
  }
}

/** Where the build's browser steps look when a build is to go without a browser. */
export const noBrowser = '/nonexistent/chromium'

/**
 * `--executable-path` for `slidev build` and `slidev export`: the Chromium that tools/chromium.ts
 * resolves (none: Playwright's own), or with `false` a path where there is none, for a build that
 * goes without the steps that need one.
 */
export function browserArgs(executablePath: string | false | undefined = chromiumExecutable()): string[] {
  const path = executablePath === false
    ? noBrowser
    : executablePath
  return path
    ? ['--executable-path', path]
    : []
}

export interface BuildOptions {
  /** Output folder (Slidev's `--out`), relative to the repository root. Default `dist`. */
  out?: string
  /** `--base` for a site served below the domain root, e.g. `/building-rust-for-production/`. */
  base?: string
  /** Export the slides PDF into the site and show Slidev's download button. Default true. */
  download?: boolean
  /** The browser of the build's steps; `false`: none, the build goes without them. Default: tools/chromium.ts's. */
  executablePath?: string | false
  /** Further `slidev build` arguments, passed through as given. */
  args?: string[]
  /** Show Slidev's output only if the build fails. */
  quiet?: boolean
  /** Environment variables for Slidev, on top of this process's. */
  env?: Record<string, string>
}

/**
 * `slidev build` of the talk, with the Chromium that tools/chromium.ts resolves. Everything else is
 * the addons' own, inside that one command: the render check of every slide (slidev-addon-deck-check,
 * which fails the build naming a broken slide's line), the link preview picture
 * (slidev-addon-static-site), the handout PDF (slidev-addon-handout) and last the service worker
 * (slidev-addon-offline-app). With `download`, Slidev then exports the slides PDF into the site
 * (once per build: the download button, `npm run export` and the deploy all use that one file;
 * the headmatter's `export.withToc` gives it an outline). Returns the site's folder.
 */
export async function buildSite({ out = 'dist', base, download = true, executablePath, args = [], quiet = false, env }: BuildOptions = {}): Promise<string> {
  const cli = [
    'build',
    '--out',
    out,
    ...(base
      ? ['--base', base]
      : []),
    ...(download
      ? ['--download']
      : []),
    ...browserArgs(executablePath),
    ...args,
  ]
  if (download)
    await waitForFreePort(SLIDEV_BUILD_EXPORT_PORT)
  await runSlidev(cli, { quiet, env })
  const dir = resolve(root, out)
  if (download) {
    const pdf = join(dir, `${exportFilename()}.pdf`)
    if (!existsSync(pdf))
      throw new Error(`slidev build did not write ${pdf}`)
  }
  return dir
}

/** The base a built site was built for, read from the asset URLs in its index.html. */
export function siteBase(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const asset = html.match(/(?:src|href)="([^"]*?)assets\//)
  return asset
    ? asset[1] || '/'
    : '/'
}

/** Splits `--name value` options off a command line; the rest is returned as `rest`. */
export function parseArgs(argv: string[], names: string[]): { options: Record<string, string>, rest: string[] } {
  const options: Record<string, string> = {}
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2)
    const name = flag.replace(/^--/, '')
    if (flag.startsWith('--') && names.includes(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${flag} needs a value`)
      options[name] = value
    }
    else {
      rest.push(argv[i])
    }
  }
  return { options, rest }
}
