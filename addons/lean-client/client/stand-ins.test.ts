import type { ResolvedSlidevOptions } from '@slidev/types'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { clientSwaps, leanClient } from '../vite-plugin'

// The lean client answers some of Slidev's imports with stand-ins (see vite-plugin.ts) that the
// build cannot check: a hook or an export that Slidev calls and a stand-in lacks is a TypeError in
// the browser only (v-motion's `t.mounted is not a function`). So each stand-in is held here to the
// module it replaces, as installed, and to what Slidev's client asks of it, read from its files.

const modules = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules')
const clientFile = (file: string) => readFileSync(join(modules, '@slidev/client', file), 'utf8')

// Slidev's rough-notation imports `roughjs/bin/math` without its extension, which Vite bundles but
// Node cannot load: it is read from its files below, and its stand-in loads this recording double.
const roughNotation = vi.hoisted(() => ({ annotated: [] as Array<Record<string, unknown>> }))
vi.mock('@slidev/rough-notation', () => ({
  annotate: (element: HTMLElement, config: object) => {
    const annotation: Record<string, unknown> = { ...config, calls: [] as string[] }
    for (const method of ['isShowing', 'show', 'hide', 'remove'])
      annotation[method] = () => (annotation.calls as string[]).push(method)
    roughNotation.annotated.push(annotation)
    return annotation
  },
}))

type Module = Record<string, unknown>

/** Each stand-in: the module it replaces, the files of Slidev's client that import it, and the two modules. */
const standIns: Array<{ source: string, standIn: string, importers: string[], real: () => Promise<Module>, own: () => Promise<Module> }> = [
  {
    source: '@vueuse/motion',
    standIn: 'motion-lazy.ts',
    importers: ['modules/v-motion.ts'],
    real: () => import('@vueuse/motion'),
    own: () => import('./motion-lazy'),
  },
  {
    source: 'drauu',
    standIn: 'drauu-lazy.ts',
    importers: ['composables/useDrawings.ts'],
    real: () => import('drauu'),
    own: () => import('./drauu-lazy'),
  },
  {
    source: 'drauu',
    standIn: 'drauu-off.ts',
    importers: ['composables/useDrawings.ts'],
    real: () => import('drauu'),
    own: () => import('./drauu-off'),
  },
  {
    source: 'floating-vue',
    standIn: 'floating-vue-lazy.ts',
    importers: [
      'internals/SlidesShow.vue',
      'internals/SlideContainer.vue',
      'internals/FormItem.vue',
      'internals/DrawingControls.vue',
      'builtin/VSwitch.ts',
      'pages/print.vue',
    ],
    real: () => import('floating-vue'),
    own: () => import('./floating-vue-lazy'),
  },
  {
    source: '@unhead/vue',
    standIn: 'head-lite.ts',
    importers: [
      'setup/root.ts',
      'pages/presenter.vue',
      'pages/overview.vue',
      'pages/notes.vue',
    ],
    real: () => import('@unhead/vue'),
    own: () => import('./head-lite'),
  },
  {
    source: '@unhead/vue/client',
    standIn: 'head-lite.ts',
    importers: ['setup/main.ts'],
    real: () => import('@unhead/vue/client'),
    own: () => import('./head-lite'),
  },
  {
    source: '@shikijs/vitepress-twoslash/client',
    standIn: 'twoslash-off.ts',
    importers: ['setup/main.ts'],
    real: () => import('@shikijs/vitepress-twoslash/client'),
    own: () => import('./twoslash-off'),
  },
]

/** The bindings `code` imports from `source` (`default` for a default import), leaving out type-only imports. */
function importedNames(code: string, source: string): string[] {
  const quoted = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const names: string[] = []
  for (const [, clause] of code.matchAll(new RegExp(`import\\s+(?!type\\s)([^'"]*?)\\s+from\\s*['"]${quoted}['"]`, 'g'))) {
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? ''
    const defaultName = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim()
    if (defaultName)
      names.push('default')
    for (const item of named.split(',').map(part => part.trim()).filter(Boolean)) {
      if (!item.startsWith('type '))
        names.push(item.split(/\s+as\s+/)[0])
    }
  }
  return names
}

/** The members `code` uses of `object` (`drauu.mode`, `original.created!(`), each once. */
function membersUsed(code: string, object: string): string[] {
  return [
    ...new Set([
      ...code.matchAll(new RegExp(`\\b${object}\\.(\\w+)`, 'g')),
    ].map(([, member]) => member)),
  ]
}

function kind(value: unknown) {
  return value === null
    ? 'null'
    : typeof value
}

describe('the lean client\'s stand-ins for modules of Slidev\'s client', () => {
  it('stand in for every module the build swaps by its importer (this list is the plugin\'s)', () => {
    for (const { source, importers } of standIns) {
      for (const importer of importers)
        expect(clientSwaps.some(swap => swap.source === source && swap.importer === importer) || source === '@unhead/vue', `${source} in ${importer}`).toBe(true)
    }
  })

  it('are what the build resolves Slidev\'s imports to', async () => {
    const plugin = (twoslash: boolean, drawings: boolean) => leanClient({
      mode: 'build',
      data: {
        config: {
          twoslash,
          drawings: { enabled: drawings },
        },
      },
    } as unknown as Pick<ResolvedSlidevOptions, 'data' | 'mode'>)
    const resolve = async (twoslash: boolean, drawings: boolean, source: string, importer: string) => {
      const resolveId = plugin(twoslash, drawings).resolveId as (source: string, importer: string) => Promise<string | undefined>
      return (await resolveId(source, `/x/node_modules/@slidev/client/${importer}`))?.replaceAll('\\', '/')
    }
    for (const { source, standIn, importers } of standIns) {
      const twoslash = standIn !== 'twoslash-off.ts' && standIn !== 'floating-vue-lazy.ts'
      const drawings = standIn !== 'drauu-off.ts'
      for (const importer of importers)
        expect(await resolve(twoslash, drawings, source, importer), `${source} in ${importer}`).toMatch(new RegExp(`/lean-client/client/${standIn}$`))
    }
  })

  for (const { source, standIn, importers, real, own } of standIns) {
    it(`${standIn} exports what Slidev imports from ${source}, of the same kind`, async () => {
      const [original, replacement] = await Promise.all([
        real(),
        own(),
      ])
      const names = importers.flatMap(importer => importedNames(clientFile(importer), source))
      expect(names.length, `Slidev's imports of ${source}`).toBeGreaterThan(0)
      for (const name of names) {
        expect(kind(original[name]), `${source}'s ${name}`).not.toBe('undefined')
        expect(kind(replacement[name]), `${standIn}'s ${name}`).toBe(kind(original[name]))
      }
    })
  }

  it('motion-lazy.ts: the directive has every hook of @vueuse/motion\'s, and those Slidev calls', async () => {
    const { MotionDirective: real } = await import('@vueuse/motion')
    const { MotionDirective: own } = await import('./motion-lazy')
    const hooks = (directive: object) => Object.entries(directive)
      .filter(([, value]) => typeof value === 'function')
      .map(([key]) => key)
      .sort()
    expect(hooks(own())).toEqual(hooks(real()))
    const called = membersUsed(clientFile('modules/v-motion.ts'), 'original')
    expect(called).toEqual(['created', 'mounted'])
    for (const hook of called)
      expect(typeof (own() as Record<string, unknown>)[hook], hook).toBe('function')
  })

  it('rough-notation-lazy.ts: exports what v-mark imports; an annotation has every method of the library\'s, and hands on what v-mark sets', async () => {
    const library = join(modules, '@slidev/rough-notation/dist')
    const exported = /export \{([^}]*)\};?\s*$/.exec(readFileSync(join(library, 'index.mjs'), 'utf8'))![1].split(',').map(name => name.trim())
    const declared = /interface RoughAnnotation extends \w+ \{([^}]*)\}/.exec(readFileSync(join(library, 'index.d.mts'), 'utf8'))![1]
    const methods = [
      ...declared.matchAll(/(\w+): \(\) =>/g),
    ].map(([, name]) => name)
    expect(methods).toEqual(['isShowing', 'show', 'hide', 'remove'])

    const own = await import('./rough-notation-lazy') as Module
    for (const name of importedNames(clientFile('modules/v-mark.ts'), '@slidev/rough-notation')) {
      expect(exported, name).toContain(name)
      expect(typeof own[name], name).toBe('function')
    }
    const annotate = own.annotate as (element: HTMLElement, config: object) => Record<string, unknown>
    const annotation = annotate(document.createElement('span'), { type: 'underline' })
    const used = membersUsed(clientFile('modules/v-mark.ts'), 'annotation')
    expect(used).toEqual(['show', 'class', 'color', 'hide'])
    for (const method of methods)
      expect(typeof annotation[method], method).toBe('function')
    // What v-mark does before the library has loaded: sets the class and colour, shows the mark.
    annotation.class = 'text-red'
    annotation.color = 'red'
    ;(annotation.show as () => void)()
    await vi.waitFor(() => expect(roughNotation.annotated).toHaveLength(1))
    expect(roughNotation.annotated[0]).toMatchObject({
      type: 'underline',
      class: 'text-red',
      color: 'red',
      calls: ['show'],
    })
  })

  it('drauu-lazy.ts and drauu-off.ts: a board has each member Slidev uses of drauu\'s, of the same kind', async () => {
    const { createDrauu: real } = await import('drauu')
    const original = real({}) as unknown as Record<string, unknown>
    const used = [
      ...new Set(['composables/useDrawings.ts', 'internals/DrawingLayer.vue', 'internals/DrawingControls.vue']
        .flatMap(file => membersUsed(clientFile(file), 'drauu'))),
    ]
    expect(used).toContain('mount')
    for (const load of [
      () => import('./drauu-lazy'),
      () => import('./drauu-off'),
    ]) {
      const { createDrauu: own } = await load()
      const board = own({}) as unknown as Record<string, unknown>
      for (const member of used)
        expect(kind(board[member]), member).toBe(kind(original[member]))
    }
  })

  it('head-lite.ts and twoslash-off.ts: what Slidev installs is a Vue plugin, as the original', async () => {
    const { createHead } = await import('@unhead/vue/client')
    const lite = await import('./head-lite')
    expect(typeof createHead().install).toBe('function')
    expect(typeof lite.createHead().install).toBe('function')
    const twoslash = await import('@shikijs/vitepress-twoslash/client')
    const off = await import('./twoslash-off')
    expect(typeof (twoslash.default as { install?: unknown }).install).toBe('function')
    expect(typeof off.default.install).toBe('function')
  })
})
