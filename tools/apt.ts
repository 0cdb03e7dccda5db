import { spawnSync } from 'node:child_process'
import process from 'node:process'

/**
 * One thing `scripts/browser.ts` makes sure of (a browser, the engines, the broker): a line to print,
 * the Debian packages it installs, and any other commands (a download).
 */
export interface Step {
  say: string
  /** Debian packages to install: the packages of every step go to one `apt-get install`. */
  packages: string[]
  run: string[][]
}

/** A step with nothing to do but say what it found. */
export function found(say: string): Step {
  return { say, packages: [], run: [] }
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

/**
 * All the commands of `steps`, in order: one `apt-get update` and one `apt-get install` for the
 * packages of them all (a third of the time of one update and install a step), then the others.
 */
export function commandsOf(steps: Step[], apt: string[] | undefined): string[][] {
  const packages = [
    ...new Set(steps.flatMap(step => step.packages)),
  ]
  if (packages.length && !apt)
    throw new Error(`apt-get may not run here, yet ${packages.join(' ')} should be installed with it`)
  return [
    ...(packages.length
      ? aptInstall(apt!, packages)
      : []),
    ...steps.flatMap(step => step.run),
  ]
}

/** Prints what each step does and runs their commands; a failing command stops with its exit code. */
export function runSteps(steps: Step[], apt: string[] | undefined): void {
  for (const step of steps)
    console.log(step.say)
  for (const [command, ...args] of commandsOf(steps, apt)) {
    const result = spawnSync(command!, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0)
      throw new Error(`setup: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.error?.message})`)
  }
}
