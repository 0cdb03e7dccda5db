import process from 'node:process'
import { buildDeck } from '../tools/build.ts'
import { parseArgs } from '../tools/slidev.ts'

// `npm run build [-- --base /name/] [--out dir]`: the static site, with both PDFs and the service
// worker. Other `slidev build` options pass through.
const { options, rest } = parseArgs(process.argv.slice(2), ['out', 'base'])
buildDeck({ out: options.out, base: options.base, args: rest }).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
