import type { Rollup } from 'vite'
import { describe, expect, it } from 'vitest'
import { lateEntries, lateFiles, offlineAppOptions, revisionOf, workboxOptions } from './vite-plugin'

describe('the web app manifest', () => {
  it('reads offlineApp: from the headmatter, white by default', () => {
    expect(offlineAppOptions(undefined)).toEqual({ shortName: undefined, themeColor: '#ffffff', backgroundColor: '#ffffff' })
    expect(offlineAppOptions({ shortName: 'Tour', themeColor: '#005f87' })).toEqual({ shortName: 'Tour', themeColor: '#005f87', backgroundColor: '#ffffff' })
  })

  it('names the key of a colour it cannot use', () => {
    expect(() => offlineAppOptions({ themeColor: 'rust' }, 'talk.md')).toThrow(/^talk\.md: the headmatter's offlineApp\.themeColor must be a colour written #rrggbb, not "rust"\.$/)
    expect(() => offlineAppOptions({ shortName: 3 })).toThrow(/offlineApp\.shortName must be text/)
    expect(() => offlineAppOptions('yes')).toThrow(/offlineApp must be a map/)
    expect(() => offlineAppOptions({ themeColour: '#b7410e' })).toThrow('slides.md: the headmatter\'s offlineApp has "themeColour", which it does not know. Did you mean "themeColor"? It takes { shortName, themeColor, backgroundColor }.')
  })
})

/** A bundle as Vite hands it to writeBundle: chunks with code, assets with source. */
function bundle(files: Record<string, string>): Rollup.OutputBundle {
  return Object.fromEntries(Object.entries(files).map(([fileName, content]) => [
    fileName,
    fileName.endsWith('.js')
      ? { type: 'chunk', fileName, code: content }
      : { type: 'asset', fileName, source: content },
  ])) as unknown as Rollup.OutputBundle
}

describe('the service worker', () => {
  it('precaches every page, script, style, font, image and PDF, and waits for the reader to take a new version', () => {
    const options = workboxOptions()
    expect(options.globPatterns).toEqual(['**/*.{html,js,css,woff2,woff,svg,png,jpg,ico,webmanifest,pdf}'])
    expect(options).toMatchObject({
      navigateFallback: 'index.html',
      skipWaiting: false,
      clientsClaim: true,
    })
  })

  it('names by URL the files Slidev adds after Vite: 404.html, and the slides PDF only with download', () => {
    expect(lateFiles({ download: false, exportFilename: 'tour' })).toEqual(['404.html'])
    expect(lateFiles({ download: true, exportFilename: 'tour' })).toEqual(['404.html', 'tour.pdf'])
    expect(lateFiles({ download: 'auto' })).toEqual(['404.html', 'slidev-exported.pdf'])
    // A copy left in the folder by an earlier build is not globbed with a stale revision.
    expect(workboxOptions(['404.html', 'tour.pdf']).globIgnores).toEqual(['assets/online/**', '404.html', 'tour.pdf'])
  })

  it('revises 404.html with the index.html it copies, and the slides PDF with the whole bundle', () => {
    const site = bundle({ 'index.html': '<html>1</html>', 'assets/slide-1.js': 'one' })
    const [page, pdf] = lateEntries(['404.html', 'tour.pdf'], site)
    expect(page).toEqual({
      url: '404.html',
      revision: revisionOf(['<html>1</html>']),
    })
    expect(pdf.url).toBe('tour.pdf')
    // A changed slide is a new PDF; the same bundle is the same revision.
    expect(lateEntries(['tour.pdf'], bundle({ 'index.html': '<html>1</html>', 'assets/slide-1.js': 'one' }))[0].revision).toBe(pdf.revision)
    expect(lateEntries(['tour.pdf'], bundle({ 'index.html': '<html>1</html>', 'assets/slide-1.js': 'two' }))[0].revision).not.toBe(pdf.revision)
    expect(lateEntries(['404.html'], bundle({ 'a.js': '' }))).toEqual([])
  })
})
