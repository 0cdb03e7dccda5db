import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { deckQrCode } from './plugins/qr-code'

export default defineConfig({
  plugins: [
    vue(),
    deckQrCode(),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'happy-dom',
  },
})
