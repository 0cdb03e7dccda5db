import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-chromium'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import process from 'node:process'
import sirv from 'sirv'

/**
 * The browser that an addon's build step (a picture of slide 1, the handout PDF, a look at every
 * rendered slide) runs in, found as Slidev's own export finds one, so that one setting serves both:
 * `--executable-path` on the `slidev build` command line, then the headmatter's `export.executablePath`,
 * then the browser that `playwright-chromium` downloaded, if the deck has that package.
 */
export interface BuildChromium {
  /** The browser's file; undefined for Playwright's own. */
  executablePath?: string
  /** Where the choice came from, for messages. */
  from: '--executable-path' | 'export.executablePath' | 'playwright-chromium'
}

/** `--executable-path X` or `--executable-path=X` in a command line. */
export function executablePathArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--executable-path')
      return argv[i + 1]
    if (argv[i].startsWith('--executable-path='))
      return argv[i].slice('--executable-path='.length)
  }
  return undefined
}

/** Which Chromium the build steps use (see BuildChromium). */
export function buildChromium(config: { export?: { executablePath?: unknown } }, argv: readonly string[] = process.argv): BuildChromium {
  const fromArgs = executablePathArg(argv)
  if (fromArgs)
    return { executablePath: fromArgs, from: '--executable-path' }
  const fromHeadmatter = config.export?.executablePath
  if (typeof fromHeadmatter === 'string' && fromHeadmatter)
    return { executablePath: fromHeadmatter, from: 'export.executablePath' }
  return { from: 'playwright-chromium' }
}

/** How to give the build a browser, in one sentence. */
const howToGetOne = 'pass --executable-path to slidev build (as for its PDF export), or install playwright-chromium and its browser'

/**
 * Launches the build's Chromium, or says in one line why there is none (`missing`): the package
 * is not installed, its browser was never downloaded, or the file given does not exist.
 */
export async function launchBuildChromium(chromium: BuildChromium): Promise<{ browser: Browser } | { missing: string }> {
  if (chromium.executablePath && !existsSync(chromium.executablePath))
    return { missing: `no browser at ${chromium.executablePath} (${chromium.from}); ${howToGetOne}` }
  let playwright: typeof import('playwright-chromium')
  try {
    playwright = await import('playwright-chromium')
  }
  catch {
    return { missing: `playwright-chromium is not installed; ${howToGetOne}` }
  }
  try {
    return { browser: await playwright.chromium.launch({ executablePath: chromium.executablePath }) }
  }
  catch (error) {
    const message = (error as Error).message
    if (!chromium.executablePath && /Executable doesn't exist|browserType\.launch/i.test(message))
      return { missing: `playwright-chromium has no browser downloaded; ${howToGetOne}` }
    throw error
  }
}

/** A built site served on 127.0.0.1 while a build step looks at it. */
export interface ServedSite {
  /** The site's base URL, ending in `/`. */
  url: string
  close: () => Promise<void>
}

/**
 * Serves the folder Vite just wrote under `base`, as a static host does, with the app for any path
 * that is not a file (Slidev writes its 404.html copy only after Vite's build).
 */
export async function serveBuiltSite(dir: string, base = '/'): Promise<ServedSite> {
  const files = sirv(dir, { dev: true, single: true })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base)) {
      res.statusCode = 404
      return res.end()
    }
    req.url = `/${url.slice(base.length)}`
    files(req, res, () => {
      res.statusCode = 404
      res.end()
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise(done => server.close(() => done())),
  }
}

/**
 * Runs `step` with the build's Chromium on the built site in `dir`, served under `base`, then
 * closes both. Returns `{ missing }` instead when there is no browser.
 */
export async function withBuiltSite<T>(dir: string, base: string, chromium: BuildChromium, step: (browser: Browser, url: string) => Promise<T>): Promise<{ result: T } | { missing: string }> {
  const launched = await launchBuildChromium(chromium)
  if ('missing' in launched)
    return launched
  const site = await serveBuiltSite(dir, base)
  try {
    return { result: await step(launched.browser, site.url) }
  }
  finally {
    await launched.browser.close()
    await site.close()
  }
}
