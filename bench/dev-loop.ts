import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import type { Browser } from 'playwright-chromium'
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

/**
 * The speaker's feedback loop: `npm run dev` until slide 1 is in the browser, and a save of
 * slides.md until the browser shows the change (hot reload). Runs on a copy of the deck in a
 * temporary folder, never on the real slides.md, with its own Vite cache.
 */

export interface DevLoop {
  /** Milliseconds from starting the dev server until slide 1 is shown, one per run. */
  startMs: number[]
  /** Milliseconds from saving slides.md until the browser shows the edit, one per edit. */
  hmrMs: number[]
  /** Requests the dev server answered with an error (a copy that does not work measures nothing). */
  failed: string[]
}

/** What the copy of the deck needs besides node_modules. */
/**
 * What a copy of the deck leaves out: dependencies (linked instead), what builds and tests write, the
 * tests themselves. Everything else at the top of the repository is the deck and is copied, so a new
 * folder of the deck's is never forgotten.
 */
const notDeck = new Set([
  'node_modules',
  '.git',
  '.tools',
  '.slidev',
  '.scratch',
  '.stryker-tmp',
  'dist',
  '.fixture-deck',
  'test-results',
  'playwright-report',
  'reports',
  'tests',
])

/** Packages whose files the dev server serves as they are: copied, since Vite serves files only from the project. */
const servedPackages = ['@fontsource']

/**
 * A copy of the deck whose node_modules links every package of the real one, so that Node and
 * Vite resolve the same packages while Vite's dependency cache (node_modules/.vite) is the copy's own.
 */
export function copyDeck(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deck-dev-loop-'))
  for (const file of readdirSync(root)) {
    if (!notDeck.has(file) && !file.endsWith('.pdf'))
      cpSync(join(root, file), join(dir, file), { recursive: true })
  }
  mkdirSync(join(dir, 'node_modules'))
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (servedPackages.includes(entry))
      cpSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry), { recursive: true })
    else if (entry !== '.vite' && entry !== '.cache')
      symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry))
  }
  return dir
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

function startDev(dir: string, port: number): ChildProcess {
  // The copy's own node_modules/.bin path, so that Slidev sees the copy as the project.
  const cli = join(dir, 'node_modules/@slidev/cli/bin/slidev.mjs')
  return spawn(process.execPath, [
    cli,
    'slides.md',
    '--port',
    String(port),
    '--open=false',
    '--bind',
    '127.0.0.1',
  ], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development' },
    detached: true,
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null)
      return resolve()
    child.once('exit', () => resolve())
    process.kill(-child.pid!, 'SIGTERM')
  })
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The dev server exited (${child.exitCode}):\n${log()}`)
    try {
      const response = await fetch(url)
      if (response.ok)
        return
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`The dev server did not answer at ${url} within ${timeoutMs / 1000} s:\n${log()}`)
}

/** Starts `slidev` on a copy of the deck `runs` times, and each time saves `edits` changes to slide 1's title. */
export async function measureDevLoop(browser: Browser, root: string, { runs = 3, edits = 3 } = {}): Promise<DevLoop> {
  const dir = copyDeck(root)
  const slides = join(dir, 'slides.md')
  const original = readFileSync(slides, 'utf8')
  // Slide 1's heading: the first `# ` line after the headmatter (whose YAML comments start with `# ` too).
  const title = original.replace(/^---\n[\s\S]*?\n---\n/, '').match(/^# (.+)$/m)?.[1]
  if (!title)
    throw new Error('slides.md has no "# " heading to edit')
  const result: DevLoop = { startMs: [], hmrMs: [], failed: [] }
  try {
    // Once untimed: Vite's first start pre-bundles dependencies into the copy's cache, as after `npm install`.
    for (let run = -1; run < runs; run++) {
      writeFileSync(slides, original)
      const port = await freePort()
      const started = performance.now()
      const child = startDev(dir, port)
      let output = ''
      child.stdout!.on('data', (chunk: Buffer) => output += chunk)
      child.stderr!.on('data', (chunk: Buffer) => output += chunk)
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
      })
      try {
        const page = await context.newPage()
        page.on('response', (response) => {
          if (response.status() >= 400)
            result.failed.push(`${response.status()} ${response.url()}`)
        })
        const url = `http://127.0.0.1:${port}/`
        await waitForServer(url, child, () => output)
        await page.goto(`${url}1`)
        const heading = page.locator('#slide-content .slidev-page-1 h1')
        await heading.filter({ hasText: title }).waitFor({ timeout: 120_000 })
        await page.evaluate(() => document.fonts.ready)
        if (run >= 0)
          result.startMs.push(performance.now() - started)
        for (let edit = 0; edit < (run >= 0
          ? edits
          : 1); edit++) {
          const marker = `${title} (edit ${run + 1}.${edit + 1})`
          const saved = performance.now()
          writeFileSync(slides, original.replace(`\n# ${title}\n`, `\n# ${marker}\n`))
          await heading.filter({ hasText: marker }).waitFor({ timeout: 30_000 })
          if (run >= 0)
            result.hmrMs.push(performance.now() - saved)
        }
      }
      finally {
        await context.close()
        await stop(child)
      }
    }
    return result
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
