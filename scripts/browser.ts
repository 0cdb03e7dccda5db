import process from 'node:process'
import { ensureChromium } from './chromium.ts'
import { ensureEngines } from './engines.ts'

// `node scripts/browser.ts`: makes sure the tests and the PDF export find a Chromium (see scripts/chromium.ts),
// installing Debian's or downloading Playwright's where none is there, and that `npm run test:engines`
// finds Firefox and WebKit (scripts/engines.ts). scripts/setup.sh runs it.
try {
  await ensureChromium()
  await ensureEngines()
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
