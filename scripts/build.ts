import process from 'node:process'
import { buildSite, isMain, parseArgs } from './slidev.ts'

/**
 * `npm run build [-- --base /name/] [--out dir]`: the static site, with the slides PDF in it and
 * Slidev's download button. Other `slidev build` options pass through.
 */
export async function main(argv: string[]): Promise<void> {
  const { options, rest } = parseArgs(argv, ['out', 'base'])
  await buildSite({ out: options.out, base: options.base, args: rest })
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
