// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { appIcon } from '../../addons/offline-app/icon'
import { offlineAppOptions } from '../../addons/offline-app/vite-plugin'

const root = join(__dirname, '../..')
const headmatter = parseSync(readFileSync(join(root, 'slides.md'), 'utf8'), 'slides.md').slides[0].frontmatter

describe('the web app manifest of the talk\'s offline site', () => {
  it('takes its colour from the headmatter, the deck\'s accent in styles/index.css', () => {
    const accent = readFileSync(join(root, 'styles/index.css'), 'utf8').match(/--deck-accent:\s*(#[\da-f]{6})/i)?.[1]
    expect(accent).toBe('#b7410e')
    expect(offlineAppOptions(headmatter.offlineApp).themeColor).toBe(accent)
    expect(offlineAppOptions(headmatter.offlineApp).shortName).toBe('Rust for Prod')
  })

  it('makes its icon from the inline SVG favicon of the headmatter, without a word', () => {
    const icon = appIcon({
      favicon: headmatter.favicon,
      title: headmatter.title,
      themeColor: '#b7410e',
      userRoot: root,
    })
    expect(icon).toMatchObject({
      file: 'deck-icon.svg',
      type: 'image/svg+xml',
      sizes: 'any',
    })
    expect(icon.notice).toBeUndefined()
    expect(icon.source).toMatch(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg'/)
    expect(icon.source).toContain(`fill='#b7410e'`)
  })
})
