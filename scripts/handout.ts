import process from 'node:process'
import { exportHandout } from '../tools/handout.ts'
import { parseArgs } from '../tools/slidev.ts'

// `npm run export:handout [-- --site dist] [--output file.pdf]`: the handout PDF that `slidev build`
// prints (slidev-addon-handout), from a site built already or from a fresh build.
const { options, rest } = parseArgs(process.argv.slice(2), ['site', 'output'])
if (rest.length) {
  console.error(`Unknown arguments: ${rest.join(' ')} (known: --site DIR, --output FILE)`)
  process.exit(2)
}
exportHandout(options).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
