// Packages without type declarations.

declare module 'subset-font' {
  /** A subset of a TrueType/WOFF/WOFF2 font with only the glyphs of `text` (harfbuzz hb-subset). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype', noLayoutClosure?: boolean },
  ): Promise<Uint8Array>
}
