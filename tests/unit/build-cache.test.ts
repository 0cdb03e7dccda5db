// @vitest-environment node
import type { BuildInputs } from '../../tools/build-cache'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildKey, buildUnlessKept, notBuildInput } from '../../tools/build-cache'

describe('npm test\'s builds, kept while nothing they read changes', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'build-cache-')), 'dist')
  afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }))
  let builds = 0
  const lines: string[] = []
  const inputs = (extra: string[] = []): BuildInputs => ({
    paths: ['tools/build-cache.ts', 'slides.md'],
    skip: notBuildInput,
    extra,
  })
  const build = async (fail = false) => {
    builds++
    if (fail)
      throw new Error('the build failed')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'index.html'), `<p>build ${builds}</p>`)
    return out
  }
  const run = (options: { extra?: string[], reuse?: boolean, fail?: boolean } = {}) => buildUnlessKept({
    out,
    inputs: inputs(options.extra),
    browser: undefined,
    reuse: options.reuse ?? true,
    build: () => build(options.fail),
    log: line => lines.push(line),
  })

  it('builds once, then keeps the site and says so', async () => {
    await run()
    await run()
    expect(builds).toBe(1)
    expect(lines.at(-1)).toMatch(/ is the build of these very files \(key [\da-f]{20}\): kept\. Remove it to build anew\.$/)
  })

  it('builds again when the command changes, when the site was written by anything else, or when asked to', async () => {
    await run({
      extra: ['--base /talk/'],
    })
    expect(builds).toBe(2)
    writeFileSync(join(out, 'index.html'), '<p>a slidev build by hand</p>')
    await run({
      extra: ['--base /talk/'],
    })
    expect(builds).toBe(3)
    await run({
      extra: ['--base /talk/'],
      reuse: false,
    })
    expect(builds).toBe(4)
  })

  it('forgets a site whose build failed', async () => {
    await expect(run({ fail: true })).rejects.toThrow('the build failed')
    await run()
    expect(builds).toBe(6)
  })

  it('reads every file a build reads, and no test, benchmark, README or test runner\'s settings', () => {
    for (const file of [
      'tests/e2e/deck.spec.ts',
      'bench/bench.ts',
      'README.md',
      'addons/road/README.md',
      'addons/road/road.test.ts',
      '.github/workflows/ci.yml',
      'docs/deck.png',
      'vitest.config.ts',
      'vitest.engines.config.ts',
      'playwright.config.ts',
      'eslint.config.js',
      'env.d.ts',
    ])
      expect(notBuildInput.test(file), file).toBe(true)
    for (const file of [
      'slides.md',
      'addons/road/road.ts',
      'components/DemoLink.vue',
      'package-lock.json',
      'public/favicon.svg',
      'data/deck.ts',
      'vite.config.ts',
      'tsconfig.json',
      'slide-bottom.vue',
    ])
      expect(notBuildInput.test(file), file).toBe(false)
    expect(buildKey(inputs())).toMatch(/^[\da-f]{20}$/)
    expect(buildKey(inputs())).toBe(buildKey(inputs()))
    expect(buildKey(inputs(['x']))).not.toBe(buildKey(inputs()))
  })
})
