import type { Browser } from 'playwright-chromium'
import { join } from 'node:path'
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
