import process from 'node:process'
import { main } from 'slidev-addon-deck-check/deck.ts'

// `npm run check [-- slides.md ...]`: the deck check (slidev-addon-deck-check) with the talk's own rules
// (setup/deck-check.ts) and those of its addons, by file, line and slide.
process.exitCode = await main(process.argv.slice(2))
