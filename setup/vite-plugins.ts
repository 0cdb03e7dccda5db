import { readFileSync } from 'node:fs'
import { defineVitePluginsSetup } from '@slidev/types'
import { deckCsp } from '../plugins/csp'
import { deckCheck } from '../plugins/deck-check'
import { plainHeadMeta } from '../plugins/head-meta'
import { leanClient } from '../plugins/lean-client'
import { deckPwa } from '../plugins/pwa'
import { subsetFonts } from '../plugins/subset-fonts'

export default defineVitePluginsSetup(options => [
  deckCheck(options),
  leanClient(options),
  deckCsp(),
  plainHeadMeta(),
  ...deckPwa(options),
  subsetFonts({
    markdown: () => Object.keys(options.data.markdownFiles).map(file => readFileSync(file, 'utf8')),
    // Body text and headings of nearly every slide, slide 1 included.
    preload: ['inter-latin-400-normal', 'inter-latin-600-normal'],
  }),
])
