import { defineVitePluginsSetup } from '@slidev/types'
import { follow } from '../vite-plugin'

export default defineVitePluginsSetup(options => [
  follow(options.data.config as { follow?: unknown, title?: string }),
])
