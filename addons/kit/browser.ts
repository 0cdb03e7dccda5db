import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-chromium'
import type { Logger, Plugin, ResolvedConfig } from 'vite'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
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

type Probe = Promise<{ ok: true } | { missing: string }>

/** One probe per browser for the whole process: the addons of one build share the answer. */
const probes: Map<string, Probe> = ((globalThis as Record<symbol, unknown>)[Symbol.for('slidev-addons-kit:browser-probes')] ??= new Map()) as Map<string, Probe>

/**
 * Whether the build's Chromium starts: launched once and closed (about half a second), so that a
 * step can decide at the start of the build, before the pages are written, what to promise in them.
 * The answer is kept for the process, shared by every addon that asks about the same browser.
 */
export function probeBuildChromium(chromium: BuildChromium): Probe {
  const key = `${chromium.from}:${chromium.executablePath ?? ''}`
  let probe = probes.get(key)
  if (!probe) {
    probe = launchBuildChromium(chromium).then(async (launched) => {
      if ('missing' in launched)
        return launched
      await launched.browser.close()
      return { ok: true as const }
    }, (error: Error) => ({ missing: `the browser did not start (${error.message.split('\n')[0]}); ${howToGetOne}` }))
    probes.set(key, probe)
  }
  return probe
}

/** The folder a Vite build writes and the base it is served under. */
export interface BuiltSite {
  dir: string
  base: string
}

/** A step of `slidev build` that looks at the site Vite just wrote, in the build's Chromium. */
export interface BuiltSiteStepOptions {
  /** The Vite plugin's name. */
  name: string
  /** The package that speaks in the build's output: `slidev-addon-handout`. */
  addon: string
  /** What the build goes without when there is no browser, for its one line: `no handout PDF`. */
  without: string
  chromium: BuildChromium
  /** When the step runs among the build's closeBundle hooks (default: in plugin order). */
  order?: 'pre' | 'post'
  /** The step itself, with a browser and the served site's base URL (ending in `/`). */
  run: (browser: Browser, url: string, site: BuiltSite & { logger: Logger }) => Promise<void>
}

/**
 * A Vite plugin that runs a step on the written site, and says after buildStart whether it will. Its
 * hooks use no plugin context, so that another plugin may call them as its own (deck-check's does).
 */
export type BuiltSiteStepPlugin = Omit<Plugin, 'configResolved' | 'buildStart' | 'closeBundle'> & {
  /** After buildStart: whether the step will run (a browser is there); undefined before, and in dev. */
  willRun: () => boolean | undefined
  configResolved: (config: ResolvedConfig) => void
  buildStart: () => Promise<void>
  writeBundle: () => void
  closeBundle: { order?: 'pre' | 'post', sequential: true, handler: (error?: Error) => Promise<void> }
}

/**
 * A build step that needs a browser, as a Vite plugin of `slidev build` (never the dev server):
 * at buildStart it finds out whether the build's Chromium starts (`probeBuildChromium`); without
 * one it says so in one line (`slidev-addon-x: no …: no browser at …; pass --executable-path …`)
 * and the build goes on without the step. With one, the step runs at closeBundle, once Vite has
 * written the site (never after a build that failed), on that site served under the build's base.
 * A step that throws fails the build.
 */
export function builtSiteStep({ name, addon, without, chromium, order, run }: BuiltSiteStepOptions): BuiltSiteStepPlugin {
  let config: ResolvedConfig | undefined
  let available: boolean | undefined
  /** Whether Vite wrote the site: a build that failed still calls closeBundle, without an error. */
  let written = false
  return {
    name,
    apply: 'build',
    willRun: () => available,
    configResolved(resolved) {
      config = resolved
    },
    async buildStart() {
      written = false
      const probe = await probeBuildChromium(chromium)
      available = 'ok' in probe
      if ('missing' in probe)
        config?.logger.warn(`${addon}: ${without}: ${probe.missing}`)
    },
    writeBundle() {
      written = true
    },
    closeBundle: {
      order,
      sequential: true,
      async handler(error?: Error) {
        if (error || !written || !available || !config || config.build.ssr)
          return
        const site = {
          dir: resolve(config.root, config.build.outDir),
          base: config.base,
          logger: config.logger,
        }
        const done = await withBuiltSite(site.dir, site.base, chromium, (browser, url) => run(browser, url, site))
        if ('missing' in done)
          config.logger.warn(`${addon}: ${without}: ${done.missing}`)
      },
    },
  }
}
