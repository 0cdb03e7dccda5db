import { join } from 'node:path'
import { exportHandout } from './handout.ts'
import { addonModule, buildSite, exportFilename } from './slidev.ts'

export interface DeckBuildOptions {
  /** Output folder, relative to the repository root. Default `dist`. */
  out?: string
  /** `--base` for a site served below the domain root, e.g. `/building-rust-for-production/`. */
  base?: string
  /** Further `slidev build` arguments, passed through as given. */
  args?: string[]
  /** Show Slidev's output only if the build fails. */
  quiet?: boolean
}

/**
 * The site as it is hosted: Slidev's build with the slides PDF (and its download button), the
 * handout PDF printed from it into the site, and last the service worker (slidev-addon-offline-app), which
 * precaches every file of the complete site, both PDFs included, for offline use.
 */
export async function buildDeck({ out, base, args, quiet }: DeckBuildOptions = {}): Promise<string> {
  // The service worker is generated last, once both PDFs are in the site.
  const dir = await buildSite({
    out,
    base,
    args,
    quiet,
    env: { SLIDEV_OFFLINE_APP_WORKER: 'later' },
  })
  if (await addonModule('handout/print.ts')) {
    await exportHandout({
      site: dir,
      base,
      output: join(dir, `${exportFilename()}-handout.pdf`),
    })
  }
  const offline = await addonModule('offline-app/vite-plugin.ts')
  if (offline) {
    const { count, size } = await offline.generateServiceWorker(dir)
    console.log(`Service worker: precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MiB)`)
  }
  return dir
}
