import { defineVitePluginsSetup } from '@slidev/types'
import { wakeLock } from '../vite-plugin'

export default defineVitePluginsSetup(() => [
  wakeLock(),
])
