import type { Plugin } from 'vite'
import { renderSVG } from 'uqr'
import { deck } from '../data/deck.ts'

const id = 'virtual:deck-qr'
const resolved = `\0${id}`

/**
 * `import svg from 'virtual:deck-qr'`: an SVG QR code of the deck's public URL, made at build time,
 * so neither the encoder nor a network request reaches the browser.
 */
export function deckQrCode(url: string = deck.publicUrl): Plugin {
  return {
    name: 'deck-qr-code',
    resolveId(source) {
      return source === id
        ? resolved
        : undefined
    },
    load(source) {
      if (source !== resolved)
        return undefined
      const svg = renderSVG(url, { ecc: 'M', border: 2, pixelSize: 10 })
      return `export default ${JSON.stringify(svg)}`
    },
  }
}
