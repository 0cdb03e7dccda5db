import type { Step } from './apt.ts'
import type { Machine } from './chromium.ts'
import { existsSync } from 'node:fs'
import { found } from './apt.ts'

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

/** What `planEngines` may do here: the packages whose file is missing, and how to run apt-get. */
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
    return found('engines: Firefox ESR, WebKitWebDriver and Xvfb')
  if (machine.debian && machine.apt) {
    return {
      say: `engines: installing ${missing.join(' ')} from Debian (apt-get)`,
      packages: missing,
      run: [],
    }
  }
  return found(`engines: npm run test:engines needs Debian's ${missing.join(' ')} (sudo apt-get install ${missing.join(' ')})`)
}

/** What this machine needs for `npm run test:engines`. */
export function enginesStep({ debian, apt }: Machine): Step {
  return planEngines({
    debian,
    apt,
    missingPackages: Object.keys(enginePackages).filter(name => !existsSync(enginePackages[name]!)),
  })
}
