import { join } from 'node:path'
import process from 'node:process'
import { generateServiceWorker } from '../plugins/pwa.ts'
import { exportHandout } from './handout.ts'
import { buildSite, exportFilename, isMain, parseArgs } from './slidev.ts'

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
 * handout PDF printed from it into the site, and last the service worker (plugins/pwa.ts), which
 * precaches every file of the complete site, both PDFs included, for offline use.
 */
export async function buildDeck({ out, base, args, quiet }: DeckBuildOptions = {}): Promise<string> {
  const dir = await buildSite({ out, base, args, quiet })
  await exportHandout({
    site: dir,
    base,
    output: join(dir, `${exportFilename()}-handout.pdf`),
  })
  const { count, size } = await generateServiceWorker(dir)
  console.log(`Service worker: precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MiB)`)
  return dir
}

/**
 * `npm run build [-- --base /name/] [--out dir]`: the static site, with both PDFs and the service
 * worker. Other `slidev build` options pass through.
 */
export async function main(argv: string[]): Promise<void> {
  const { options, rest } = parseArgs(argv, ['out', 'base'])
  await buildDeck({ out: options.out, base: options.base, args: rest })
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
