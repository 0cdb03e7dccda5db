import process from 'node:process'
import { exportHandout } from '../tools/handout.ts'
import { parseArgs } from '../tools/slidev.ts'

// `npm run export:handout [-- --site dist] [--base /name/] [--output file.pdf]`
const { options, rest } = parseArgs(process.argv.slice(2), ['site', 'base', 'output'])
if (rest.length) {
  console.error(`Unknown arguments: ${rest.join(' ')} (known: --site DIR, --base /name/, --output FILE)`)
  process.exit(2)
}
exportHandout(options).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
