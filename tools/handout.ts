import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { launchChromium } from './chromium.ts'
import { serveSite } from './serve.ts'
import { addonModule, buildSite, exportFilename, root, siteBase } from './slidev.ts'

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
    const handout = await addonModule('handout/print.ts')
    if (!handout)
      throw new Error('slides.md: the headmatter\'s addons do not list handout, so the deck has no /handout page to print')
    const served = await serveSite(dir, { base: base ?? siteBase(dir) })
    const browser = await launchChromium()
    try {
      await handout.printHandout({
        browser,
        url: served.url,
        output: target,
        timeout,
        warn: line => console.warn(line),
      })
    }
    finally {
      await browser.close()
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
