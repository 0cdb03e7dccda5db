import type { Browser } from 'playwright-chromium'
import type { Resource } from './first-load.ts'
import { devices } from 'playwright-chromium'
import { chromiumArgs, chromiumExecutable } from '../tools/chromium.ts'
import { siteResource } from './first-load.ts'

/**
 * What a phone fetches for the reading view (`read/`), and how Lighthouse rates it.
 */

export interface ReadingViewLoad {
  /** Compressed body bytes of everything the page loaded, fonts included. */
  bytes: number
  /** Compressed body bytes of its scripts. */
  scriptBytes: number
  resources: Resource[]
}

/** Opens the reading view on a Pixel 7 with an empty cache and sums what it fetched. */
export async function measureReadingView(browser: Browser, url: string): Promise<ReadingViewLoad> {
  const { defaultBrowserType: _, ...pixel7 } = devices['Pixel 7']
  const context = await browser.newContext(pixel7)
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.evaluate(() => document.fonts.ready)
    await page.waitForLoadState('networkidle')
    const origin = new URL(url).origin
    const entries = await page.evaluate(() => [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].map(e => ({
      name: e.name,
      type: (e as PerformanceResourceTiming).initiatorType,
      transfer: (e as PerformanceResourceTiming).transferSize,
      body: (e as PerformanceResourceTiming).encodedBodySize,
    })))
    const resources = entries.map(e => siteResource(origin, e))
    return {
      bytes: resources.reduce((sum, r) => sum + r.body, 0),
      scriptBytes: entries.filter(e => e.type === 'script' || /\.m?js(?:\?|$)/.test(e.name)).reduce((sum, e) => sum + e.body, 0),
      resources,
    }
  }
  finally {
    await context.close()
  }
}

export interface LighthouseScores {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  /** Audits that could not run against this Chromium (they do not count towards a score). */
  errored: string[]
}

/**
 * Lighthouse's mobile preset (a mid-range phone on a slow 4G link, simulated) against `url`, in
 * the Chromium that tools/chromium.ts resolves. Scores are 0-100.
 */
export async function lighthouseScores(url: string): Promise<LighthouseScores> {
  const [{ default: lighthouse }, { launch }] = await Promise.all([import('lighthouse'), import('chrome-launcher')])
  const chrome = await launch({
    chromePath: chromiumExecutable(),
    chromeFlags: ['--headless=new', ...chromiumArgs],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [
        'performance',
        'accessibility',
        'best-practices',
        'seo',
      ],
    })
    if (!result)
      throw new Error(`Lighthouse returned nothing for ${url}`)
    const { categories, audits, runtimeError } = result.lhr
    if (runtimeError)
      throw new Error(`Lighthouse could not load ${url}: ${runtimeError.message}`)
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      errored: Object.values(audits).filter(a => a.scoreDisplayMode === 'error').map(a => a.id),
    }
  }
  finally {
    chrome.kill()
  }
}
