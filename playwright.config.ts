import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { builtSite } from './tests/support/servers'
import { chromiumArgs, chromiumExecutable } from './tools/chromium'

/**
 * End-to-end tests drive Chromium against the built site, as GitHub Pages serves it under the base
 * of the public URL (npm test builds it once, with that base), against the fixture deck that tries
 * the packed addons, and, for what the speaker sees while editing, against the dev server.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    // The built deck registers a service worker (slidev-addon-offline-app), which would answer deep links and
    // reloads from its cache: tests/e2e/offline-app.spec.ts allows it and tests it; elsewhere, each
    // test meets the site as served.
    serviceWorkers: 'block',
    baseURL: builtSite.url,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: chromiumExecutable(),
      // No request leaves the machine: any host name but 127.0.0.1 fails to resolve, and
      // tests/e2e/fixtures.ts records the attempt.
      args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    },
  },
  // The dev server is started by the tests that use it, for as long as they run (tests/e2e/dev-server.spec.ts).
  webServer: {
    command: `node scripts/serve.ts ${builtSite.dist} --port ${new URL(builtSite.url).port} --base ${builtSite.base}`,
    url: builtSite.url,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
})
