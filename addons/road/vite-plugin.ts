import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'

const local = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Parts of Slidev's client that get the deck's own version, by the file that imports them, in the
 * dev server and the build alike:
 *
 * - `useNav` of the presenter view and the toolbar's arrows: the moves follow the talk's road
 *   (useRoad.ts), so the presenter's "next" preview shows what → will show. Swipes keep
 *   Slidev's: a reader on a phone walks every slide, backups included.
 * - The presenter view's timer: beside it, the pace of the current part (plan.ts) and, on a demo
 *   slide, how many backups are one ↓ away (client/PresenterTimer.vue).
 * - The overview (`o`): backups sit under their demo slide (client/RoadOverview.vue).
 */
const presenterTimer = local('./client/PresenterTimer.vue').replaceAll('\\', '/')

const swaps: Array<{ importers: string[], source: string, by: string }> = [
  {
    importers: ['pages/presenter.vue', 'internals/NavControls.vue'],
    source: '../composables/useNav',
    by: local('./useRoad.ts'),
  },
  {
    importers: ['pages/presenter.vue'],
    source: '../internals/TimerInlined.vue',
    by: local('./client/PresenterTimer.vue'),
  },
  {
    importers: ['pages/presenter.vue'],
    source: '../internals/QuickOverview.vue',
    by: local('./client/RoadOverview.vue'),
  },
  {
    importers: ['internals/Controls.vue'],
    source: './QuickOverview.vue',
    by: local('./client/RoadOverview.vue'),
  },
]

export function deckRoad(): Plugin {
  const applied = new Set<string>()
  let command: 'build' | 'serve' = 'serve'
  return {
    name: 'slidev-addon-road',
    enforce: 'pre',
    configResolved(config) {
      command = config.command
    },
    resolveId(source, importer) {
      const from = importer?.replaceAll('\\', '/').replace(/\?.*$/, '')
      // Slidev's timer shown anywhere else (another addon's page, say a phone remote) gets the pace too.
      if (source.replaceAll('\\', '/').endsWith('@slidev/client/internals/TimerInlined.vue') && from && from !== presenterTimer)
        return presenterTimer
      for (const [index, swap] of swaps.entries()) {
        const match = swap.importers.find(file => from?.endsWith(`/@slidev/client/${file}`))
        if (source === swap.source && match) {
          applied.add(`${match} → ${index}`)
          return swap.by
        }
      }
      return undefined
    },
    buildEnd(error) {
      // Every swap matches a file of Slidev 53's client by path: fail the build, naming it, if an
      // upgrade moved one, instead of silently going back to walking into the backups.
      const missed = swaps.flatMap((swap, index) => swap.importers
        .filter(file => !applied.has(`${file} → ${index}`))
        .map(file => `${swap.source} in ${file}`))
      if (!error && command === 'build' && missed.length)
        this.error(`slidev-addon-road: these swaps no longer match Slidev's client (after an upgrade?): ${missed.join(', ')}.`)
    },
  }
}
