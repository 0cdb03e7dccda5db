import { full as emoji } from 'markdown-it-emoji'
import { defineConfig } from 'vite'
import { deckQrCode } from './setup/qr-code.ts'

export default defineConfig({
  slidev: {
    markdown: {
      // `:rabbit:` in slides.md renders as the emoji, as it did in the talk's original slides.
      markdownSetup(md) {
        // markdown-it-emoji is typed for markdown-it; Slidev's markdown-exit takes the same plugins.
        md.use(emoji as unknown as Parameters<typeof md.use>[0])
      },
    },
  },
  plugins: [
    deckQrCode(),
  ],
})
