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

// Imported by Slidev's client (its PDF download button), which ships as TypeScript source.
declare module 'file-saver' {
  export function saveAs(data: Blob | string, filename?: string): void
}
