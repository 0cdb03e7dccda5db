import process from 'node:process'
import { defineVitePluginsSetup } from '@slidev/types'
import { leanClient } from '../vite-plugin'

// SLIDEV_LEAN_CLIENT=off builds with Slidev's client as it comes: to time slide 1 against it, or to
// tell whether a problem after a Slidev upgrade comes from this addon.
export default defineVitePluginsSetup(options => process.env.SLIDEV_LEAN_CLIENT === 'off'
  ? []
  : [
      leanClient(options),
    ])
