import type { UsedFontFace } from './snapshot'
import { Buffer } from 'node:buffer'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'

/**
 * The `@font-face` rules of a page's copy of its slide: each face the slide is drawn in, under the
 * copy's name for its family (`alias`), made from the site's own font file cut down to the slide's
 * `characters` and written inline, so that the first paint needs no font request and never shows a
 * fallback font (`font-display: block` costs nothing when the data is in the page). A face whose
 * file is not on the site (a remote font) keeps its address, under the alias.
 */
export async function copyFontFaces(faces: UsedFontFace[], characters: string, { dir, base }: { dir: string, base: string }): Promise<string> {
  const rules: string[] = []
  for (const face of faces) {
    const descriptors = `font-family:"${face.alias}";font-style:${face.style};font-weight:${face.weight};font-display:block;`
    const file = face.file?.startsWith(base) && join(dir, face.file.slice(base.length))
    if (file && existsSync(file)) {
      const subset = await subsetFont(readFileSync(file), characters, { targetFormat: 'woff2' })
      rules.push(`@font-face{${descriptors}src:url(data:font/woff2;base64,${Buffer.from(subset).toString('base64')}) format("woff2")}`)
      continue
    }
    const src = /src:\s*([^;}]+)/.exec(face.css)?.[1]
    if (src)
      rules.push(`@font-face{${descriptors}src:${src}}`)
  }
  return rules.join('')
}
