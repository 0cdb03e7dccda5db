import { defineConfig } from 'vitest/config'

/**
 * `npm run test:engines`: the built site (`npm run build:pages` first) in Chromium, Firefox and
 * WebKit (tests/engines/). One file per engine, each with its own browser and server, one engine at a
 * time: on two cores three browsers side by side took as long (about 30 s either way), and one at a
 * time leaves each its cores and memory.
 */
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // WebdriverIO's packages log at "info" unless told before they load.
    env: { WDIO_LOG_LEVEL: 'error' },
  },
})
