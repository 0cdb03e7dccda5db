import type { Browser } from 'playwright-chromium'

export interface PrintOptions {
  browser: Browser
  /** The URL of the served site's base, ending in `/`. */
  url: string
  /** Where to write the PDF. */
  output: string
  /** Milliseconds to wait for the page to be ready. Default 60 s. */
  timeout?: number
  /** Where console errors and uncaught errors of the page go. */
  warn?: (line: string) => void
}

/**
 * Prints the `/handout` page of a served, built deck (HandoutPage.vue: Slidev's own rendering of
 * every slide, beside its speaker notes) to an A4 PDF. The caller serves the site and brings the
 * browser (a Playwright `Browser` of Chromium, which prints PDFs). What the deck's slides take from other
 * sites (a remote picture) is printed as it loads; without a network it is left out, and the print goes on.
 * An uncaught error of the page (a video refused autoplay, a remote script that did not load) is a warning,
 * as it is for the deck in a browser; the print fails only when a slide does not render, and names it.
 */
export async function printHandout({ browser, url: siteUrl, output, timeout = 60_000, warn = () => {} }: PrintOptions): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: 794, height: 1123 },
  })
  try {
    const errors: string[] = []
    page.on('pageerror', (error) => {
      const line = String(error).split('\n')[0] || error.name || 'an error without a message'
      errors.push(line)
      warn(`handout page: uncaught ${line}`)
    })
    const handoutUrl = new URL('handout', siteUrl).href
    page.on('console', (msg) => {
      // Like GitHub Pages, the server answers the deep link with 404.html and status 404.
      const deepLink = msg.location().url === handoutUrl && msg.text().startsWith('Failed to load resource')
      if (msg.type() === 'error' && !deepLink)
        warn(`handout page: ${msg.text()}`)
    })

    await page.goto(handoutUrl, { waitUntil: 'load', timeout })
    await page.locator('[data-handout-ready]').waitFor({ timeout })
    // Every slide rendered (Slidev loads slides lazily) and every font in. The slides not rendered yet,
    // by number; none while the page has no row yet.
    const unrenderedSlides = () => {
      const rows = [
        ...document.querySelectorAll<HTMLElement>('.handout-row'),
      ]
      return rows.length
        ? rows.filter(row => !row.querySelector('[data-slidev-no]') || row.querySelector('.slidev-slide-loading')).map(row => row.dataset.no ?? '?')
        : null
    }
    // Asked from here, as a function: the site's policy (no 'unsafe-eval') refuses an expression.
    const deadline = Date.now() + timeout
    let unrendered = await page.evaluate(unrenderedSlides)
    while (unrendered?.length !== 0 && Date.now() < deadline) {
      await page.waitForTimeout(100)
      unrendered = await page.evaluate(unrenderedSlides)
    }
    if (unrendered?.length !== 0) {
      throw new Error(`the handout page did not render ${unrendered?.length
        ? `slide${unrendered.length > 1
          ? 's'
          : ''} ${unrendered.join(', ')}`
        : 'any slide'} within ${timeout / 1000} s${errors.length
        ? ` (its errors: ${errors.join('; ')})`
        : ''}`)
    }
    await page.evaluate(() => document.fonts.ready)

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
