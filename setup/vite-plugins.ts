import { readFileSync } from 'node:fs'
import process from 'node:process'
import { defineVitePluginsSetup } from '@slidev/types'
import { deck } from '../data/deck'
import { deckCsp } from '../plugins/csp'
import { deckCheck } from '../plugins/deck-check'
import { deckDetour } from '../plugins/detour'
import { linkPreview, ogImage, plainHeadMeta } from '../plugins/head-meta'
import { leanClient } from '../plugins/lean-client'
import { deckPwa } from '../plugins/pwa'
import { subsetFonts } from '../plugins/subset-fonts'
import { deckWakeLock } from '../plugins/wake-lock'
import { readingView } from '../read/plugin'

export default defineVitePluginsSetup(options => [
  deckCheck(options),
  // DECK_STOCK_CLIENT=1 builds with Slidev's client as it comes: `npm run bench` times slide 1
  // against it, and it tells whether a problem after a Slidev upgrade comes from lean-client.
  ...(process.env.DECK_STOCK_CLIENT === '1'
    ? []
    : [
        leanClient(options),
      ]),
  deckDetour(),
  deckWakeLock(),
  deckCsp(),
  plainHeadMeta(),
  linkPreview({
    title: deck.title,
    url: deck.publicUrl,
    image: ogImage.file,
    imageWidth: ogImage.width,
    imageHeight: ogImage.height,
    imageAlt: `The title slide: ${deck.title}, ${deck.speaker}, ${deck.role}`,
  }),
  ...deckPwa(options),
  subsetFonts({
    markdown: () => Object.keys(options.data.markdownFiles).map(file => readFileSync(file, 'utf8')),
    // Body text and headings of nearly every slide, slide 1 included.
    preload: ['inter-latin-400-normal', 'inter-latin-600-normal'],
  }),
  readingView(options),
])
