import { Buffer } from 'node:buffer'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'

/**
 * The installed app's icon, from the headmatter's `favicon`, whatever it is: an inline SVG or
 * other image (`data:`), a file of the deck (in `public/`, or next to the slides), or, for a remote
 * URL or none (Slidev's default favicon is a jsDelivr URL, which an app that works offline cannot
 * use), a square of the theme colour with the title's first letter. Never an error: the build
 * says in one line (`notice`) when the icon is made up, and which key to set instead.
 */
export interface AppIcon {
  /** The file written into the site: `deck-icon.svg`, `deck-icon.png`, … */
  file: string
  source: string | Uint8Array
  /** Its MIME type, for the manifest. */
  type: string
  /** The manifest's `sizes`: `any` for SVG, the real size of a PNG, GIF or ICO; undefined when not read. */
  sizes?: string
  /** Why the icon is made from the title, for the build's output; undefined when it is the favicon. */
  notice?: string
}

/** Slidev's favicon when the headmatter sets none. */
export const slidevDefaultFavicon = 'https://cdn.jsdelivr.net/gh/slidevjs/slidev/assets/favicon.png'

const types: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
}

/** The file extension for a MIME type of `types`. */
function extensionOf(type: string): string | undefined {
  if (type === 'image/vnd.microsoft.icon')
    return 'ico'
  return Object.keys(types).find(ext => types[ext] === type)
}

/** Bytes of a percent-encoded string, each `%xx` one byte, the rest as UTF-8. */
function percentDecoded(text: string): Uint8Array {
  return Uint8Array.from(text.split(/(%[\da-f]{2})/i).flatMap(part => /^%[\da-f]{2}$/i.test(part)
    ? [
        Number.parseInt(part.slice(1), 16),
      ]
    : [
        ...Buffer.from(part),
      ]))
}

/** The size of a PNG, GIF or ICO as the manifest writes it (`192x192`, several for an ICO), read from its header. */
export function imageSizes(bytes: Uint8Array, type: string): string | undefined {
  const data = Buffer.from(bytes)
  if (type === 'image/svg+xml')
    return 'any'
  if (type === 'image/png' && data.length >= 24 && data.subarray(0, 8).equals(Buffer.from([
    0x89,
    0x50,
    0x4E,
    0x47,
    0x0D,
    0x0A,
    0x1A,
    0x0A,
  ]))) {
    return `${data.readUInt32BE(16)}x${data.readUInt32BE(20)}`
  }
  if (type === 'image/gif' && data.length >= 10 && data.subarray(0, 4).toString('latin1') === 'GIF8')
    return `${data.readUInt16LE(6)}x${data.readUInt16LE(8)}`
  if (type === 'image/x-icon' && data.length >= 6 && data.readUInt16LE(0) === 0 && data.readUInt16LE(2) === 1) {
    const count = data.readUInt16LE(4)
    if (data.length < 6 + count * 16)
      return undefined
    const sizes = Array.from({ length: count }, (_, i) => {
      const width = data[6 + i * 16] || 256
      const height = data[7 + i * 16] || 256
      return `${width}x${height}`
    })
    return [
      ...new Set(sizes),
    ].join(' ') || undefined
  }
  return undefined
}

/** `#rgb`, `#rrggbb` or `#rrggbbaa` as red, green and blue from 0 to 255. */
function rgb(colour: string): [number, number, number] {
  const hex = colour.slice(1)
  const full = hex.length <= 4
    ? [
        ...hex.slice(0, 3),
      ].map(digit => digit + digit).join('')
    : hex.slice(0, 6)
  return [0, 2, 4].map(i => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number]
}

/** White or near-black, whichever reads better on `background` (WCAG relative luminance). */
export function letterColour(background: string): string {
  const [r, g, b] = rgb(background).map((value) => {
    const c = value / 255
    return c <= 0.03928
      ? c / 12.92
      : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  // Contrast with white is (1.05) / (L + 0.05); with #1c1917 (L ≈ 0.011), (L + 0.05) / 0.061.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.061
    ? '#ffffff'
    : '#1c1917'
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The title's first letter or digit, upper case; empty when it has none. */
export function firstLetter(title: string): string {
  return title.match(/[\p{L}\p{N}]/u)?.[0].toLocaleUpperCase() ?? ''
}

/** A square icon of `colour` with the title's first letter, as SVG (any size). */
export function letterIcon(title: string, colour: string): string {
  const letter = firstLetter(title)
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    `<rect width="512" height="512" fill="${colour}"/>`,
    letter
      ? `<text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="300" font-weight="600" fill="${letterColour(colour)}">${escapeXml(letter)}</text>`
      : '',
    '</svg>',
  ].join('')
}

export interface AppIconOptions {
  /** The headmatter's `favicon` (Slidev's default when it sets none). */
  favicon: string | undefined
  title: string
  /** The theme colour (`offlineApp.themeColor`), the made-up icon's background. */
  themeColor: string
  /** The deck's folder: `public/` and the files next to the slides are looked up in it. */
  userRoot: string
}

/** The app's icon for `favicon` (see AppIcon). */
export function appIcon({ favicon, title, themeColor, userRoot }: AppIconOptions): AppIcon {
  const made = (why: string): AppIcon => ({
    file: 'deck-icon.svg',
    source: letterIcon(title, themeColor),
    type: 'image/svg+xml',
    sizes: 'any',
    notice: `slidev-addon-offline-app: the headmatter's favicon is ${why}; the installed app's icon is ${firstLetter(title)
      ? `"${firstLetter(title)}"`
      : 'a square'} on offlineApp.themeColor (${themeColor}). Set favicon to an inline SVG (data:image/svg+xml,…) or a file in public/ for an icon of your own.`,
  })
  const value = favicon?.trim()
  if (!value)
    return made('empty')
  const data = value.match(/^data:([^;,]+)((?:;[^;,]*)*?)(;base64)?,(.*)$/s)
  if (data) {
    const type = data[1].toLowerCase()
    const ext = extensionOf(type)
    if (!ext)
      return made(`an inline ${type}, which a web app manifest cannot name as an icon`)
    const bytes = data[3]
      ? Uint8Array.from(Buffer.from(data[4], 'base64'))
      : percentDecoded(data[4])
    return icon(ext, bytes)
  }
  if (/^(?:[a-z][\w+.-]*:|\/\/)/i.test(value)) {
    return made(value === slidevDefaultFavicon
      ? `Slidev's default (${value}), a remote URL that an app working offline cannot use`
      : `a remote URL (${value}), which an app working offline cannot use`)
  }
  const path = decodeURIComponent(value.replace(/[?#].*$/s, ''))
  const candidates = path.startsWith('/')
    ? [
        join(userRoot, 'public', path),
        join(userRoot, path),
      ]
    : [
        join(userRoot, path),
        join(userRoot, 'public', path),
      ]
  const found = candidates.find(candidate => existsSync(candidate))
  if (!found)
    return made(`"${value}", which is not a file of the deck (looked for in public/ and next to the slides)`)
  const ext = extname(found).slice(1).toLowerCase()
  if (!types[ext])
    return made(`"${value}", a kind of file a web app manifest cannot name as an icon`)
  return icon(ext, Uint8Array.from(readFileSync(found)))

  function icon(ext: string, bytes: Uint8Array): AppIcon {
    const type = types[ext]
    const normal = ext === 'jpeg'
      ? 'jpg'
      : ext
    return {
      file: `deck-icon.${normal}`,
      source: type === 'image/svg+xml'
        ? Buffer.from(bytes).toString('utf8')
        : bytes,
      type,
      sizes: imageSizes(bytes, type),
    }
  }
}
