// @vitest-environment node
import type { Browser } from 'playwright-chromium'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-chromium'
import { serveBuiltSite } from 'slidev-addons-kit/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { printHandout } from './print.ts'

/** Debian's headless shell, where this machine has it: printing needs a real Chromium. */
const shell = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find(path => existsSync(path))

/**
 * A site whose every page is `body`: the shape of the handout page that print.ts waits for, under a
 * policy like a built deck's, which lets no string be evaluated as script.
 */
function siteOf(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'handout-print-'))
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'"><title>Handout</title><body>${body}</body></html>`)
  return dir
}
function row(no: number, rendered = true) {
  return `<section class="handout-row" data-no="${no}">${rendered
    ? `<div data-slidev-no="${no}">Slide ${no}</div>`
    : '<div class="slidev-slide-loading"></div>'}</section>`
}

describe.skipIf(!shell)('printing the handout', () => {
  let browser: Browser
  const dirs: string[] = []
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: shell })
  })
  afterAll(async () => {
    await browser?.close()
    for (const dir of dirs)
      rmSync(dir, { recursive: true, force: true })
  })

  async function print(body: string, timeout = 10_000) {
    const dir = siteOf(body)
    dirs.push(dir)
    const site = await serveBuiltSite(dir)
    const warnings: string[] = []
    const output = join(dir, 'handout.pdf')
    try {
      const error = await printHandout({
        browser,
        url: site.url,
        output,
        timeout,
        warn: line => warnings.push(line),
      })
        .then(() => undefined, (e: Error) => e)
      return { error, warnings, output }
    }
    finally {
      await site.close()
    }
  }

  it('a slide whose video refuses to autoplay still prints, with the refusal as a warning', async () => {
    const { error, warnings, output } = await print(`<main data-handout-ready>${row(1)}${row(2)}</main>
      <script>Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError'))</script>`)
    expect(error).toBeUndefined()
    expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-')
    expect(warnings).toContainEqual(expect.stringMatching(/^handout page: uncaught NotAllowedError: play\(\) failed/))
  })

  it('a slide that never renders fails the print, named by its number with the page\'s errors', async () => {
    const { error, output } = await print(`<main data-handout-ready>${row(1)}${row(2, false)}${row(3, false)}</main>
      <script>setTimeout(() => { throw new TypeError('slide 2 broke') })</script>`, 1500)
    expect(error?.message).toBe('the handout page did not render slides 2, 3 within 1.5 s (its errors: TypeError: slide 2 broke)')
    expect(existsSync(output)).toBe(false)
  })
})
