import { defineConfig } from 'vitest/config'

/**
 * `npm run test:engines`: the built site (`npm run build:pages-test` first) in Chromium, Firefox and
 * WebKit (tests/engines/). One file per engine, each with its own browser and server, side by side.
 */
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
})
