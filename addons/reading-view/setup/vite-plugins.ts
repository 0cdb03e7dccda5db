import { defineVitePluginsSetup } from '@slidev/types'
import { readingView } from '../vite-plugin'

export default defineVitePluginsSetup(options => [
  readingView(options),
])
