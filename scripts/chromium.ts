import { existsSync } from 'node:fs'
import process from 'node:process'

/**
 * The one place that decides which Chromium the tests, the exports and the benchmark use:
 * 1. `CHROMIUM_PATH`, if set (it must exist);
 * 2. Debian's `/usr/bin/chromium`;
 * 3. otherwise `undefined`: Playwright's own browser (`npx playwright install chromium` on a laptop).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`)
    return fromEnv
  }
  if (existsSync('/usr/bin/chromium'))
    return '/usr/bin/chromium'
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

/** `slidev export` arguments that point it at the same browser. */
export function exportBrowserArgs(): string[] {
  const path = chromiumExecutable()
  return path
    ? ['--executable-path', path]
    : []
}
