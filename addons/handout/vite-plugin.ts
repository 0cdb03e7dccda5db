import type { BuildChromium, BuiltSiteStepPlugin } from 'slidev-addons-kit/browser'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { builtSiteStep } from 'slidev-addons-kit/browser'
import { printHandout } from './print.ts'

/**
 * The handout PDF, printed by `slidev build` itself: once Vite has written the site, its `/handout`
 * page is printed (print.ts) in the build's Chromium (`--executable-path`, the headmatter's
 * `export.executablePath`, or Playwright's own) into the site as `file`, beside the slides PDF.
 * Without a browser the build says so in one line and writes no PDF.
 */
export function handoutPdf({ chromium, file }: { chromium: BuildChromium, file: string }): BuiltSiteStepPlugin {
  return builtSiteStep({
    name: 'deck-handout-pdf',
    addon: 'slidev-addon-handout',
    without: `no handout PDF (${file})`,
    chromium,
    run: async (browser, url, { dir, logger }) => {
      const output = join(dir, file)
      await printHandout({
        browser,
        url,
        output,
        warn: line => logger.warn(`slidev-addon-handout: ${line}`),
      })
      logger.info(`slidev-addon-handout: ${file} (${(statSync(output).size / 1024).toFixed(0)} KiB)`)
    },
  })
}
