import type { Browser } from 'playwright-chromium'
import type { Step } from './apt.ts'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import process from 'node:process'
import { found } from './apt.ts'

/**
 * Debian's Chromium builds, in the order they are looked for: the headless shell, what Playwright
 * itself runs headless tests in (Blink without the browser's window machinery, a third less time per
 * test here than the full browser), then the full browser.
 */
export const debianChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']

/** What Debian must have for the tests and the deck's PDFs: the headless shell and a colour emoji font for it to draw with. */
const debianPackages = ['chromium-headless-shell', 'fonts-noto-color-emoji']

/**
 * The one place that decides which Chromium the tests, the exports and the benchmark use:
 * 1. `CHROMIUM_PATH`, if set (it must exist);
 * 2. Debian's headless shell, else Debian's full Chromium;
 * 3. otherwise `undefined`: Playwright's own browser (fetched by `scripts/browser.ts` on a laptop).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`)
    return fromEnv
  }
  return debianChromiums.find(path => existsSync(path))
}

/** Flags for headless Chromium in a container with no network beyond loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Headless Chromium for the scripts (build checks, handout, pictures, benchmark), that browser with
 * those flags. Playwright is imported here, not at the top, so that `scripts/setup.sh` can use this
 * module before `npm ci` has installed it.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-chromium')
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  })
}

/** What `planChromium` may do on this machine, found out once by `inspectMachine`. */
export interface Machine {
  /** Debian (not a derivative such as Ubuntu, whose `chromium` package is a snap). */
  debian: boolean
  /** How to run apt-get without a password prompt (`[]` as root, `sudo -n` otherwise); `undefined`: no apt-get, or no right to run it. */
  apt: string[] | undefined
  /** The packages of `debianPackages` that dpkg does not list as installed (none without dpkg). */
  missingPackages: string[]
  /** The first of `debianChromiums` that is there. */
  debianChromium: string | undefined
  /** Playwright's own Chromium is downloaded already (`undefined`: not looked, node_modules may not be there yet). */
  hasPlaywrightChromium: boolean | undefined
}

/**
 * Chooses how to get a Chromium, in the order `chromiumExecutable` looks: nothing to do when the
 * headless shell is there (only the emoji font may be missing, which apt-get adds where it may run);
 * Debian's packages where apt-get may run (the full browser, when there, is kept but not used);
 * the full browser where apt-get may not; otherwise Playwright's own browser, downloaded once (with
 * the system libraries and fonts it needs, `--with-deps`, where apt-get may run).
 */
export function planChromium(machine: Machine, chromiumPath = process.env.CHROMIUM_PATH): Step {
  if (chromiumPath)
    return found(`browser: ${chromiumPath} (CHROMIUM_PATH)`)
  const missing = machine.missingPackages
  const installing = (packages: string[]) => `installing ${packages.join(' ')} from Debian (apt-get)`
  if (machine.debianChromium === debianChromiums[0]) {
    if (!missing.length || !machine.apt) {
      return found(`browser: ${machine.debianChromium}${missing.length
        ? `; emoji draw as boxes until: sudo apt-get install ${missing.join(' ')}`
        : ''}`)
    }
    return { say: `browser: ${machine.debianChromium}; ${installing(missing)}`, packages: missing, run: [] }
  }
  if (machine.debian && machine.apt)
    return { say: `browser: ${installing(missing)}`, packages: missing, run: [] }
  if (machine.debianChromium)
    return found(`browser: ${machine.debianChromium} (faster tests with: sudo apt-get install ${missing.join(' ')})`)
  if (machine.hasPlaywrightChromium !== false)
    return found('browser: Playwright\'s Chromium')
  const install = [
    'npx',
    'playwright',
    'install',
    'chromium',
  ]
  if (machine.apt && process.platform === 'linux')
    install.splice(3, 0, '--with-deps')
  return {
    say: 'browser: downloading Playwright\'s Chromium (once)',
    packages: [],
    run: [install],
  }
}

/**
 * Looks at this machine: distribution, apt rights, installed packages, and, with `playwright`
 * (which needs node_modules), whether Playwright's browser is downloaded.
 */
export async function inspectMachine({ playwright = true } = {}): Promise<Machine> {
  const osRelease = existsSync('/etc/os-release')
    ? readFileSync('/etc/os-release', 'utf8')
    : ''
  const debian = /^ID="?debian"?$/m.test(osRelease)
  const succeeds = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0
  const apt = process.platform !== 'linux' || !succeeds('apt-get', ['--version'])
    ? undefined
    : process.getuid?.() === 0
      ? []
      : succeeds('sudo', ['-n', 'true'])
        ? ['sudo', '-n']
        : undefined
  const hasDpkg = succeeds('dpkg-query', ['--version'])
  const missingPackages = hasDpkg
    ? debianPackages.filter(name => !spawnSync('dpkg-query', ['-W', `-f=\${Status}`, name], { encoding: 'utf8' })
        .stdout
        .includes('install ok installed'))
    : []
  return {
    debian,
    apt,
    missingPackages,
    debianChromium: debianChromiums.find(path => existsSync(path)),
    hasPlaywrightChromium: playwright
      ? existsSync((await import('playwright-chromium')).chromium.executablePath())
      : undefined,
  }
}
