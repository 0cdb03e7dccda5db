import { readFileSync } from 'node:fs'
import { defineVitePluginsSetup } from '@slidev/types'
import { leanClient } from '../plugins/lean-client'
import { subsetFonts } from '../plugins/subset-fonts'

export default defineVitePluginsSetup(options => [
  leanClient(options),
  subsetFonts({ markdown: () => Object.keys(options.data.markdownFiles).map(file => readFileSync(file, 'utf8')) }),
])
