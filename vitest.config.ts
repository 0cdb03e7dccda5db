import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { deckQrCode } from './setup/qr-code.ts'

export default defineConfig({
  plugins: [
    vue(),
    deckQrCode(),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts', 'addons/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.fixture-deck/**'],
    environment: 'happy-dom',
    // One module graph per worker rather than per file: the suite holds no global state between files,
    // and the fast tier then takes about 38 s instead of 64 s on two cores.
    isolate: false,
  },
})
