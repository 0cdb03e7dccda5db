import type { Browser } from 'playwright-chromium'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import process from 'node:process'

/** Debian's Chromium (`apt-get install chromium`). */
export const debianChromium = '/usr/bin/chromium'

/** What Debian must have for the deck's PDFs: the browser and a colour emoji font for it to draw with. */
const debianPackages = ['chromium', 'fonts-noto-color-emoji']

/**
 * The one place that decides which Chromium the tests, the exports and the benchmark use:
 * 1. `CHROMIUM_PATH`, if set (it must exist);
 * 2. Debian's `/usr/bin/chromium`;
 * 3. otherwise `undefined`: Playwright's own browser (fetched by `scripts/browser.ts` on a laptop).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`)
    return fromEnv
  }
  if (existsSync(debianChromium))
    return debianChromium
  return undefined
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

/** `slidev export` arguments that point it at the same browser. */
export function exportBrowserArgs(): string[] {
  const path = chromiumExecutable()
  return path
    ? ['--executable-path', path]
    : []
}

/** What `ensureChromium` may do on this machine, found out once by `inspectMachine`. */
export interface Machine {
  /** Debian (not a derivative such as Ubuntu, whose `chromium` package is a snap). */
  debian: boolean
  /** How to run apt-get without a password prompt (`[]` as root, `sudo -n` otherwise); `undefined`: it can't. */
  apt: string[] | undefined
  /** The packages of `debianPackages` that dpkg does not list as installed (none without dpkg). */
  missingPackages: string[]
  /** `/usr/bin/chromium` is there. */
  hasDebianChromium: boolean
  /** Playwright's own Chromium is downloaded already. */
  hasPlaywrightChromium: boolean
}

/** One step of `ensureChromium`: a line to print and the commands that do it (none for a lookup). */
export interface Step {
  say: string
  run: string[][]
}

/**
 * Chooses how to get a Chromium, in the order `chromiumExecutable` looks: nothing to do when one is
 * there (only the emoji font may be missing, which apt-get adds where it may run); Debian's packages
 * where apt-get may run; otherwise Playwright's own browser, downloaded once (with the system libraries
 * and fonts it needs, `--with-deps`, where apt-get may run).
 */
export function planChromium(machine: Machine, chromiumPath = process.env.CHROMIUM_PATH): Step {
  if (chromiumPath)
    return { say: `browser: ${chromiumPath} (CHROMIUM_PATH)`, run: [] }
  const apt = (packages: string[]) => aptInstall(machine.apt!, packages)
  const missing = machine.missingPackages
  if (machine.hasDebianChromium) {
    const fonts = missing.filter(name => name !== 'chromium')
    if (!fonts.length)
      return { say: `browser: ${debianChromium}`, run: [] }
    if (machine.apt) {
      return {
        say: `browser: ${debianChromium}; installing ${fonts.join(' ')} with apt-get`,
        run: apt(fonts),
      }
    }
    return { say: `browser: ${debianChromium}; emoji draw as boxes until: sudo apt-get install ${fonts.join(' ')}`, run: [] }
  }
  if (machine.debian && machine.apt) {
    const packages = [
      ...new Set(['chromium', ...missing]),
    ]
    return {
      say: `browser: installing ${packages.join(' ')} from Debian (apt-get)`,
      run: apt(packages),
    }
  }
  if (machine.hasPlaywrightChromium)
    return { say: 'browser: Playwright\'s Chromium', run: [] }
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
    run: [install],
  }
}

/** Looks at this machine: distribution, apt rights, installed packages, Playwright's browser. */
export async function inspectMachine(): Promise<Machine> {
  const osRelease = existsSync('/etc/os-release')
    ? readFileSync('/etc/os-release', 'utf8')
    : ''
  const debian = /^ID="?debian"?$/m.test(osRelease)
  const succeeds = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0
  const apt = process.platform !== 'linux'
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
  const { chromium } = await import('playwright-chromium')
  return {
    debian,
    apt,
    missingPackages,
    hasDebianChromium: existsSync(debianChromium),
    hasPlaywrightChromium: existsSync(chromium.executablePath()),
  }
}

/** The commands that install `packages` with apt-get, without questions; `apt` is how to run it (`[]` as root, `sudo -n`). */
export function aptInstall(apt: string[], packages: string[]): string[][] {
  return [
    [...apt, 'apt-get', 'update', '-qq'],
    [
      ...apt,
      'apt-get',
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      ...packages,
    ],
  ]
}

/** Prints what a step does and runs its commands (apt-get, without questions); `what` names it in an error. */
export function runStep(step: Step, what: string): void {
  console.log(step.say)
  for (const [command, ...args] of step.run) {
    const result = spawnSync(command!, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0)
      throw new Error(`${what}: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.error?.message})`)
  }
}

/** Makes sure `chromiumExecutable()` or Playwright finds a browser; prints one line on what it finds or does. */
export async function ensureChromium(): Promise<void> {
  runStep(planChromium(await inspectMachine()), 'browser')
  chromiumExecutable()
}
