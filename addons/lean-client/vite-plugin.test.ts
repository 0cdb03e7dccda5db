import type { ResolvedSlidevOptions } from '@slidev/types'
import type { Plugin } from 'vite'
import { describe, expect, it } from 'vitest'
import { chunkGuards, leanClient } from './vite-plugin'

/** A lean client for a deck with drawings and twoslash as given. */
function plugin(): Plugin {
  const options = {
    mode: 'build',
    data: {
      config: {
        twoslash: false,
        drawings: { enabled: true },
      },
    },
  }
  return leanClient(options as unknown as Pick<ResolvedSlidevOptions, 'data' | 'mode'>)
}

/** The build's modules: Slidev's client files the guards name, as a build of a deck has them. */
const buildModules = chunkGuards.map(file => `/x/node_modules/@slidev/client/${file}${file.endsWith('/')
  ? 'nav.ts'
  : ''}`)

const context = {
  error: (message: string) => {
    throw new Error(message)
  },
  getModuleIds: () => buildModules.values(),
}

describe('the lean client\'s guards against a Slidev upgrade', () => {
  it('stops the build, naming them, when its swaps match none of Slidev\'s files', () => {
    const lean = plugin()
    expect(() => (lean.buildEnd as unknown as (this: typeof context, error?: Error) => void).call(context))
      .toThrow(/^slidev-addon-lean-client: these swaps no longer match Slidev's client \(after an upgrade\?\): .*MenuButton/)
  })

  it('stops the build, naming them, when the core chunk no longer takes Slidev\'s files', () => {
    const lean = plugin()
    const output = (lean.outputOptions as (options: object) => { manualChunks: (id: string, meta: object) => string | undefined })({
      manualChunks: () => undefined,
    })
    // Slidev's client as an upgrade might lay it out: everything but the play page where it was.
    for (const file of chunkGuards.filter(file => file !== 'pages/play.vue')) {
      expect(output.manualChunks(`/x/node_modules/@slidev/client/${file}${file.endsWith('/')
        ? 'nav.ts'
        : ''}`, {})).toBe('slidev/core')
    }
    expect(() => (lean.generateBundle as unknown as (this: typeof context) => void).call(context))
      .toThrow(/^slidev-addon-lean-client: the core chunk no longer takes these files of Slidev's client \(after an upgrade\?\): pages\/play\.vue\./)
    output.manualChunks('/x/node_modules/@slidev/client/pages/play.vue', {})
    expect(() => (lean.generateBundle as unknown as (this: typeof context) => void).call(context)).not.toThrow()
  })

  it('lets a deck whose theme brings its own default layout build, without Slidev\'s in it', () => {
    const lean = plugin()
    const output = (lean.outputOptions as (options: object) => { manualChunks: (id: string, meta: object) => string | undefined })({
      manualChunks: () => undefined,
    })
    const withoutDefault = buildModules.filter(id => !id.endsWith('layouts/default.vue'))
    for (const id of withoutDefault)
      output.manualChunks(id, {})
    expect(() => (lean.generateBundle as unknown as (this: typeof context) => void).call({
      ...context,
      getModuleIds: () => withoutDefault.values(),
    })).not.toThrow()
  })
})
