import process from 'node:process'
import { exportSlidesPdf } from '../tools/export.ts'
import { parseArgs } from '../tools/slidev.ts'

// `npm run export [-- --site dist] [--output file.pdf]`
const { options, rest } = parseArgs(process.argv.slice(2), ['site', 'output'])
if (rest.length) {
  console.error(`Unknown arguments: ${rest.join(' ')} (known: --site DIR, --output FILE)`)
  process.exit(2)
}
exportSlidesPdf(options).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
