import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'

/**
 * Preloaded (`node --import`) into the `slidev build --download` and `slidev export` that
 * tools/slidev.ts runs, so that the slides PDF is tagged: its text in reading order under a structure
 * tree with the slides' headings, which a screen reader reads aloud, as the handout PDF already is.
 * Slidev 53's export calls Playwright's `page.pdf()` without `tagged` and offers no way to pass it
 * (slidevjs/slidev#2273 proposes it upstream); Slidev's own outline, metadata and links are kept,
 * since they are added to the PDF afterwards. Each page that Slidev opens in the Chromium it launches
 * prints with `tagged: true` unless the call says otherwise. Remove this file once Slidev passes it.
 */
function tagPages(page: Page): Page {
  const pdf = page.pdf.bind(page)
  page.pdf = options => pdf({ tagged: true, ...options })
  return page
}

function tagContext(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context)
  context.newPage = async () => tagPages(await newPage())
  return context
}

function tagBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser)
  // Browser.newPage() makes its context through newContext(), so it is covered too.
  browser.newContext = async options => tagContext(await newContext(options))
  return browser
}

const launch = chromium.launch.bind(chromium)
chromium.launch = async options => tagBrowser(await launch(options))
