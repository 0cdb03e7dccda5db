import type { ResolvedSlidevOptions } from '@slidev/types'
import type { ClientSwap } from 'slidev-addons-kit/swaps'
import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { checkSwaps, matchSwap, slidevClientRoot } from 'slidev-addons-kit/swaps'

const local = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const twoslashOff = local('./client/twoslash-off.ts')
const floatingVueLazy = local('./client/floating-vue-lazy.ts')
const emptyCss = local('./client/empty.css')
const roughNotationLazy = local('./client/rough-notation-lazy.ts')
const motionLazy = local('./client/motion-lazy.ts')
const drauuOff = local('./client/drauu-off.ts')
const drauuLazy = local('./client/drauu-lazy.ts')
const headLite = local('./client/head-lite.ts')
const slidevClient = '/@slidev/client/'
const deferredHelper = local('./client/deferred.ts')

/**
 * Components of Slidev's client that slide 1 does not need, by the file that imports them:
 * `deferred` ones load once the page has settled, `onDemand` ones the first time they render.
 */
const lateComponents: Array<ClientSwap & { load: 'deferred' | 'onDemand' }> = [
  // The dialogs: overview (o), go to (g), context menu, info. Their code includes a fuzzy search.
  { importer: 'pages/play.vue', source: '../internals/Controls.vue', load: 'deferred' },
  // The toolbar that shows when the pointer is near the bottom left corner, with its settings menu.
  { importer: 'pages/play.vue', source: '../internals/NavControls.vue', load: 'deferred' },
  // Handles of draggable elements (`v-drag`), which this deck does not use.
  { importer: 'internals/SlidesShow.vue', source: './DragControl.vue', load: 'onDemand' },
]
const latePrefix = '\0deck-late:'

/** Components of Slidev's client replaced by the deck's own, by the file that imports them. */
const replacedComponents: Array<ClientSwap & { by: string }> = [
  // A button nested in a button (axe: nested-interactive) in the toolbar's menus.
  ...['NavControls.vue', 'SyncControls.vue', 'RecordingControls.vue'].map(file => ({
    importer: `internals/${file}`,
    source: './MenuButton.vue',
    by: local('./client/MenuButton.vue'),
  })),
]

/**
 * Slidev's `manualChunks` puts every `/node_modules/@vue…` module into the `modules/vue` chunk that
 * slide 1 loads, `@vueuse/motion` included; these stay in chunks of their own, loaded when used.
 */
const ownChunk = /\/node_modules\/@vueuse\/motion\//

/**
 * The drawing and recording controls (draggable panels, camera, device lists) are the only users
 * of a few `@vueuse/core` functions (`useDraggable`, `useDevicesList`). Those files get a copy of
 * the library (and of `@vueuse/shared`) of their own, bundled with them and loaded when they are,
 * so the `modules/vue` chunk that slide 1 loads does not grow with drawing and recording on.
 */
const lateVueuseImporters = ['internals/Draggable.vue', 'internals/WebCamera.vue', 'logic/recording.ts']
const lateCopy = '?deck-late-copy'

/**
 * The files of Slidev 53.0.0's client whose imports the swaps below answer, and what each imports:
 * checked against the installed client when the build starts (slidev-addons-kit/swaps), so that an
 * upgrade that moved one fails the build, naming the file and the import, before anything is built.
 */
export const clientSwaps: ClientSwap[] = [
  { importer: 'logic/utils.ts', source: '@slidev/parser/core' },
  { importer: 'modules/v-mark.ts', source: '@slidev/rough-notation' },
  { importer: 'modules/v-motion.ts', source: '@vueuse/motion' },
  { importer: 'setup/main.ts', source: '@unhead/vue/client' },
  { importer: 'setup/root.ts', source: '@unhead/vue' },
  { importer: 'composables/useDrawings.ts', source: 'drauu' },
  ...lateVueuseImporters.map(importer => ({ importer, source: '@vueuse/core' })),
  ...replacedComponents.map(({ importer, source }) => ({ importer, source })),
  ...lateComponents.map(({ importer, source }) => ({ importer, source })),
  { importer: 'setup/main.ts', source: '@shikijs/vitepress-twoslash/client' },
  { importer: 'styles/index.ts', source: '@shikijs/vitepress-twoslash/style.css' },
  ...[
    'internals/SlidesShow.vue',
    'internals/SlideContainer.vue',
    'internals/FormItem.vue',
    'internals/DrawingControls.vue',
    'builtin/VSwitch.ts',
    'pages/print.vue',
  ]
    .map(importer => ({ importer, source: 'floating-vue' })),
]

/**
 * The core of Slidev's client (its state, composables and logic, and their small helpers), which
 * the first load needs nearly all of, in one chunk: otherwise every module that a later view shares
 * (presenter, overview, handout) becomes a chunk of its own and slide 1 waits for ten small files.
 * The drawing layer, which every view mounts, is small and joins it; the recording logic (camera,
 * screen capture, their settings) stays with the toolbar and dialogs that use it.
 */
const coreChunk = /\/@slidev\/client\/(?:[\w-]+\.ts$|state\/|composables\/|logic\/(?!recording\.ts)|internals\/DrawingLayer\.vue$)|\/@antfu\/utils\/|\/@slidev\/parser\/dist\/utils/

/**
 * What the slide show itself needs before slide 1 can show, whichever slide it is: the play page,
 * the slide frame and its layers, the deck's global layers (`global-top.vue`, `slide-bottom.vue`)
 * and what they import, the layouts of the title slide and of most slides, and the magic-move
 * styles Slidev imports globally. Split by route, they were nine files of under 3 KiB each that
 * slide 1 fetched one after another; in the core chunk they cost one request.
 */
/** Files of Slidev's client (folders end in `/`) that coreChunk and showChunk must each find in a build. */
export const chunkGuards = [
  'state/',
  'composables/',
  'logic/',
  'pages/play.vue',
  'internals/SlidesShow.vue',
  'internals/SlideWrapper.vue',
  'layouts/default.vue',
]

const showChunk = /\/@slidev\/client\/(?:pages\/play\.vue|internals\/(?:SlidesShow|SlideWrapper|PresenterMouse|LaserPointer)\.vue|layouts\/default\.vue)|\/@slidev\/theme-default\/(?:layoutHelper\.ts|layouts\/cover\.vue)|\/@shikijs\/magic-move\/.*\.css|[/-]lean-client\/client\/deferred\.ts$/

/**
 * Keeps code that slide 1 does not need out of the built deck's first load. Slidev's client
 * imports a few things eagerly that this deck either never uses or needs only later:
 *
 * - Vue's template compiler: Slidev points `vue` at the full build, but every component of the
 *   deck and of Slidev is compiled ahead of time, so the built site gets the runtime-only build
 *   (about 20 KiB gzip). A component with a `template:` string would not render: write SFCs.
 * - YAML: the client imports `parseRangeString` from `@slidev/parser/core`, which pulls in a YAML
 *   parser; the same function comes from `@slidev/parser/utils` without it.
 * - twoslash: with `twoslash: false` in the headmatter there are no twoslash popups, so its Vue
 *   plugin and styles are left out, and floating-vue (tooltips) loads only when a tooltip is shown.
 * - `v-mark`'s drawing library and `v-motion`'s animation library load when a slide first uses them.
 * - drawings: the drawing library loads when drawing is first used (`drawings.enabled: false`
 *   leaves it out); recording (`record`) loads with the toolbar, its recorder when recording starts.
 * - unhead: Slidev sets only the title and `<html lang>`, which client/head-lite.ts does.
 * - Slidev's core modules go into one chunk instead of ten (`coreChunk`), and with them what the
 *   slide show needs before any slide shows (`showChunk`).
 * - The toolbar's menu button, which nests a button in a button, is replaced (`replacedComponents`).
 * - Dialogs, the hover toolbar and drag handles load after slide 1 (`lateComponents`).
 *
 * Only the build is changed; `slidev` (dev) and `slidev export` run Slidev as it is.
 * tests/e2e checks that every slide, the presenter view and the overview still work.
 */
export function leanClient(options: Pick<ResolvedSlidevOptions, 'data' | 'mode'>): Plugin {
  const twoslash = options.data.config.twoslash
  const twoslashOn = twoslash === true || twoslash === options.mode
  const drawings = options.data.config.drawings.enabled
  const drawingsOn = drawings === true || drawings === options.mode
  // Every swap below matches a file of Slidev 53's client by path. Before the build, the files named in
  // clientSwaps must still import what is swapped (configResolved); after it, the build fails, naming
  // the swap, if one never applied (this also covers the Vue alias and the @vueuse/core copies, which no
  // file of Slidev's names), instead of silently growing.
  const expected = new Set<string>([
    'vue runtime',
    '@slidev/parser/utils',
    '@slidev/rough-notation',
    '@vueuse/motion',
    '@unhead/vue',
    '@vueuse/core (recording)',
    ...replacedComponents.map(c => c.source),
    ...lateComponents.map(c => c.source),
    'drauu',
    ...(twoslashOn
      ? []
      : ['@shikijs/vitepress-twoslash/client', 'floating-vue']),
  ])
  const applied = new Set<string>()
  /** Files of Slidev's client the core chunk took (`chunkGuards`), so that a moved file fails the build. */
  const chunked = new Set<string>()
  let chunking = false
  const swap = <T>(name: string, to: T): T => {
    applied.add(name)
    return to
  }
  return {
    name: 'slidev-addon-lean-client',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      // Before anything is built: each file of Slidev's client named in clientSwaps still imports what is swapped.
      checkSwaps('slidev-addon-lean-client', slidevClientRoot(config), clientSwaps)
    },
    async resolveId(source, importer) {
      // Slidev aliases `vue` to this file; the runtime-only build sits next to it.
      if (source.endsWith('/vue/dist/vue.esm-bundler.js'))
        return swap('vue runtime', source.replace(/vue\.esm-bundler\.js$/, 'vue.runtime.esm-bundler.js'))
      const from = importer?.replaceAll('\\', '/').replace(/\?.*$/, '')
      if (source === '@slidev/parser/core' && from?.endsWith('/@slidev/client/logic/utils.ts'))
        return swap('@slidev/parser/utils', await this.resolve('@slidev/parser/utils', importer, { skipSelf: true }))
      if (source === '@slidev/rough-notation' && from?.endsWith(`${slidevClient}modules/v-mark.ts`))
        return swap(source, roughNotationLazy)
      if (source === '@vueuse/motion' && from?.endsWith(`${slidevClient}modules/v-motion.ts`))
        return swap(source, motionLazy)
      if ((source === '@unhead/vue' || source === '@unhead/vue/client') && from?.includes(slidevClient))
        return swap('@unhead/vue', headLite)
      const lateVueuse = (source === '@vueuse/core' && lateVueuseImporters.some(file => from?.endsWith(`${slidevClient}${file}`)))
        || (source === '@vueuse/shared' && importer?.endsWith(lateCopy))
      if (lateVueuse) {
        const resolved = await this.resolve(source, importer, { skipSelf: true })
        return swap('@vueuse/core (recording)', resolved && `${resolved.id}${lateCopy}`)
      }
      if (source === 'drauu' && from?.includes(slidevClient))
        return swap(source, drawingsOn ? drauuLazy : drauuOff)
      const replaced = matchSwap(replacedComponents, source, importer)
      if (replaced)
        return swap(source, replaced.by)
      const late = matchSwap(lateComponents, source, importer)
      if (late) {
        const resolved = await this.resolve(source, importer, { skipSelf: true })
        return swap(source, resolved && `${latePrefix}${late.load}:${resolved.id}`)
      }
      if (twoslashOn)
        return undefined
      if (source === '@shikijs/vitepress-twoslash/client')
        return swap(source, twoslashOff)
      if (source === '@shikijs/vitepress-twoslash/style.css')
        return emptyCss
      if (source === 'floating-vue' && from?.includes(slidevClient))
        return swap(source, floatingVueLazy)
      return undefined
    },
    buildEnd(error) {
      const missed = [...expected].filter(name => !applied.has(name))
      if (!error && missed.length) {
        this.error(`slidev-addon-lean-client: these swaps no longer match Slidev's client (after an upgrade?): ${missed.join(', ')}. `
          + 'Update their paths in slidev-addon-lean-client/vite-plugin.ts, or remove them.')
      }
    },
    outputOptions(output) {
      const slidevChunks = output.manualChunks
      if (typeof slidevChunks !== 'function')
        return undefined
      chunking = true
      return {
        ...output,
        manualChunks: (id, meta) => {
          if (ownChunk.test(id) || id.endsWith(lateCopy))
            return undefined
          if (coreChunk.test(id) || showChunk.test(id)) {
            for (const file of chunkGuards) {
              if (id.includes(`${slidevClient}${file}`))
                chunked.add(file)
            }
            return 'slidev/core'
          }
          return slidevChunks(id, meta)
        },
      }
    },
    generateBundle() {
      // The chunk patterns match Slidev's files by path, like the swaps: a file an upgrade moved
      // would silently fall back into a chunk of its own, and slide 1 would wait for it.
      // Only a file the build has: a theme's own default layout leaves Slidev's out of the deck, which
      // is no upgrade (a real deck with slidev-theme-academic found that).
      const inBuild = [
        ...this.getModuleIds(),
      ].map(id => id.replaceAll('\\', '/'))
      const missed = chunkGuards.filter(file => !chunked.has(file) && inBuild.some(id => id.includes(`${slidevClient}${file}`)))
      if (chunking && missed.length) {
        this.error(`slidev-addon-lean-client: the core chunk no longer takes these files of Slidev's client (after an upgrade?): ${missed.join(', ')}. `
          + 'Update coreChunk and showChunk in slidev-addon-lean-client/vite-plugin.ts.')
      }
    },
    load(id) {
      if (!id.startsWith(latePrefix))
        return undefined
      const [load, ...path] = id.slice(latePrefix.length).split(':')
      return [
        `import { ${load} } from ${JSON.stringify(deferredHelper)}`,
        `export default ${load}(() => import(${JSON.stringify(path.join(':'))}))`,
      ].join('\n')
    },
  }
}
