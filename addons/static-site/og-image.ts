import type { Browser } from 'playwright-chromium'
import type { BuildChromium, BuiltSiteStepPlugin } from 'slidev-addons-kit/browser'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { builtSiteStep } from 'slidev-addons-kit/browser'
import { ogImage } from './head-meta.ts'

/**
 * Renders slide 1 of a served, built deck at the link preview's size (1200×630) into
 * `og-image.png` in the site's folder: the picture that `linkPreview()` names in the meta tags.
 * The caller serves the site and brings the browser (a Playwright `Browser`).
 */
export async function renderOgImage({ browser, url, dir }: { browser: Browser, url: string, dir: string }): Promise<string> {
  const page = await browser.newPage({
    viewport: { width: ogImage.width, height: ogImage.height },
  })
  try {
    await page.goto(`${url}1`)
    await page.waitForLoadState('networkidle')
    await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached' }).catch(() => {})
    await page.evaluate(() => document.fonts.ready.then(() => {}))
    const file = join(dir, ogImage.file)
    await page.screenshot({ path: file })
    return file
  }
  finally {
    await page.close()
  }
}

/**
 * The picture, made by `slidev build` itself: once Vite has written the site, slide 1 is rendered
 * in the build's Chromium (`--executable-path`, the headmatter's `export.executablePath`, or
 * Playwright's own). Without a browser the build says so in one line, and `willRun()` is false
 * when the pages are written, so that no tag names a picture that is not there.
 */
export function ogImageStep(chromium: BuildChromium): BuiltSiteStepPlugin {
  return builtSiteStep({
    name: 'deck-og-image',
    addon: 'slidev-addon-static-site',
    without: `no link preview picture (${ogImage.file}), and no og:image tags`,
    chromium,
    run: async (browser, url, { dir, logger }) => {
      const file = await renderOgImage({ browser, url, dir })
      logger.info(`slidev-addon-static-site: ${ogImage.file} (${ogImage.width}×${ogImage.height}, ${(statSync(file).size / 1024).toFixed(0)} KiB), slide 1 for link previews`)
    },
  })
}
