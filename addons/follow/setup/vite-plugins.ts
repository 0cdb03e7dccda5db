import { defineVitePluginsSetup } from '@slidev/types'
import { follow } from '../vite-plugin.ts'

export default defineVitePluginsSetup(options => [
  follow(options.data.config as Parameters<typeof follow>[0]),
])
