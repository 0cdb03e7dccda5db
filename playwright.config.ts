import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './scripts/chromium'

// DECK_PORT and DECK_DIST let several test runs share a machine (each its own build and port).
const port = Number(process.env.DECK_PORT ?? 4173)
const dist = process.env.DECK_DIST ?? 'dist'

/** End-to-end tests drive Chromium against the built site (`npm run build` first). */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `node scripts/serve.ts ${dist} --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
})
