import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'

/** The Slidev pages that ask for the screen wake lock, and how they import Slidev's composable. */
const importers = ['pages/play.vue', 'pages/presenter.vue']
const source = '../composables/useWakeLock'

/**
 * Gives Slidev's deck and presenter view this addon's wake lock (client/wake-lock.ts), which lets the
 * browser refuse it without an unhandled rejection (WebKit refuses), in `npm run dev` and the build
 * alike. The build fails, naming the page, if a Slidev upgrade no longer imports it that way.
 */
export function wakeLock(): Plugin {
  const by = fileURLToPath(new URL('./client/wake-lock.ts', import.meta.url))
  const applied = new Set<string>()
  let command: 'build' | 'serve' = 'serve'
  return {
    name: 'slidev-addon-wake-lock',
    enforce: 'pre',
    configResolved(config) {
      command = config.command
    },
    resolveId(id, importer) {
      const from = importer?.replaceAll('\\', '/').replace(/\?.*$/, '')
      const page = importers.find(file => from?.endsWith(`/@slidev/client/${file}`))
      if (id !== source || !page)
        return undefined
      applied.add(page)
      return by
    },
    buildEnd(error) {
      const missed = importers.filter(page => !applied.has(page))
      if (!error && command === 'build' && missed.length)
        this.error(`slidev-addon-wake-lock: ${missed.join(' and ')} no longer import ${source} (after a Slidev upgrade?), so WebKit's refused wake lock would be unhandled again.`)
    },
  }
}
