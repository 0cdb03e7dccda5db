import { defineVitePluginsSetup } from '@slidev/types'
import { deckRoad } from '../vite-plugin'

export default defineVitePluginsSetup(() => [
  deckRoad(),
])
