import process from 'node:process'
import { ensureChromium } from '../tools/chromium.ts'
import { ensureEngines } from '../tools/engines.ts'
import { ensureMosquitto } from '../tools/mosquitto.ts'

// `node scripts/browser.ts`: makes sure the tests and the PDF export find a Chromium (see tools/chromium.ts),
// installing Debian's or downloading Playwright's where none is there, and that `npm run test:engines`
// finds Firefox and WebKit (tools/engines.ts), and that slidev-addon-follow's tests find the Mosquitto broker
// (tools/mosquitto.ts). scripts/setup.sh runs it.
try {
  await ensureChromium()
  await ensureEngines()
  await ensureMosquitto()
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
