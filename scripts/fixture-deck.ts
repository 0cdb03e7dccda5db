import process from 'node:process'
import { buildFixtureDeck } from '../tools/fixture-deck.ts'

// `npm run build:fixture-deck`: packs the addons, installs them into a small deck that is not the talk
// (tests/fixture-deck, copied to .fixture-deck) and builds it with `slidev build`, for
// tests/e2e/fixture-deck.spec.ts. With `--reuse` (npm test's), the builds are kept while no file they read changes.
buildFixtureDeck({
  quiet: !process.argv.includes('--verbose'),
  reuse: process.argv.includes('--reuse'),
}).then((dir) => {
  console.log(`Fixture deck built with the packed addons: ${dir}`)
}, (error: Error) => {
  console.error(error.message)
  process.exit(1)
})
