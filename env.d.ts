/// <reference types="vite-plugin-pwa/vue" />

declare module 'virtual:deck-qr' {
  /** SVG markup of a QR code that opens the deck's public URL. */
  const svg: string
  export default svg
}

declare module 'markdown-it-emoji/lib/data/full.mjs' {
  /** Emoji by shortcode name, e.g. `rabbit` → 🐇 */
  const emoji: Record<string, string>
  export default emoji
}
