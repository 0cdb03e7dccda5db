import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { faviconSvg, offlineAppOptions, workboxOptions } from './vite-plugin'

describe('the web app manifest', () => {
  it('makes its icon from an inline SVG favicon, plain or base64', () => {
    expect(faviconSvg('data:image/svg+xml,%3Csvg%2F%3E')).toBe('<svg/>')
    expect(faviconSvg(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`)).toBe('<svg/>')
  })

  it('names the file when the favicon is not an inline SVG', () => {
    expect(() => faviconSvg('/favicon.png')).toThrow(/^slides\.md: the headmatter's favicon must be an inline SVG/)
    expect(() => faviconSvg(undefined, 'talk.md')).toThrow(/^talk\.md:/)
  })

  it('reads offlineApp: from the headmatter, white by default', () => {
    expect(offlineAppOptions(undefined)).toEqual({ shortName: undefined, themeColor: '#ffffff', backgroundColor: '#ffffff' })
    expect(offlineAppOptions({ shortName: 'Tour', themeColor: '#005f87' })).toEqual({ shortName: 'Tour', themeColor: '#005f87', backgroundColor: '#ffffff' })
  })

  it('names the key of a colour it cannot use', () => {
    expect(() => offlineAppOptions({ themeColor: 'rust' }, 'talk.md')).toThrow(/^talk\.md: the headmatter's offlineApp\.themeColor must be a colour written #rrggbb, not "rust"\.$/)
    expect(() => offlineAppOptions({ shortName: 3 })).toThrow(/offlineApp\.shortName must be text/)
    expect(() => offlineAppOptions('yes')).toThrow(/offlineApp must be a map/)
  })
})

describe('the service worker', () => {
  it('precaches every page, script, style, font, image and PDF, and waits for the reader to take a new version', () => {
    const options = workboxOptions('/site')
    expect(options.globPatterns).toEqual(['**/*.{html,js,css,woff2,woff,svg,png,jpg,ico,webmanifest,pdf}'])
    expect(options).toMatchObject({
      globDirectory: '/site',
      swDest: '/site/sw.js',
      navigateFallback: 'index.html',
      skipWaiting: false,
      clientsClaim: true,
    })
  })
})
