import process from 'node:process'
import { ensureChromium } from '../tools/chromium.ts'

// `node scripts/browser.ts`: makes sure the tests and the PDF export find a Chromium (see tools/chromium.ts),
// installing Debian's or downloading Playwright's where none is there. scripts/setup.sh runs it.
try {
  await ensureChromium()
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
