import process from 'node:process'
import { ensureChromium } from '../tools/chromium.ts'
import { ensureEngines } from '../tools/engines.ts'

// `node scripts/browser.ts`: makes sure the tests and the PDF export find a Chromium (see tools/chromium.ts),
// installing Debian's or downloading Playwright's where none is there, and that `npm run test:engines`
// finds Firefox and WebKit (tools/engines.ts). scripts/setup.sh runs it.
try {
  await ensureChromium()
  await ensureEngines()
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
