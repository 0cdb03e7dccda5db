import type { Client } from 'webdriver'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import process from 'node:process'
import puppeteer from 'puppeteer-core'
import WebDriver from 'webdriver'
import { chromiumArgs, chromiumExecutable } from '../../tools/chromium'

/**
 * The three browser engines of the audience, each driven by what reaches it here with the least code:
 *
 * - Chromium and Firefox by puppeteer-core: Chromium over its DevTools protocol, Debian's Firefox ESR
 *   over WebDriver BiDi. One API for both, and no driver binary to install (WebdriverIO would need
 *   geckodriver, which Debian does not package and which WebdriverIO downloads when it runs).
 * - WebKit by `webdriver`, WebdriverIO's W3C WebDriver client, talking to WebKitGTK's `WebKitWebDriver`,
 *   which starts WebKitGTK's MiniBrowser in Xvfb (`xvfb-run -a`). WebKitWebDriver 2.50 speaks
 *   classic WebDriver only (asking it for BiDi, `webSocketUrl`, is refused), so the plain client
 *   does all that is needed, without the rest of WebdriverIO (whose peer range also excludes the
 *   puppeteer-core in use). On a Mac the same protocol drives Safari through `safaridriver`.
 *
 * Each engine is one `Tab`: what the journeys in journeys.ts do, in the same words for every engine.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit'

export interface Tab {
  /** Loads `url` and waits for its load event. */
  goto: (url: string) => Promise<void>
  /** Runs `fn` in the page with JSON-able arguments and returns its (awaited) result. */
  run: <T, A extends unknown[]>(fn: (...args: A) => T, ...args: A) => Promise<Awaited<T>>
  /** Presses and releases a key, as a keyboard or a clicker does. */
  press: (key: 'ArrowRight' | 'ArrowLeft') => Promise<void>
  /** Sizes the page's viewport as close to `width` × `height` as the engine allows; returns what it got. */
  resize: (width: number, height: number) => Promise<{ width: number, height: number }>
  close: () => Promise<void>
}

/** Starts `engine` with one page open on a blank document. */
export function launch(engine: Engine): Promise<Tab> {
  return engine === 'webkit'
    ? launchWebKit()
    : launchWithPuppeteer(engine)
}

const viewportSize = () => ({ width: innerWidth, height: innerHeight })

async function launchWithPuppeteer(engine: 'chromium' | 'firefox'): Promise<Tab> {
  const browser = engine === 'chromium'
    ? await puppeteer.launch({
        browser: 'chrome',
        // The deck's Chromium (tools/chromium.ts): Debian's, or Playwright's where it was downloaded.
        executablePath: chromiumExecutable() ?? (await import('playwright-chromium')).chromium.executablePath(),
        args: chromiumArgs,
      })
    : await puppeteer.launch({
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      })
  const page = (await browser.pages())[0] ?? await browser.newPage()
  return {
    goto: async (url) => {
      await page.goto(url)
    },
    run: (fn, ...args) => page.evaluate(fn as (...args: unknown[]) => unknown, ...args) as never,
    press: key => page.keyboard.press(key),
    resize: async (width, height) => {
      await page.setViewport({ width, height })
      return page.evaluate(viewportSize)
    },
    close: () => browser.close(),
  }
}

/** WebKitGTK's MiniBrowser, where Debian puts it for this machine's architecture. */
function miniBrowser(): string {
  const found = readdirSync('/usr/lib', { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => `/usr/lib/${entry.name}/webkit2gtk-4.1/MiniBrowser`)
    .find(path => existsSync(path))
  if (!found)
    throw new Error('No WebKitGTK MiniBrowser in /usr/lib/*/webkit2gtk-4.1/: apt-get install webkit2gtk-driver (scripts/setup.sh does)')
  return found
}

/** A TCP port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise(done => server.close(done))
  return port
}

/** W3C WebDriver's code for a key (https://w3c.github.io/webdriver/#keyboard-actions). */
const webDriverKeys = { ArrowLeft: '\uE012', ArrowRight: '\uE014' }

async function launchWebKit(): Promise<Tab> {
  const binary = miniBrowser()
  const port = await freePort()
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and the browser together.
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true })
  const stop = () => {
    try {
      process.kill(-driver.pid!)
    }
    catch {}
  }
  process.once('exit', stop)
  let client: Client
  try {
    client = await WebDriver.newSession({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryCount: 10,
      capabilities: {
        'browserName': 'MiniBrowser',
        // WebKitWebDriver has no BiDi: ask for classic WebDriver only.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary,
          args: ['--automation'],
        },
      } as WebdriverIO.Capabilities, // whose type has no key for WebKitGTK's own options
    })
  }
  catch (error) {
    stop()
    throw error
  }
  return {
    goto: async (url) => {
      await client.navigateTo(url)
    },
    // Classic WebDriver runs a function body; it awaits a promise the script returns.
    run: (fn, ...args) => client.executeScript(`return (${fn}).apply(null, arguments)`, args as object[]),
    press: key => client.performActions([
      {
        type: 'key',
        id: 'keyboard',
        actions: [
          { type: 'keyDown', value: webDriverKeys[key] },
          { type: 'keyUp', value: webDriverKeys[key] },
        ],
      },
    ]),
    resize: async (width, height) => {
      // The window holds the MiniBrowser's toolbar too, and is no narrower than it (about 447 px).
      const outside = await client.executeScript('return outerHeight - innerHeight', []) as number
      await client.setWindowRect(null, null, width, height + outside)
      return client.executeScript(`return (${viewportSize})()`, []) as Promise<{ width: number, height: number }>
    },
    close: async () => {
      await client.deleteSession().catch(() => {})
      stop()
      process.off('exit', stop)
    },
  }
}
