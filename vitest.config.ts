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
  },
})
