import process from 'node:process'
import { runSteps } from '../tools/apt.ts'
import { inspectMachine, planChromium } from '../tools/chromium.ts'
import { enginesStep } from '../tools/engines.ts'
import { mosquittoStep } from '../tools/mosquitto.ts'

// `node scripts/browser.ts [--apt-only]`: makes sure the tests and the PDF export find a Chromium (see
// tools/chromium.ts), installing Debian's or downloading Playwright's where none is there, that
// `npm run test:engines` finds Firefox and WebKit (tools/engines.ts), and that slidev-addon-follow's
// tests find the Mosquitto broker (tools/mosquitto.ts); all Debian packages in one apt-get call.
// scripts/setup.sh runs it with `--apt-only` while `npm ci` runs (it needs no node_modules then, and
// says nothing unless it installs), and again without, which finds them there, or downloads
// Playwright's browser where Debian's can't be had.
const aptOnly = process.argv.includes('--apt-only')
try {
  const machine = await inspectMachine({ playwright: !aptOnly })
  const steps = [
    planChromium(machine),
    enginesStep(machine),
    mosquittoStep(machine),
  ]
  runSteps(aptOnly
    ? steps.filter(step => step.packages.length)
    : steps, machine.apt)
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
