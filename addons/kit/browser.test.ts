// @vitest-environment node
import type { BuildChromium } from './browser.ts'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { buildChromium, builtSiteStep, executablePathArg, launchBuildChromium, probeBuildChromium, serveBuiltSite } from './browser.ts'

/** Debian's headless shell, where this machine has it: the steps that need a real browser skip without. */
const shell = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find(path => existsSync(path))
const nowhere: BuildChromium = { executablePath: '/nonexistent/chromium', from: '--executable-path' }

describe('the build\'s browser', () => {
  it('is the one on the command line, then the headmatter\'s, then Playwright\'s', () => {
    expect(executablePathArg(['build', '--executable-path', '/a'])).toBe('/a')
    expect(executablePathArg(['build', '--executable-path=/b'])).toBe('/b')
    expect(buildChromium({
      export: { executablePath: '/h' },
    }, ['build', '--executable-path', '/a'])).toEqual({ executablePath: '/a', from: '--executable-path' })
    expect(buildChromium({
      export: { executablePath: '/h' },
    }, ['build'])).toEqual({ executablePath: '/h', from: 'export.executablePath' })
    expect(buildChromium({}, ['build'])).toEqual({ from: 'playwright-chromium' })
  })

  it('is missing, in one line that says how to give one, when the file is not there', async () => {
    const launched = await launchBuildChromium(nowhere)
    expect(launched).toEqual({
      missing: expect.stringMatching(/^no browser at \/nonexistent\/chromium \(--executable-path\); pass --executable-path/),
    })
    expect(await probeBuildChromium(nowhere)).toEqual(launched)
  })

  it('is probed once per browser for the whole process', () => {
    expect(probeBuildChromium(nowhere)).toBe(probeBuildChromium({ ...nowhere }))
    expect(probeBuildChromium(nowhere)).not.toBe(probeBuildChromium({ ...nowhere, executablePath: '/elsewhere' }))
  })

  // A browser's start takes half a second on a quiet machine, several on a busy one.
  it.skipIf(!shell)('starts when it is there', async () => {
    expect(await probeBuildChromium({ executablePath: shell, from: 'export.executablePath' })).toEqual({ ok: true })
  }, 30_000)
})

describe('the built site, served while a step looks at it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kit-site-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'index.html'), '<p>app</p>')
  writeFileSync(join(dir, 'a.txt'), 'file')

  it('answers files and, for any other path under the base, the app; nothing outside the base', async () => {
    const site = await serveBuiltSite(dir, '/talk/')
    try {
      expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/talk\/$/)
      expect(await (await fetch(`${site.url}a.txt`)).text()).toBe('file')
      expect(await (await fetch(`${site.url}handout`)).text()).toBe('<p>app</p>')
      expect((await fetch(new URL('/a.txt', site.url))).status).toBe(404)
    }
    finally {
      await site.close()
    }
  })
})

describe('a build step that needs a browser', () => {
  /** A Vite build of one page with `step` as a plugin, its warnings kept. */
  async function buildWith(chromium: BuildChromium, run: Parameters<typeof builtSiteStep>[0]['run'], { fail = false } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'kit-step-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title><h1>Hello</h1>')
    const warnings: string[] = []
    const step = builtSiteStep({
      name: 'test-step',
      addon: 'slidev-addon-test',
      without: 'no picture',
      chromium,
      run,
    })
    try {
      await build({
        root,
        base: '/deck/',
        logLevel: 'silent',
        configFile: false,
        plugins: [
          step,
          {
            name: 'keep-warnings',
            configResolved: (config) => {
              config.logger.warn = message => warnings.push(message)
            },
          },
          // A build that fails once its modules are done, as one with a slide Vue cannot compile.
          ...(fail
            ? [
                {
                  name: 'fails',
                  generateBundle: () => {
                    throw new Error('a slide that does not compile')
                  },
                },
              ]
            : []),
        ],
      })
      return {
        warnings,
        willRun: step.willRun(),
      }
    }
    finally {
      rmSync(root, { recursive: true, force: true })
    }
  }

  it('says in one line what the build goes without when there is no browser, and the build goes on', async () => {
    let ran = false
    const result = await buildWith(nowhere, async () => {
      ran = true
    })
    expect(ran).toBe(false)
    expect(result.willRun).toBe(false)
    expect(result.warnings).toEqual([
      expect.stringMatching(/^slidev-addon-test: no picture: no browser at \/nonexistent\/chromium \(--executable-path\); [^\n]+$/),
    ])
  })

  it.skipIf(!shell)('runs on the site Vite just wrote, served under the build\'s base', { timeout: 30_000 }, async () => {
    let heading = ''
    let base = ''
    const result = await buildWith({ executablePath: shell, from: '--executable-path' }, async (browser, url, site) => {
      base = site.base
      const page = await browser.newPage()
      await page.goto(`${url}7`)
      heading = await page.locator('h1').textContent() ?? ''
      await page.close()
    })
    expect(result.willRun).toBe(true)
    expect(result.warnings).toEqual([])
    expect(base).toBe('/deck/')
    expect(heading).toBe('Hello')
  })

  it.skipIf(!shell)('does not run after a build that failed, whose error stays the build\'s', { timeout: 30_000 }, async () => {
    let ran = false
    await expect(buildWith({ executablePath: shell, from: '--executable-path' }, async () => {
      ran = true
    }, { fail: true })).rejects.toThrow(/a slide that does not compile/)
    expect(ran).toBe(false)
  })
})
