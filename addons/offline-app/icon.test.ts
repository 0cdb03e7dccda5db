// @vitest-environment node
import { Buffer } from 'node:buffer'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appIcon, firstLetter, imageSizes, letterColour, letterIcon, slidevDefaultFavicon } from './icon'

/** The first bytes of a PNG of `width` × `height`: the signature and the IHDR chunk. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(24)
  Buffer.from([
    0x89,
    0x50,
    0x4E,
    0x47,
    0x0D,
    0x0A,
    0x1A,
    0x0A,
  ]).copy(header)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'latin1')
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  return header
}

/** An ICO directory with entries of these sizes (256 written as 0). */
function ico(...sizes: number[]): Buffer {
  const data = Buffer.alloc(6 + sizes.length * 16)
  data.writeUInt16LE(1, 2)
  data.writeUInt16LE(sizes.length, 4)
  sizes.forEach((size, i) => {
    data[6 + i * 16] = size % 256
    data[7 + i * 16] = size % 256
  })
  return data
}

const deck = mkdtempSync(join(tmpdir(), 'offline-icon-'))
mkdirSync(join(deck, 'public'))
writeFileSync(join(deck, 'public/icon.png'), png(192, 192))
writeFileSync(join(deck, 'logo.svg'), '<svg id="next-to-slides"/>')
writeFileSync(join(deck, 'public/favicon.ico'), ico(16, 32, 256))
writeFileSync(join(deck, 'public/notes.txt'), 'not an image')
afterAll(() => rmSync(deck, { recursive: true, force: true }))

const base = { title: 'A Small Tour', themeColor: '#005f87', userRoot: deck }

describe('the installed app\'s icon, from the headmatter\'s favicon', () => {
  it('is an inline SVG as it is, plain or base64, any size', () => {
    const plain = appIcon({ ...base, favicon: 'data:image/svg+xml,%3Csvg%2F%3E' })
    expect(plain).toEqual({
      file: 'deck-icon.svg',
      source: '<svg/>',
      type: 'image/svg+xml',
      sizes: 'any',
    })
    expect(appIcon({ ...base, favicon: `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}` }).source).toBe('<svg/>')
    expect(appIcon({ ...base, favicon: 'data:image/svg+xml;charset=utf-8,<svg>é</svg>' }).source).toBe('<svg>é</svg>')
  })

  it('is an inline PNG as it is, with its real size', () => {
    const icon = appIcon({ ...base, favicon: `data:image/png;base64,${png(64, 48).toString('base64')}` })
    expect(icon).toMatchObject({
      file: 'deck-icon.png',
      type: 'image/png',
      sizes: '64x48',
    })
    expect(icon.notice).toBeUndefined()
    expect(Buffer.from(icon.source as Uint8Array).equals(png(64, 48))).toBe(true)
  })

  it('is a file of the deck, in public/ or next to the slides, with its type and real size', () => {
    expect(appIcon({ ...base, favicon: '/icon.png' })).toMatchObject({
      file: 'deck-icon.png',
      type: 'image/png',
      sizes: '192x192',
    })
    expect(appIcon({ ...base, favicon: '/icon.png' }).notice).toBeUndefined()
    expect(appIcon({ ...base, favicon: 'icon.png?v=2' })).toMatchObject({ file: 'deck-icon.png', sizes: '192x192' })
    expect(appIcon({ ...base, favicon: './logo.svg' })).toMatchObject({ file: 'deck-icon.svg', source: '<svg id="next-to-slides"/>', sizes: 'any' })
    expect(appIcon({ ...base, favicon: '/favicon.ico' })).toMatchObject({ file: 'deck-icon.ico', type: 'image/x-icon', sizes: '16x16 32x32 256x256' })
  })

  it('is the title\'s first letter on the theme colour for Slidev\'s default favicon, and says which key to set', () => {
    const icon = appIcon({ ...base, favicon: slidevDefaultFavicon })
    expect(icon).toMatchObject({
      file: 'deck-icon.svg',
      type: 'image/svg+xml',
      sizes: 'any',
      source: letterIcon('A Small Tour', '#005f87'),
    })
    expect(icon.notice).toMatch(/^slidev-addon-offline-app: the headmatter's favicon is Slidev's default \(https:\/\/cdn\.jsdelivr\.net\/\S+\), a remote URL .*; the installed app's icon is "A" on offlineApp\.themeColor \(#005f87\)\. Set favicon to .*$/)
    expect(icon.notice).not.toContain('\n')
  })

  it('is made from the title for any other remote URL, none, a file that is not there or not an image', () => {
    for (const [favicon, why] of [
      ['https://example.org/icon.png', /a remote URL \(https:\/\/example\.org\/icon\.png\)/],
      ['//example.org/icon.png', /a remote URL/],
      [undefined, /is empty/],
      ['', /is empty/],
      ['/missing.png', /"\/missing\.png", which is not a file of the deck/],
      ['/notes.txt', /"\/notes\.txt", a kind of file/],
      ['data:text/plain,hi', /an inline text\/plain/],
    ] as const) {
      const icon = appIcon({ ...base, favicon })
      expect(icon.file, String(favicon)).toBe('deck-icon.svg')
      expect(icon.notice, String(favicon)).toMatch(why)
    }
  })
})

describe('the icon made from the title', () => {
  it('shows the first letter or digit, upper case, in a colour that reads on the background', () => {
    expect(firstLetter('  «über» alles')).toBe('Ü')
    expect(firstLetter('2024 recap')).toBe('2')
    expect(firstLetter('—')).toBe('')
    expect(letterColour('#ffffff')).toBe('#1c1917')
    expect(letterColour('#fff')).toBe('#1c1917')
    expect(letterColour('#b7410e')).toBe('#ffffff')
    expect(letterColour('#005f87ff')).toBe('#ffffff')
    const svg = letterIcon('<b> & co', '#ffffff')
    expect(svg).toContain('<rect width="512" height="512" fill="#ffffff"/>')
    expect(svg).toContain('fill="#1c1917">B</text>')
    expect(letterIcon('—', '#000000')).not.toContain('<text')
  })

  it('reads the size of a PNG, GIF or ICO from its header, and of nothing else', () => {
    expect(imageSizes(png(512, 512), 'image/png')).toBe('512x512')
    expect(imageSizes(Buffer.from('GIF89a\x20\x00\x10\x00', 'latin1'), 'image/gif')).toBe('32x16')
    expect(imageSizes(ico(48, 48), 'image/x-icon')).toBe('48x48')
    expect(imageSizes(Buffer.from('not a png at all, not at all'), 'image/png')).toBeUndefined()
    expect(imageSizes(Buffer.from([0xFF, 0xD8]), 'image/jpeg')).toBeUndefined()
    expect(imageSizes(Buffer.from('<svg/>'), 'image/svg+xml')).toBe('any')
  })
})
