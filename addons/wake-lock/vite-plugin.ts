import type { ClientSwap } from 'slidev-addons-kit/swaps'
import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { checkSwaps, matchSwap, slidevClientRoot } from 'slidev-addons-kit/swaps'

const addon = 'slidev-addon-wake-lock'

/** The Slidev 53.0.0 pages that ask for the screen wake lock, and how they import Slidev's composable. */
export const swaps: ClientSwap[] = ['pages/play.vue', 'pages/presenter.vue']
  .map(importer => ({ importer, source: '../composables/useWakeLock' }))

/**
 * Gives Slidev's deck and presenter view this addon's wake lock (client/wake-lock.ts), which lets the
 * browser refuse it without an unhandled rejection (WebKit refuses), in `npm run dev` and the build
 * alike. Both fail at start, naming the page, if a Slidev upgrade no longer imports it that way; a
 * build also fails if a page never got the swap.
 */
export function wakeLock(): Plugin {
  const by = fileURLToPath(new URL('./client/wake-lock.ts', import.meta.url))
  const applied = new Set<ClientSwap>()
  let command: 'build' | 'serve' = 'serve'
  return {
    name: addon,
    enforce: 'pre',
    configResolved(config) {
      command = config.command
      checkSwaps(addon, slidevClientRoot(config), swaps)
    },
    resolveId(id, importer) {
      const swap = matchSwap(swaps, id, importer)
      if (!swap)
        return undefined
      applied.add(swap)
      return by
    },
    buildEnd(error) {
      const missed = swaps.filter(swap => !applied.has(swap)).map(swap => `@slidev/client/${swap.importer}`)
      if (!error && command === 'build' && missed.length)
        this.error(`${addon}: ${missed.join(' and ')} no longer import ${swaps[0].source} (after a Slidev upgrade?), so WebKit's refused wake lock would be unhandled again.`)
    },
  }
}
