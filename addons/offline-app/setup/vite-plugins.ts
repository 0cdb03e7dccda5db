import { defineVitePluginsSetup } from '@slidev/types'
import { offlineApp } from '../vite-plugin'

export default defineVitePluginsSetup(options => offlineApp(options))
