import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { checkSwaps, importsSource, matchSwap, slidevClientRoot, staleSwaps } from './swaps'

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** A Slidev client as an upgrade might lay it out: the presenter page still imports useNav, the play page no longer does. */
const client = mkdtempSync(join(tmpdir(), 'slidev-client-'))
mkdirSync(join(client, 'pages'))
writeFileSync(join(client, 'package.json'), JSON.stringify({ name: '@slidev/client', version: '54.0.0' }))
writeFileSync(join(client, 'pages/presenter.vue'), `<script setup lang="ts">\nimport { useNav } from '../composables/useNav'\n</script>\n`)
writeFileSync(join(client, 'pages/play.vue'), `<script setup lang="ts">\nimport { useNav } from '../composables/useNavigation'\n</script>\n`)
afterAll(() => rmSync(client, { recursive: true, force: true }))

describe('whether a file imports a source', () => {
  it('finds static, side-effect and dynamic imports, with either quote', () => {
    expect(importsSource(`import { a } from '../x'`, '../x')).toBe(true)
    expect(importsSource(`import b from "../x"`, '../x')).toBe(true)
    expect(importsSource(`import '../x'`, '../x')).toBe(true)
    expect(importsSource(`const c = () => import('../x')`, '../x')).toBe(true)
    expect(importsSource(`export { d } from '../x'`, '../x')).toBe(true)
  })

  it('does not take a longer path, a mention or a comment for the import', () => {
    expect(importsSource(`import { a } from '../x.ts'`, '../x')).toBe(false)
    expect(importsSource(`import { a } from '../../x'`, '../x')).toBe(false)
    expect(importsSource(`const path = '../x'`, '../x')).toBe(false)
  })
})

describe('the swap an import gets', () => {
  const swaps = [
    { importer: 'pages/presenter.vue', source: '../composables/useNav', by: 'road' },
  ]

  it('matches the importer by its path inside @slidev/client, with or without a query, on any OS', () => {
    expect(matchSwap(swaps, '../composables/useNav', '/x/node_modules/@slidev/client/pages/presenter.vue')?.by).toBe('road')
    expect(matchSwap(swaps, '../composables/useNav', '/x/node_modules/@slidev/client/pages/presenter.vue?vue&type=script')?.by).toBe('road')
    expect(matchSwap(swaps, '../composables/useNav', 'C:\\x\\node_modules\\@slidev\\client\\pages\\presenter.vue')?.by).toBe('road')
  })

  it('leaves other sources, other importers and a missing importer alone', () => {
    expect(matchSwap(swaps, '../composables/useDrawings', '/x/node_modules/@slidev/client/pages/presenter.vue')).toBeUndefined()
    expect(matchSwap(swaps, '../composables/useNav', '/x/node_modules/@slidev/client/pages/play.vue')).toBeUndefined()
    expect(matchSwap(swaps, '../composables/useNav', '/x/my-deck/pages/presenter.vue')).toBeUndefined()
    expect(matchSwap(swaps, '../composables/useNav', undefined)).toBeUndefined()
  })
})

describe('the guard of an addon\'s swaps', () => {
  it('finds the client Slidev serves from its define, or from @slidev/cli', () => {
    /** A resolved config of Slidev's, whose client root Slidev defines as it serves it. */
    const config = (served: string) => ({
      root: '/deck',
      define: {
        __SLIDEV_CLIENT_ROOT__: JSON.stringify(served),
      },
    })
    expect(slidevClientRoot(config('/@fs/x/node_modules/@slidev/client'))).toBe('/x/node_modules/@slidev/client')
    expect(slidevClientRoot(config('/@fs/C:/x/@slidev/client'))).toBe('C:/x/@slidev/client')
    expect(slidevClientRoot({ root: repo })).toBe(realpathSync(join(repo, 'node_modules/@slidev/client')))
  })

  it('names each file that is gone or no longer imports the source', () => {
    expect(staleSwaps(client, [
      { importer: 'pages/presenter.vue', source: '../composables/useNav' },
      { importer: 'pages/play.vue', source: '../composables/useNav' },
      { importer: 'internals/NavControls.vue', source: '../composables/useNav' },
    ])).toEqual([
      `@slidev/client/pages/play.vue no longer imports '../composables/useNav'`,
      `@slidev/client/internals/NavControls.vue is gone (it imported '../composables/useNav')`,
    ])
  })

  it('fails naming the addon, the file, the import and the installed version', () => {
    expect(() => checkSwaps('slidev-addon-road', client, [
      { importer: 'pages/play.vue', source: '../composables/useNav' },
    ]))
      .toThrow(/^slidev-addon-road: Slidev's client \(54\.0\.0, .*\) no longer matches the files this addon swaps: @slidev\/client\/pages\/play\.vue no longer imports '\.\.\/composables\/useNav'\./)
    expect(() => checkSwaps('slidev-addon-road', client, [
      { importer: 'pages/presenter.vue', source: '../composables/useNav' },
    ]))
      .not
      .toThrow()
  })

  it('passes on the Slidev client installed here', () => {
    expect(() => checkSwaps('slidev-addon-x', slidevClientRoot({ root: repo }), [
      { importer: 'modules/v-motion.ts', source: '@vueuse/motion' },
    ])).not.toThrow()
  })
})
