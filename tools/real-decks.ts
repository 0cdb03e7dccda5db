import type { Buffer } from 'node:buffer'
import type { Browser, Page } from 'playwright-chromium'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import process from 'node:process'
import { comparePngs } from '../tests/support/images.ts'
import { chromiumArgs, chromiumExecutable } from './chromium.ts'
import { serveSite } from './serve.ts'
import { browserArgs, root } from './slidev.ts'

/**
 * The addons as a Slidev user meets them: packed with `npm pack`, installed by npm from their
 * tarballs into folders outside this repository that hold stock Slidev 53 and nothing of ours
 * (one folder per addon, and one with all of them), and built with a plain `slidev build` on real
 * decks that no one here wrote (`tests/real-decks/`). Each deck is also built with stock Slidev
 * alone, and each build is then looked at in Chromium: what the addons' builds show in the console
 * that the stock build does not is a failure, and so is a reading view that lacks a slide's text.
 *
 * Every result is kept under the work folder, keyed by a hash of everything it depends on (the
 * tarballs, the deck, stock Slidev's version, this file), so that `npm test` builds again only
 * what a change touched.
 */

/** Where the consumers, builds and results live: outside the repository, so that nothing resolves from its node_modules. */
export const workDir = process.env.REAL_DECKS_DIR ?? join(tmpdir(), 'slidev-real-decks')

/** The real decks, each in its own folder with its licence (tests/real-decks/<name>/). */
export const decksDir = join(root, 'tests/real-decks')

/** Stock Slidev, as the addons' READMEs ask a deck to have it. */
const stockSlidev = '53.0.0'

function sha(...parts: Array<string | Buffer>) {
  const hash = createHash('sha256')
  for (const part of parts)
    hash.update(part)
  return hash.digest('hex').slice(0, 16)
}

/** A folder's files and contents, hashed (node_modules, dist and dot folders left out). */
function folderHash(dir: string): string {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter(file => !/(?:^|\/)(?:node_modules|dist|\.[^/]+)(?:\/|$)/.test(file) && statSync(join(dir, file)).isFile())
    .sort()
  return sha(...files.flatMap(file => [
    file,
    readFileSync(join(dir, file)),
  ]))
}

export interface Deck {
  name: string
  dir: string
  /** What the deck needs besides Slidev (its theme, icon sets), from its package.json. */
  dependencies: Record<string, string>
}

export function realDecks(): Deck[] {
  return readdirSync(decksDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && existsSync(join(decksDir, entry.name, 'slides.md')))
    .map((entry) => {
      const dir = join(decksDir, entry.name)
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
      const dependencies = { ...pkg.dependencies }
      delete dependencies['@slidev/cli']
      return { name: entry.name, dir, dependencies }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The addons of this repository: every workspace with `slidev-addon` among its keywords. */
export function addonNames(): string[] {
  return readdirSync(join(root, 'addons')).filter((name) => {
    const file = join(root, 'addons', name, 'package.json')
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { keywords?: string[] }).keywords?.includes('slidev-addon')
  }).sort()
}

/** Runs a command, with its output kept; rejects with the output's tail when it fails. */
export function run(command: string, args: string[], { cwd, env = {}, timeout = 600_000 }: { cwd: string, env?: Record<string, string>, timeout?: number }): Promise<{ output: string, ms: number }> {
  const started = Date.now()
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => output += chunk.toString())
    child.stderr.on('data', (chunk: Buffer) => output += chunk.toString())
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const ms = Date.now() - started
      if (code === 0)
        return done({ output, ms })
      const ended = signal ?? `exit code ${code}`
      const error = new Error(`${command} ${args.join(' ')} failed (${ended}) in ${cwd}:\n${output.split('\n').slice(-40).join('\n')}`)
      Object.assign(error, { output, ms, ended })
      fail(error)
    })
  })
}

/**
 * Every workspace packed by npm as it would publish it: tarballs by package name, each kept under the
 * hash of its own content (npm packs the same files into the same bytes), so that a change to one addon
 * makes new builds only where that addon is installed.
 */
export async function packAddons(): Promise<{ dir: string, tarballs: Record<string, string> }> {
  const staging = join(workDir, 'packs-new')
  const dir = join(workDir, 'packs')
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  mkdirSync(dir, { recursive: true })
  await run('npm', [
    'pack',
    '--silent',
    '--workspaces',
    '--pack-destination',
    staging,
  ], { cwd: root })
  const tarballs: Record<string, string> = {}
  for (const file of readdirSync(staging).filter(file => file.endsWith('.tgz'))) {
    const name = file.replace(/-\d+\.\d+\.\d+\.tgz$/, '')
    const kept = join(dir, `${file.replace(/\.tgz$/, '')}-${sha(readFileSync(join(staging, file)))}.tgz`)
    if (!existsSync(kept))
      cpSync(join(staging, file), kept)
    tarballs[name] = kept
  }
  rmSync(staging, { recursive: true, force: true })
  return { dir, tarballs }
}

/** The stock folder: Slidev 53, Playwright (as the PDF export needs it) and what the decks need, installed once. */
async function stockConsumer(decks: Deck[]): Promise<string> {
  const playwright = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['playwright-chromium']
  const dependencies: Record<string, string> = { '@slidev/cli': stockSlidev, 'playwright-chromium': playwright }
  for (const deck of decks)
    Object.assign(dependencies, deck.dependencies)
  const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)))
  let dir = join(workDir, `stock-${sha(JSON.stringify(sorted))}`)
  if (existsSync(join(dir, 'node_modules/.installed')))
    return dir
  const final = dir
  // Made under a name of this process's, then renamed: another run never uses it half-installed.
  dir = `${final}.${process.pid}`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({
    name: 'stock-slidev',
    private: true,
    type: 'module',
    dependencies: sorted,
  }, null, 2)}\n`)
  console.log(`real decks: installing stock Slidev ${stockSlidev} and the decks' themes into ${dir}`)
  await run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
  ], {
    cwd: dir,
    // Playwright's browser comes from the machine (tools/chromium.ts), never downloaded here.
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
  writeFileSync(join(dir, 'node_modules/.installed'), '')
  return settle(dir, final)
}

/**
 * Renames a folder made under a temporary name to its final one, unless another run got there first,
 * and removes the older folders of the same kind (`with-handout-<hash>` of an earlier handout): each
 * holds a whole Slidev install.
 */
function settle(made: string, final: string): string {
  if (existsSync(join(final, 'node_modules/.installed'))) {
    rmSync(made, { recursive: true, force: true })
    return final
  }
  rmSync(final, { recursive: true, force: true })
  renameSync(made, final)
  const kind = basename(final).replace(/-[0-9a-f]{16}$/, '')
  for (const older of readdirSync(workDir).filter(name => name !== basename(final) && new RegExp(`^${kind}-[0-9a-f]{16}$`).test(name)))
    rmSync(join(workDir, older), { recursive: true, force: true })
  return final
}

/**
 * A folder with stock Slidev and `addons` installed by npm from their tarballs (with what they
 * depend on, from the same packs): a copy of the stock folder, then `npm install` of the tarballs.
 */
async function addonConsumer(stock: string, addons: string[], tarballs: Record<string, string>): Promise<string> {
  const wanted = [
    ...new Set(addons.flatMap(name => [
      `slidev-addon-${name}`,
      ...packDependencies(`slidev-addon-${name}`, tarballs),
    ])),
  ].sort()
  let dir = join(workDir, `with-${addons.length === 1
    ? addons[0]
    : 'all'}-${sha(stock, ...wanted.map(name => tarballs[name]))}`)
  if (existsSync(join(dir, 'node_modules/.installed')))
    return dir
  const final = dir
  dir = `${final}.${process.pid}`
  rmSync(dir, { recursive: true, force: true })
  await run('cp', ['-a', stock, dir], { cwd: workDir })
  rmSync(join(dir, 'decks'), { recursive: true, force: true })
  rmSync(join(dir, 'node_modules/.installed'))
  await run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    ...wanted.map(name => tarballs[name]),
  ], {
    cwd: dir,
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
  writeFileSync(join(dir, 'node_modules/.installed'), '')
  return settle(dir, final)
}

/** The packages of ours that a packed addon depends on (slidev-addons-kit), which are not on the registry. */
function packDependencies(name: string, tarballs: Record<string, string>): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'addons', name.replace(/^slidev-addon-/, ''), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  return Object.keys(pkg.dependencies ?? {}).filter(dep => dep in tarballs)
}

export interface BuildResult {
  deck: string
  /** 'stock', an addon's short name, or 'all'. */
  addons: string
  ok: boolean
  /** What went wrong, one line each: the build, the reading view, the console. */
  problems: string[]
  /** Lines the build printed that name an addon (its one-line notices). */
  notices: string[]
  buildMs: number
  /** Console errors and uncaught errors of the deck's pages (slide 1 and the overview), normalised. */
  consoleErrors: string[]
  /** For the stock build: each slide's text as the deck shows it, in order, for the reading view's check. */
  slideTexts?: string[][]
}

/** An error message with what changes between builds (hashed file names, line and column) taken out. */
export function normaliseError(message: string): string {
  return message
    .replace(/https?:\/\/127\.0\.0\.1:\d+/g, '')
    .replace(/-[\w-]{8}\.(js|css)/g, '.$1')
    .replace(/:\d+:\d+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Where this process builds a deck in a consumer folder: a copy of its own, so that two runs can share the folders. */
const deckCopy = (consumer: string, deck: Deck) => join(consumer, 'decks', `${deck.name}-${process.pid}`)

/** Builds one deck in a consumer folder with `addons` listed (in its package.json's `slidev.addons`). */
async function buildDeck(deck: Deck, consumer: string, addons: string[]): Promise<{ dist: string, output: string, ms: number, error?: string, ended?: string }> {
  const dir = deckCopy(consumer, deck)
  rmSync(dir, { recursive: true, force: true })
  cpSync(deck.dir, dir, { recursive: true })
  const pkgFile = join(dir, 'package.json')
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>
  writeFileSync(pkgFile, `${JSON.stringify({
    ...pkg,
    slidev: { addons },
  }, null, 2)}\n`)
  try {
    const { output, ms } = await run(process.execPath, [
      join(consumer, 'node_modules/@slidev/cli/bin/slidev.mjs'),
      'build',
      'slides.md',
      '--out',
      'dist',
      ...browserArgs(),
    ], { cwd: dir })
    return {
      dist: join(dir, 'dist'),
      output,
      ms,
    }
  }
  catch (error) {
    const { output = '', ms = 0, ended } = error as { output?: string, ms?: number, ended?: string }
    return {
      dist: join(dir, 'dist'),
      output,
      ms,
      error: (error as Error).message,
      ended,
    }
  }
}

/** The lines of a failed build that say what failed: the deck's problems, an error's message, a plugin's name. */
function failureLines(output: string): string[] {
  return [
    ...new Set(output.split('\n').map(line => line.trim()).filter(line => /^\S+\.md:\d+ \(slide \d+\)|^\[?[\w-]*Error\]?:|error during build|^slidev-addon|\[plugin [\w:-]+\]|^code:|^plugin:|^hook:/.test(line))),
  ].slice(0, 12)
}

/** The last lines a build printed, on one line. */
const lastLines = (output: string) => output.split('\n').map(line => line.trim()).filter(Boolean).slice(-6).join(' | ')

/** What the built deck shows in Chromium: console errors on slide 1 and the overview, and each slide's text there. */
async function lookAt(browser: Browser, dist: string, withTexts: boolean): Promise<{ consoleErrors: string[], slideTexts?: string[][] }> {
  const site = await serveSite(dist)
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const errors = new Set<string>()
  let slideTexts: string[][] | undefined
  try {
    for (const path of ['1', 'overview']) {
      const page = await context.newPage()
      page.on('console', (msg) => {
        if (msg.type() === 'error')
          errors.add(normaliseError(msg.text()))
      })
      page.on('pageerror', error => errors.add(normaliseError(`uncaught: ${error.message}`)))
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' })
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {})
      await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {})
      if (path === 'overview' && withTexts) {
        slideTexts = await page.evaluate(() => {
          // Each slide's text as a reader sees it, leaving out what draws rather than writes:
          // diagrams and icons (SVG), math (KaTeX's own layout), editors, embeds, code line numbers.
          // Also what only the overview or a running app shows: a code runner's output ("Code is disabled
          // in the overview mode") and TwoSlash's type annotations, which a static page cannot compute.
          const skip = 'svg, .katex, .monaco-editor, iframe, script, style, .slidev-code-line-number, .slidev-code-magic-move, [data-waitfor=".slidev-runner-output"], [class*="twoslash-popup"], .twoslash-error-line, .twoslash-meta-line, [aria-hidden="true"]'
          return [
            ...document.querySelectorAll<HTMLElement>('.slidev-page'),
          ].map((slide) => {
            const texts: string[] = []
            const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest(skip))
                continue
              const text = node.textContent?.replace(/\s+/g, ' ').trim()
              if (text)
                texts.push(text)
            }
            return texts
          })
        })
      }
      await page.close()
    }
  }
  finally {
    await context.close()
    await site.close()
  }
  return {
    consoleErrors: [...errors].sort(),
    slideTexts,
  }
}

/**
 * The offline app as a visitor meets it: one visit to slide 1, then with the network off a reload of
 * it, a slide never opened, and the installed app's icons (whatever favicon the deck has). Returns what
 * failed, one line each.
 */
async function offlineProblems(browser: Browser, dist: string): Promise<string[]> {
  const site = await serveSite(dist)
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const problems: string[] = []
  /** Slide `no`'s text as it shows now (the slides Slidev keeps beside it left out). */
  const slideText = async (page: Page, no: number) => {
    const text = await page.locator(`#slide-content .slidev-page-${no}`).textContent({ timeout: 1000 }).catch(() => '')
    return (text ?? '').replace(/\s+/g, ' ').trim()
  }
  /** Waits, up to a minute (a big deck renders slowly on a busy machine), until `done` holds of slide `no`'s text. */
  const slideShows = async (page: Page, no: number, done: (text: string) => boolean) => {
    const deadline = Date.now() + 60_000
    for (let text = await slideText(page, no); Date.now() < deadline; text = await slideText(page, no)) {
      if (done(text))
        return true
      await page.waitForTimeout(250)
    }
    return false
  }
  try {
    const page = await context.newPage()
    await page.goto(`${site.url}1`, { waitUntil: 'load' })
    const active = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>(done => setTimeout(done, 120_000, false)),
    ]))
    if (!active)
      return ['offline app: no service worker became active within 120 s of the first visit (it precaches the whole site first)']
    // Slide 1 as the visit shows it, settled: the worker took the whole site meanwhile.
    await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {})
    const online = await slideText(page, 1)
    await context.setOffline(true)
    await page.reload({ waitUntil: 'load' }).catch((error: Error) => problems.push(`offline app: slide 1 does not reload offline (${error.message.split('\n')[0]})`))
    if (!problems.length && !await slideShows(page, 1, text => text === online))
      problems.push('offline app: slide 1, reloaded offline, does not show what it showed online')
    await page.goto(`${site.url}2`, { waitUntil: 'load' }).catch(() => {})
    if (!await slideShows(page, 2, text => !!text))
      problems.push('offline app: slide 2, never opened on the visit, shows nothing offline')
    const icons = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')
      if (!link)
        return ['no manifest link']
      const manifest = await (await fetch(link.href)).json() as { icons?: Array<{ src: string }> }
      const failed: string[] = []
      for (const icon of manifest.icons ?? []) {
        const url = new URL(icon.src, link.href).href
        const response = await fetch(url).catch(() => undefined)
        if (!response?.ok)
          failed.push(`the icon ${icon.src} does not load`)
      }
      return manifest.icons?.length
        ? failed
        : ['the manifest names no icon']
    }).catch((error: Error) => [`the manifest does not load (${error.message.split('\n')[0]})`])
    problems.push(...icons.map(line => `offline app, offline: ${line}`))
  }
  finally {
    await context.close()
    await site.close()
  }
  return problems
}

/**
 * The pre-rendered pages as a visitor meets them: a page for every slide that the build did not name
 * as left out (`skipped`), and, for the first, second and last slide, the page painted with the
 * browser's JavaScript off against the same slide once the deck has taken over: the same pixels
 * (a glyph's anti-aliasing aside). Returns what failed, one line each.
 */
async function prerenderProblems(browser: Browser, dist: string, slideCount: number, skipped: Set<number>): Promise<string[]> {
  const problems: string[] = []
  for (let no = 1; no <= slideCount; no++) {
    if (!skipped.has(no) && !existsSync(join(dist, `${no}/index.html`)))
      problems.push(`prerender: no page for slide ${no}, and the build did not say why`)
  }
  const site = await serveSite(dist)
  const still = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    javaScriptEnabled: false,
  })
  const running = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  try {
    for (const no of [
      ...new Set([1, 2, slideCount]),
    ].filter(no => no <= slideCount && !skipped.has(no))) {
      const before = await still.newPage()
      await before.goto(`${site.url}${no}`, { waitUntil: 'load' })
      await before.evaluate(() => document.fonts.ready.then(() => undefined))
      if (!await before.locator(`.slidev-prerender .slidev-page-${no}`).isVisible()) {
        problems.push(`prerender: slide ${no}'s page shows no copy of the slide before its scripts run`)
        continue
      }
      const painted = await before.screenshot()
      const after = await running.newPage()
      await after.goto(`${site.url}${no}`, { waitUntil: 'load' })
      const tookOver = await after.locator('.slidev-prerender').waitFor({ state: 'detached', timeout: 30_000 }).then(() => true, () => false)
      if (!tookOver) {
        problems.push(`prerender: the deck did not take over slide ${no}'s page within 30 s`)
        continue
      }
      await after.evaluate(() => document.fonts.ready.then(() => undefined))
      const { differing } = await comparePngs(after, painted, await after.screenshot())
      if (differing > 1280 * 720 * 0.005)
        problems.push(`prerender: slide ${no} changed when the deck took over (${differing} pixels)`)
      await before.close()
      await after.close()
    }
  }
  finally {
    await still.close()
    await running.close()
    await site.close()
  }
  return problems
}

/** The slides the prerender step named as left out, from its line in the build's output. */
export function prerenderSkipped(output: string): Set<number> {
  const line = output.split('\n').find(text => text.includes('slidev-addon-prerender: served as before')) ?? ''
  return new Set([
    ...line.matchAll(/slide (\d+) \(/g),
  ].map(match => Number(match[1])))
}

/** The text of the reading view's section for each slide, folded, by number. */
function readingSections(dist: string): Map<number, string> {
  const html = readFileSync(join(dist, 'read/index.html'), 'utf8')
  const sections = new Map<number, string>()
  for (const match of html.matchAll(/<section id="(\d+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    // Tags go without a space: the page may split a word into spans (highlighted code) that the deck writes whole.
    const text = match[2].replace(/<\/(?:p|div|li|h\d|td|th|pre|section|aside|figure|blockquote)>|<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')
    sections.set(Number(match[1]), text)
  }
  return sections
}

/**
 * Slides whose text the reading view does not show in the deck's order: for each slide, the texts
 * the stock deck shows must be found in its section, one after the other.
 */
export function missingText(slideTexts: string[][], sections: Map<number, string>): string[] {
  const problems: string[] = []
  slideTexts.forEach((texts, index) => {
    const no = index + 1
    const section = sections.get(no)
    if (section === undefined) {
      problems.push(`reading view: slide ${no} has no section`)
      return
    }
    const folded = section.replace(/\s+/g, ' ')
    let from = 0
    for (const text of texts) {
      const at = folded.indexOf(text, from)
      if (at < 0) {
        problems.push(`reading view: slide ${no} lacks "${text.slice(0, 60)}"${folded.includes(text)
          ? ' in its place'
          : ''}`)
        return
      }
      from = at + text.length
    }
  })
  return problems
}

interface Job { deck: Deck, addons: string[], label: string }

/** What a kept result depends on of this file: everything above its reporting part, and stock Slidev's version. */
function harnessHash(): string {
  return sha(readFileSync(new URL(import.meta.url), 'utf8').split('// Reporting:')[0], stockSlidev)
}

/**
 * Builds every deck with stock Slidev, with each addon alone and with all of them, and checks each
 * build against the stock one. Returns the results, newest or cached.
 */
export async function checkRealDecks({ decks = realDecks(), addons = addonNames(), cache = true, log = console.log }: { decks?: Deck[], addons?: string[], cache?: boolean, log?: (line: string) => void } = {}): Promise<BuildResult[]> {
  mkdirSync(join(workDir, 'results'), { recursive: true })
  const { tarballs } = await packAddons()
  // One stock folder for every deck, whichever are built this time.
  const stock = await stockConsumer(realDecks())
  const harness = harnessHash()
  const jobs: Job[] = decks.flatMap(deck => [
    { deck, addons: [], label: 'stock' },
    ...addons.map(name => ({
      deck,
      addons: [name],
      label: name,
    })),
    { deck, addons, label: 'all' },
  ])
  const keyOf = (job: Job, deckHash: string) => sha(harness, stock, deckHash, job.label, ...job.addons.flatMap(name => [
    `slidev-addon-${name}`,
    ...packDependencies(`slidev-addon-${name}`, tarballs),
  ]).sort().map(name => tarballs[name] ?? name))
  const { chromium } = await import('playwright-chromium')
  let browser: Promise<Browser> | undefined
  const results: BuildResult[] = []
  /** Each consumer folder made once, whichever lane asks first. */
  const consumers = new Map<string, Promise<string>>()
  const consumerFor = (names: string[]) => {
    const key = names.join(',')
    if (!consumers.has(key))
      consumers.set(key, addonConsumer(stock, names, tarballs))
    return consumers.get(key)!
  }
  // Two decks at a time (REAL_DECKS_JOBS): a build does not keep both cores busy all the time.
  const lanes = Math.max(1, Number(process.env.REAL_DECKS_JOBS ?? 2))
  const runDeck = async (deck: Deck) => {
    const deckHash = folderHash(deck.dir)
    let stockResult: BuildResult | undefined
    for (const job of jobs.filter(j => j.deck === deck)) {
      const resultFile = join(workDir, 'results', `${deck.name}--${job.label}--${keyOf(job, deckHash)}.json`)
      if (cache && existsSync(resultFile)) {
        const cached = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult
        results.push(cached)
        stockResult ??= cached
        continue
      }
      const consumer = job.addons.length
        ? await consumerFor(job.addons)
        : stock
      let built = await buildDeck(deck, consumer, job.addons)
      if (built.error && !failureLines(built.output).length) {
        // A build that ended without a word of why (killed, or crashed) says nothing of the deck or the
        // addon: it is built once more, and the log keeps what the first one printed last.
        log(`again ${deck.name} · ${job.label}: the build ended (${built.ended}) after ${(built.ms / 1000).toFixed(1)} s without saying why; its last lines: ${lastLines(built.output)}`)
        built = await buildDeck(deck, consumer, job.addons)
      }
      const problems: string[] = []
      const notices = built.output.split('\n').map(line => line.trim()).filter(line => /^slidev-addon-[\w-]+:/.test(line))
      let look: Awaited<ReturnType<typeof lookAt>> = { consoleErrors: [] }
      if (built.error) {
        problems.push(`build failed (${built.ended}): ${failureLines(built.output).join(' | ') || lastLines(built.output)}`)
      }
      else {
        browser ??= chromium.launch({
          executablePath: chromiumExecutable(),
          args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
        })
        look = await lookAt(await browser, built.dist, job.label === 'stock')
        if (stockResult && job.label !== 'stock') {
          const stockErrors = new Set(stockResult.consoleErrors)
          for (const error of look.consoleErrors.filter(e => !stockErrors.has(e)))
            problems.push(`console: ${error}`)
        }
        if (job.addons.includes('deck-check')) {
          // Its command line, as its README gives it, from the installed tarball: no false alarm.
          const cli = await run(join(consumer, 'node_modules/.bin/slidev-deck-check'), ['slides.md'], {
            cwd: deckCopy(consumer, deck),
          }).catch((error: Error & { output?: string }) => ({ output: error.output ?? error.message, failed: true }))
          if ('failed' in cli)
            problems.push(...cli.output.split('\n').filter(line => line.trim()).map(line => `deck check: ${line}`))
        }
        if (job.addons.includes('offline-app'))
          problems.push(...await offlineProblems(await browser, built.dist))
        if (job.addons.includes('prerender') && stockResult?.slideTexts)
          problems.push(...await prerenderProblems(await browser, built.dist, stockResult.slideTexts.length, prerenderSkipped(built.output)))
        if (job.addons.includes('reading-view')) {
          if (!existsSync(join(built.dist, 'read/index.html')))
            problems.push('reading view: no read/index.html')
          else if (stockResult?.slideTexts)
            problems.push(...missingText(stockResult.slideTexts, readingSections(built.dist)))
        }
      }
      const result: BuildResult = {
        deck: deck.name,
        addons: job.label,
        ok: !problems.length,
        problems,
        notices,
        buildMs: built.ms,
        consoleErrors: look.consoleErrors,
        ...(look.slideTexts
          ? { slideTexts: look.slideTexts }
          : {}),
      }
      if (job.label === 'stock') {
        stockResult = result
        if (built.error)
          throw new Error(`${deck.name} does not build with stock Slidev ${stockSlidev}: ${built.error}`)
      }
      // A failed build is built again next run, whatever failed it; a checked one is kept.
      if (!built.error)
        writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`)
      rmSync(deckCopy(consumer, deck), { recursive: true, force: true })
      results.push(result)
      log(`${result.ok ? 'ok  ' : 'FAIL'} ${deck.name} · ${job.label} (${(built.ms / 1000).toFixed(1)} s)${result.ok
        ? ''
        : `\n     ${problems.join('\n     ')}`}`)
    }
  }
  const queue = [...decks]
  const runLane = async () => {
    for (let deck = queue.shift(); deck; deck = queue.shift())
      await runDeck(deck)
  }
  try {
    await Promise.all(Array.from({ length: lanes }, runLane))
  }
  finally {
    await (await browser)?.close()
  }
  // In the order asked for: deck by deck, stock first.
  const order = (r: BuildResult) => decks.findIndex(d => d.name === r.deck) * 1000 + jobs.findIndex(j => j.deck.name === r.deck && j.label === r.addons)
  return results.sort((a, b) => order(a) - order(b))
}

// Reporting: what follows only reads results, so a change to it keeps the results kept (harnessHash).

/** The results as a table: a row per deck, a column per build. */
export function resultsTable(results: BuildResult[]): string {
  const columns = [
    ...new Set(results.map(r => r.addons)),
  ]
  const decks = [
    ...new Set(results.map(r => r.deck)),
  ]
  const cell = (r?: BuildResult) => !r
    ? ''
    : r.ok
      ? `ok ${(r.buildMs / 1000).toFixed(0)} s`
      : `**${r.problems.length} problem${r.problems.length === 1
        ? ''
        : 's'}**`
  return [
    `| deck | ${columns.join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    ...decks.map(deck => `| ${deck} | ${columns.map(column => cell(results.find(r => r.deck === deck && r.addons === column))).join(' | ')} |`),
  ].join('\n')
}

/** Where a path is, relative to the repository (for messages). */
export const shown = (path: string) => relative(root, path) || path

/** A problem of a real deck that is still open, written down with why (tests/real-decks/known-problems.json). */
export interface KnownProblem {
  deck: string
  /** The build: 'stock', an addon's short name, or 'all'. */
  addons: string
  /** The start of the problem's line, as the run prints it. */
  problem: string
  why: string
}

export function knownProblems(file = join(decksDir, 'known-problems.json')): KnownProblem[] {
  return existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8')) as KnownProblem[]
    : []
}

/**
 * The problems no entry of `known` accounts for, and the entries that match no problem of a build
 * that ran (a problem fixed since, whose entry must go).
 */
export function compareWithKnown(results: BuildResult[], known: KnownProblem[]): { unexpected: Array<{ result: BuildResult, problem: string }>, stale: KnownProblem[] } {
  const matches = (entry: KnownProblem, result: BuildResult, problem: string) => entry.deck === result.deck && entry.addons === result.addons && problem.startsWith(entry.problem)
  const unexpected = results.flatMap(result => result.problems.filter(problem => !known.some(entry => matches(entry, result, problem))).map(problem => ({ result, problem })))
  const stale = known.filter(entry => results.some(r => r.deck === entry.deck && r.addons === entry.addons) && !results.some(result => result.problems.some(problem => matches(entry, result, problem))))
  return { unexpected, stale }
}
