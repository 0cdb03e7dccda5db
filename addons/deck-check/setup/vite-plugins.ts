import { defineVitePluginsSetup } from '@slidev/types'
import { deckCheck } from '../vite-plugin'

export default defineVitePluginsSetup(options => [
  deckCheck(options),
])
