import type { Browser } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseSync } from '@slidev/parser'
import { exportBrowserArgs, launchChromium } from './chromium.ts'
import { serveSite } from './serve.ts'

/** The repository root: every path the scripts print or take is relative to it. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

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

/**
 * The build steps the addons bring, by module: what the scripts call, written out here rather than
 * imported, so that they type-check for a deck without one of these addons.
 */
export interface AddonSteps {
  'deck-check/render-check.ts': { checkRenderedDeck: (options: { browser: Browser, url: string, entry: string, cwd?: string }) => Promise<string[]> }
  'static-site/og-image.ts': { renderOgImage: (options: { browser: Browser, url: string, dir: string }) => Promise<string> }
  'handout/print.ts': { printHandout: (options: { browser: Browser, url: string, output: string, timeout?: number, warn?: (line: string) => void }) => Promise<void> }
  'offline-app/vite-plugin.ts': { generateServiceWorker: (dir: string) => Promise<{ count: number, size: number }> }
}

/**
 * A module of an addon the deck uses (`slidev-addon-<name>/<file>`), or undefined when the
 * headmatter does not list it: a build step an addon brings runs only for a deck that uses it.
 */
export async function addonModule<K extends keyof AddonSteps>(module: K): Promise<AddonSteps[K] | undefined> {
  const [name, file] = module.split('/')
  if (!deckAddons().includes(name))
    return undefined
  return await import(`slidev-addon-${name}/${file}`) as AddonSteps[K]
}

/** Lines of Slidev's output in the deck check's form (`slides.md:12 (slide 2): …`), each once. */
export function deckProblemLines(output: string): string[] {
  const lines = output.split(/\r?\n/).map(line => line.trim()).filter(line => /^\S+\.md:\d+ \(slide \d+\): /.test(line))
  return [
    ...new Set(lines),
  ]
}

/**
 * Runs the Slidev CLI in the repository root (or `cwd`); rejects when it fails, with the deck's problems if
 * Slidev's output names any (`slides.md:LINE (slide N): …`). `quiet` shows its output only then.
 */
export function runSlidev(args: string[], { quiet = false, env = {}, cwd = root }: { quiet?: boolean, env?: Record<string, string>, cwd?: string } = {}): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [slidevCli, ...args], {
      cwd,
      env: {
        ...process.env,
        ...env,
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
        return done()
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

export interface BuildOptions {
  /** Output folder (Slidev's `--out`), relative to the repository root. Default `dist`. */
  out?: string
  /** `--base` for a site served below the domain root, e.g. `/building-rust-for-production/`. */
  base?: string
  /** Export the slides PDF into the site and show Slidev's download button. Default true. */
  download?: boolean
  /** Further `slidev build` arguments, passed through as given. */
  args?: string[]
  /** Show Slidev's output only if the build fails. */
  quiet?: boolean
  /** Environment variables for Slidev, on top of this process's. */
  env?: Record<string, string>
}

/**
 * Builds the static site with Slidev. With `download`, Slidev exports the slides PDF into the site
 * during the build (with the Chromium that tools/chromium.ts resolves), once per build: the
 * download button, `npm run export` and the deploy all use that one file. Then every slide of the
 * built site is rendered once more in that Chromium (slidev-addon-deck-check): a slide that throws
 * or shows nothing fails the build, naming its line; slide 1 becomes the link preview og-image.png.
 */
export async function buildSite({ out = 'dist', base, download = true, args = [], quiet = false, env }: BuildOptions = {}): Promise<string> {
  const cli = [
    'build',
    '--out',
    out,
    ...(base
      ? ['--base', base]
      : []),
    ...args,
  ]
  if (download) {
    // --with-toc: the PDF's outline lists the slide titles (setup/preparser.ts makes them readable).
    cli.push('--download', '--with-toc', ...exportBrowserArgs())
    await waitForFreePort(SLIDEV_BUILD_EXPORT_PORT)
  }
  await runSlidev(cli, { quiet, env })
  const dir = resolve(root, out)
  if (download) {
    const pdf = join(dir, `${exportFilename()}.pdf`)
    if (!existsSync(pdf))
      throw new Error(`slidev build did not write ${pdf}`)
  }
  // Every slide in a browser (slidev-addon-deck-check): one that throws or shows nothing stops the
  // build; slide 1 becomes og-image.png (slidev-addon-static-site). Both read Slidev's print view,
  // which a built site has only with `download`: the temporary builds that only print the handout
  // or time the build go without.
  if (download)
    await checkBuiltSite(dir, base ?? '/')
  return dir
}

/** The render check and the link preview picture of a built site, for the addons the deck uses. */
async function checkBuiltSite(dir: string, base: string): Promise<void> {
  const renderCheck = await addonModule('deck-check/render-check.ts')
  const preview = await addonModule('static-site/og-image.ts')
  if (!renderCheck && !preview)
    return
  const site = await serveSite(dir, { base })
  const browser = await launchChromium()
  try {
    const problems = await renderCheck?.checkRenderedDeck({
      browser,
      url: site.url,
      entry: join(root, 'slides.md'),
      cwd: root,
    }) ?? []
    if (problems.length)
      throw new Error(`The deck has problems:\n${problems.join('\n')}`)
    await preview?.renderOgImage({ browser, url: site.url, dir })
  }
  finally {
    await browser.close()
    await site.close()
  }
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
