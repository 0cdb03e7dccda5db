import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { launchChromium } from './chromium.ts'
import { serveSite } from './serve.ts'
import { buildSite, exportFilename, isMain, parseArgs, root, siteBase } from './slidev.ts'

export interface HandoutOptions {
  /** A site built by `npm run build`: print its handout instead of building the deck first. */
  site?: string
  /** The base that site was built for; read from its index.html when not given. */
  base?: string
  /** Where to write the PDF. Default: `<exportFilename>-handout.pdf` at the repository root. */
  output?: string
  /** Milliseconds to wait for the handout page to be ready. */
  timeout?: number
  /** Show Slidev's output only if the build fails. */
  quiet?: boolean
}

/**
 * Prints the deck's `/handout` page (handout/HandoutPage.vue: Slidev's own rendering of every
 * slide, beside its speaker notes) to an A4 PDF with headless Chromium.
 */
export async function printHandout(siteUrl: string, output: string, timeout = 60_000): Promise<void> {
  const origin = new URL(siteUrl).origin
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 794, height: 1123 },
    })
    const offsite: string[] = []
    const errors: string[] = []
    // The handout is made from the local site alone.
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue()
      offsite.push(url)
      return route.abort('blockedbyclient')
    })
    page.on('pageerror', error => errors.push(error.message))
    const handoutUrl = new URL('handout', siteUrl).href
    page.on('console', (msg) => {
      // Like GitHub Pages, the server answers the deep link with 404.html and status 404.
      const deepLink = msg.location().url === handoutUrl && msg.text().startsWith('Failed to load resource')
      if (msg.type() === 'error' && !deepLink)
        console.warn(`handout page: ${msg.text()}`)
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
    if (offsite.length)
      throw new Error(`the handout page asked for other hosts:\n${offsite.join('\n')}`)

    await page.pdf({
      path: output,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
    })
  }
  finally {
    await browser.close()
  }
}

/**
 * The handout PDF. Without `site`, the deck is built into a temporary folder first (without its
 * slides PDF, which the handout does not need).
 */
export async function exportHandout({ site, base, output, timeout, quiet }: HandoutOptions = {}): Promise<string> {
  const target = resolve(root, output ?? `${exportFilename()}-handout.pdf`)
  const temp = site
    ? undefined
    : mkdtempSync(join(tmpdir(), 'deck-handout-'))
  try {
    const dir = site
      ? resolve(root, site)
      : await buildSite({ out: temp, download: false, quiet })
    const served = await serveSite(dir, { base: base ?? siteBase(dir) })
    try {
      await printHandout(served.url, target, timeout)
    }
    finally {
      await served.close()
    }
  }
  finally {
    if (temp)
      rmSync(temp, { recursive: true, force: true })
  }
  console.log(`Handout PDF: ${relative(process.cwd(), target)} (${(statSync(target).size / 1024).toFixed(0)} KiB)`)
  return target
}

// `npm run export:handout [-- --site dist] [--base /name/] [--output file.pdf]`
if (isMain(import.meta.url)) {
  const { options, rest } = parseArgs(process.argv.slice(2), ['site', 'base', 'output'])
  if (rest.length) {
    console.error(`Unknown arguments: ${rest.join(' ')} (known: --site DIR, --base /name/, --output FILE)`)
    process.exit(2)
  }
  exportHandout(options).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
