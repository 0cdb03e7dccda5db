import type { Step } from './chromium.ts'
import { existsSync } from 'node:fs'
import { aptInstall, inspectMachine, runStep } from './chromium.ts'

/**
 * What `npm run test:engines` drives besides Chromium (tests/engines/), from Debian, each package
 * with the file that shows it is there:
 * - Firefox ESR, driven by puppeteer-core over WebDriver BiDi;
 * - WebKitGTK's W3C WebDriver server, `WebKitWebDriver`, which starts WebKitGTK's MiniBrowser
 *   (in `libwebkit2gtk-4.1-0`, a dependency);
 * - Xvfb and `xvfb-run` (which needs `xauth`) for the MiniBrowser's window: it has no headless mode.
 *
 * On a Mac, Safari's own `safaridriver` (`safaridriver --enable` once) speaks the same W3C WebDriver
 * protocol as WebKitWebDriver, but tests/engines/ starts only WebKitGTK's.
 */
export const enginePackages: Record<string, string> = {
  'firefox-esr': '/usr/bin/firefox-esr',
  'webkit2gtk-driver': '/usr/bin/WebKitWebDriver',
  'xvfb': '/usr/bin/xvfb-run',
  'xauth': '/usr/bin/xauth',
}

/** What `ensureEngines` may do here: the packages whose file is missing, and how to run apt-get. */
export interface EngineMachine {
  debian: boolean
  apt: string[] | undefined
  missingPackages: string[]
}

/**
 * Nothing to do when every engine is there; Debian's packages where apt-get may run (as root, or
 * with password-less sudo); elsewhere a line on what `npm run test:engines` needs. The deck, its
 * build and the other tests need none of them, so their absence stops nothing.
 */
export function planEngines(machine: EngineMachine): Step {
  const missing = machine.missingPackages
  if (!missing.length)
    return { say: 'engines: Firefox ESR, WebKitWebDriver and Xvfb', run: [] }
  if (machine.debian && machine.apt) {
    return {
      say: `engines: installing ${missing.join(' ')} from Debian (apt-get)`,
      run: aptInstall(machine.apt, missing),
    }
  }
  return {
    say: `engines: npm run test:engines needs Debian's ${missing.join(' ')} (sudo apt-get install ${missing.join(' ')})`,
    run: [],
  }
}

/** Makes sure Firefox and WebKit are there for `npm run test:engines`; prints one line. */
export async function ensureEngines(): Promise<void> {
  const { debian, apt } = await inspectMachine()
  const step = planEngines({
    debian,
    apt,
    missingPackages: Object.keys(enginePackages).filter(name => !existsSync(enginePackages[name]!)),
  })
  runStep(step, 'engines')
}
