import process from 'node:process'
import { defineVitePluginsSetup } from '@slidev/types'
import { buildChromium } from 'slidev-addons-kit/browser'
import { handoutFile } from '../options'
import { handoutPdf } from '../vite-plugin'

/** `slidev build` prints the handout into the site (vite-plugin.ts). */
export default defineVitePluginsSetup(options => [
  handoutPdf({
    chromium: buildChromium(options.data.config, process.argv),
    file: handoutFile(options.data.config),
  }),
])
