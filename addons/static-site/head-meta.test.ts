import { describe, expect, it } from 'vitest'
import { linkPreview, plainHeadMeta } from './head-meta'
import { staticSiteOptions } from './options'

describe('the link preview tags', () => {
  const plugin = linkPreview({
    title: 'A "quoted" talk',
    url: 'https://example.org/talk/',
    image: 'og-image.png',
    imageWidth: 1200,
    imageHeight: 630,
    imageAlt: 'The title slide',
  })
  const transform = (plugin.transformIndexHtml as { handler: (html: string) => string }).handler
  const html = transform('<head><meta name="description" content="About it"><meta property="og:title" content="Talk - Slidev"><meta property="og:image" content="./og-image.png"></head>')

  it('gives the image by its absolute URL under the public address', () => {
    expect(html).toContain('<meta property="og:image" content="https://example.org/talk/og-image.png">')
    expect(html).toContain('<meta name="twitter:image" content="https://example.org/talk/og-image.png">')
    expect(html).toContain('<meta property="og:url" content="https://example.org/talk/">')
  })

  it('replaces Slidev\'s tags instead of adding a second set, and escapes the title', () => {
    expect(html.match(/og:title/g)).toHaveLength(1)
    expect(html).not.toContain('Slidev')
    expect(html).toContain('<meta property="og:title" content="A &quot;quoted&quot; talk">')
    expect(html).toContain('<meta property="og:description" content="About it">')
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
  })
})

describe('the link preview tags of a build without a browser', () => {
  const plugin = linkPreview({
    title: 'Talk',
    url: 'https://example.org/talk/',
    image: 'og-image.png',
    imageWidth: 1200,
    imageHeight: 630,
    imageAlt: 'The title slide',
  }, () => false)
  const transform = (plugin.transformIndexHtml as { handler: (html: string) => string }).handler
  const html = transform('<head><meta name="description" content="About it"><meta property="og:image" content="./og-image.png"></head>')

  it('name no picture, and keep the rest of the preview', () => {
    expect(html).not.toContain('og-image.png')
    expect(html).not.toMatch(/(?:og|twitter):image/)
    expect(html).toContain('<meta property="og:title" content="Talk">')
    expect(html).toContain('<meta property="og:description" content="About it">')
    expect(html).toContain('<meta property="og:url" content="https://example.org/talk/">')
    expect(html).toContain('<meta name="twitter:card" content="summary">')
  })
})

describe('the plain meta tags', () => {
  it('turns Slidev\'s JSON-quoted author and description back into text', () => {
    const transform = (plainHeadMeta().transformIndexHtml as { handler: (html: string) => string }).handler
    expect(transform('<meta name="author" content="&quot;Ada Example&quot;"><meta name="description" content="&quot;One\\ntwo&quot;">'))
      .toBe('<meta name="author" content="Ada Example"><meta name="description" content="One two">')
  })
})

describe('the headmatter\'s staticSite options', () => {
  it('default to nothing to preload, no folders of text, and the deck\'s own remote sites allowed', () => {
    expect(staticSiteOptions(undefined)).toEqual({ preloadFonts: [], textFrom: [], allowRemote: true })
    expect(() => staticSiteOptions({ allowRemote: 'no' })).toThrow('slides.md: the headmatter\'s staticSite.allowRemote must be true or false, not "no".')
    expect(staticSiteOptions({
      preloadFonts: ['inter-latin-400-normal'],
      textFrom: ['data'],
      allowRemote: false,
    })).toEqual({
      preloadFonts: ['inter-latin-400-normal'],
      textFrom: ['data'],
      allowRemote: false,
    })
  })

  it('name the file and the key of a wrong value', () => {
    expect(() => staticSiteOptions({ preloadFonts: 'inter' }, 'talk.md')).toThrow(/^talk\.md: the headmatter's staticSite\.preloadFonts must be a list of strings, not "inter"\.$/)
    expect(() => staticSiteOptions(['x'])).toThrow(/^slides\.md: the headmatter's staticSite must be a map/)
    expect(() => staticSiteOptions({
      preloadFont: ['inter-latin-400-normal'],
    })).toThrow('slides.md: the headmatter\'s staticSite has "preloadFont", which it does not know. Did you mean "preloadFonts"? It takes { preloadFonts, textFrom, allowRemote }.')
  })
})
