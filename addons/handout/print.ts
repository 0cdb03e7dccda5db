import type { Browser } from 'playwright-chromium'

export interface PrintOptions {
  browser: Browser
  /** The URL of the served site's base, ending in `/`. */
  url: string
  /** Where to write the PDF. */
  output: string
  /** Milliseconds to wait for the page to be ready. Default 60 s. */
  timeout?: number
  /** Where console errors of the page go. */
  warn?: (line: string) => void
}

/**
 * Prints the `/handout` page of a served, built deck (HandoutPage.vue: Slidev's own rendering of
 * every slide, beside its speaker notes) to an A4 PDF. The caller serves the site and brings the
 * browser (a Playwright `Browser` of Chromium, which prints PDFs). What the deck's slides take from other
 * sites (a remote picture) is printed as it loads; without a network it is left out, and the print goes on.
 */
export async function printHandout({ browser, url: siteUrl, output, timeout = 60_000, warn = () => {} }: PrintOptions): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: 794, height: 1123 },
  })
  try {
    const errors: string[] = []
    page.on('pageerror', error => errors.push(error.message))
    const handoutUrl = new URL('handout', siteUrl).href
    page.on('console', (msg) => {
      // Like GitHub Pages, the server answers the deep link with 404.html and status 404.
      const deepLink = msg.location().url === handoutUrl && msg.text().startsWith('Failed to load resource')
      if (msg.type() === 'error' && !deepLink)
        warn(`handout page: ${msg.text()}`)
    })

    await page.goto(handoutUrl, { waitUntil: 'load', timeout })
    await page.locator('[data-handout-ready]').waitFor({ timeout })
    // Every slide rendered (Slidev loads slides lazily) and every font in.
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('.handout-row').length
      return rows > 0
        && document.querySelectorAll('.handout-row [data-slidev-no]').length === rows
        && document.querySelectorAll('.handout .slidev-slide-loading').length === 0
    }, undefined, { timeout })
    await page.evaluate(() => document.fonts.ready)
    if (errors.length)
      throw new Error(`the handout page failed:\n${errors.join('\n')}`)

    await page.pdf({
      path: output,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
    })
  }
  finally {
    await page.close()
  }
}
