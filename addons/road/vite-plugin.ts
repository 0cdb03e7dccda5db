import type { ReadingViewContribution } from 'slidev-addon-reading-view/extend.ts'
import type { ClientSwap } from 'slidev-addons-kit/swaps'
import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { checkSwaps, matchSwap, slidevClientRoot } from 'slidev-addons-kit/swaps'
import { isBackupSlide } from './road'

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

/** Each swap: the file of Slidev 53.0.0's client (`importer`), what it imports (`source`), and what it gets instead. */
const swaps: Array<ClientSwap & { by: string }> = [
  ...['pages/presenter.vue', 'internals/NavControls.vue'].map(importer => ({
    importer,
    source: '../composables/useNav',
    by: local('./useRoad.ts'),
  })),
  {
    importer: 'pages/presenter.vue',
    source: '../internals/TimerInlined.vue',
    by: local('./client/PresenterTimer.vue'),
  },
  {
    importer: 'pages/presenter.vue',
    source: '../internals/QuickOverview.vue',
    by: local('./client/RoadOverview.vue'),
  },
  {
    importer: 'internals/Controls.vue',
    source: './QuickOverview.vue',
    by: local('./client/RoadOverview.vue'),
  },
]

const addon = 'slidev-addon-road'

export function deckRoad(): Plugin {
  const applied = new Set<ClientSwap>()
  let command: 'build' | 'serve' = 'serve'
  return {
    name: addon,
    enforce: 'pre',
    api: {
      // slidev-addon-reading-view's contract: a backup slide is marked as one on the page too.
      readingView: {
        slideKind: ({ frontmatter }) => isBackupSlide(frontmatter)
          ? { label: 'Backup', className: 'slide--backup' }
          : undefined,
      } satisfies ReadingViewContribution,
    },
    configResolved(config) {
      command = config.command
      // In `slidev` (dev) as in the build: fail, naming the file and the import, if a Slidev upgrade
      // changed a file swapped here, instead of silently going back to walking into the backups.
      checkSwaps(addon, slidevClientRoot(config), swaps)
    },
    resolveId(source, importer) {
      const from = importer?.replaceAll('\\', '/').replace(/\?.*$/, '')
      // Slidev's timer shown anywhere else (another addon's page, say a phone remote) gets the pace too.
      if (source.replaceAll('\\', '/').endsWith('@slidev/client/internals/TimerInlined.vue') && from && from !== presenterTimer)
        return presenterTimer
      const swap = matchSwap(swaps, source, importer)
      if (!swap)
        return undefined
      applied.add(swap)
      return swap.by
    },
    buildEnd(error) {
      // And a build that never met one of these imports (its file no longer part of the client) fails too.
      const missed = swaps.filter(swap => !applied.has(swap)).map(swap => `'${swap.source}' in @slidev/client/${swap.importer}`)
      if (!error && command === 'build' && missed.length)
        this.error(`${addon}: these swaps no longer match Slidev's client (after an upgrade?): ${missed.join(', ')}.`)
    },
  }
}
