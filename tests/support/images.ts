import type { Page } from '@playwright/test'
import type { Buffer } from 'node:buffer'

/** Width and height of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number, height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG')
    throw new Error('not a PNG')
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  }
}

export interface ImageComparison {
  /** Pixels whose colour differs clearly (any channel by more than 48 of 255). */
  differing: number
  /** Share of pixels of `a` that are not near-white: ink on the slide, so that two blank images do not pass as equal. */
  inked: number
}

/** Compares two PNGs of the same size pixel by pixel, decoded by the browser behind `page`. */
export async function comparePngs(page: Page, a: Buffer, b: Buffer): Promise<ImageComparison> {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64: string) => {
      // An <img> with a data: URL, which the deck's Content-Security-Policy allows (fetch() it does not).
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const bitmap = await createImageBitmap(image)
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return context.getImageData(0, 0, bitmap.width, bitmap.height)
    }
    const [first, second] = await Promise.all([
      pixels(a),
      pixels(b),
    ])
    if (first.width !== second.width || first.height !== second.height)
      return { differing: Infinity, inked: 0 }
    let differing = 0
    let inked = 0
    for (let i = 0; i < first.data.length; i += 4) {
      let most = 0
      for (let c = 0; c < 3; c++)
        most = Math.max(most, Math.abs(first.data[i + c] - second.data[i + c]))
      if (most > 48)
        differing++
      if (Math.min(first.data[i], first.data[i + 1], first.data[i + 2]) < 200)
        inked++
    }
    const total = first.data.length / 4
    return { differing, inked: inked / total }
  }, [
    a.toString('base64'),
    b.toString('base64'),
  ] as const)
}
