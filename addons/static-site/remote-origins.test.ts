// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { remoteAdditions, remoteOrigins, remoteOriginsLine } from './remote-origins.ts'

const slide = (content: string, frontmatter: Record<string, unknown> = {}, images?: string[]) => ({ content, frontmatter, images })

describe('the other sites a deck reaches', () => {
  it('are none for a deck of its own files, its own fonts and an inline favicon', () => {
    expect(remoteOrigins({
      slides: [
        slide('# Hi\n\n![logo](/logo.png)\n\n<img src="./a.svg">'),
        slide('```ts\nconst url = "https://example.org"\n```'),
      ],
      favicon: 'data:image/svg+xml,%3Csvg%3E',
      fonts: {
        provider: 'none',
        webfonts: ['Inter'],
      },
    })).toEqual([])
  })

  it('are its pictures, embeds, videos, iframes, diagrams and web fonts, each under its directive', () => {
    const origins = remoteOrigins({
      slides: [
        slide('# Cover', { layout: 'cover', background: 'https://cover.sli.dev' }, ['https://cover.sli.dev']),
        slide('![x](https://images.unsplash.com/photo-1?w=800)\n\n<Tweet id="1" />\n\n<Youtube id="a" />'),
        slide('<SlidevVideo><source src="https://cdn.example.org/v.mp4" type="video/mp4"></SlidevVideo>\n\n<iframe src="https://example.com/embed"></iframe>'),
        slide('', { layout: 'iframe-right', url: 'https://en.wikipedia.org/wiki/Coffee' }),
        slide('# Figure', { layout: 'figure', figureUrl: 'https://picsum.photos/1024/768', coverAuthorUrl: 'https://example.net/ada' }),
        slide('```plantuml\n@startuml\nA -> B\n@enduml\n```'),
      ],
      favicon: 'https://cdn.jsdelivr.net/gh/slidevjs/slidev/assets/favicon.png',
      fonts: {
        provider: 'google',
        webfonts: ['Roboto Slab'],
      },
      css: ['@import url("https://fonts.example.net/a.css");.x{background:url(https://img.example.net/bg.jpg)}@font-face{src:url(https://fonts.example.net/f.woff2)}'],
    })
    expect(remoteAdditions(origins)).toEqual({
      'font-src': ['https://fonts.example.net', 'https://fonts.gstatic.com'],
      'frame-src': [
        'https://en.wikipedia.org',
        'https://example.com',
        'https://platform.twitter.com',
        'https://www.youtube.com',
      ],
      'img-src': [
        'https://cdn.jsdelivr.net',
        'https://cover.sli.dev',
        'https://images.unsplash.com',
        'https://img.example.net',
        'https://pbs.twimg.com',
        'https://picsum.photos',
        'https://syndication.twitter.com',
        'https://www.plantuml.com',
      ],
      'media-src': ['https://cdn.example.org'],
      'script-src': ['https://platform.twitter.com'],
      'style-src': ['https://fonts.example.net', 'https://fonts.googleapis.com'],
    })
    expect(origins.find(o => o.origin === 'https://www.youtube.com')?.what).toBe('<Youtube>')
  })

  it('are said in one line at build time, with the option that allows or blocks them', () => {
    const origins = remoteOrigins({
      slides: [
        slide('![x](https://images.unsplash.com/p.jpg)'),
      ],
    })
    expect(remoteOriginsLine(origins, true)).toBe('slidev-addon-static-site: the policy lets the deck reach what it names itself: https://images.unsplash.com (img-src, an image). Set staticSite.allowRemote: false to block them.')
    expect(remoteOriginsLine(origins, false)).toMatch(/blocks what the deck names on other sites: https:\/\/images\.unsplash\.com .*staticSite\.allowRemote: true/)
    expect(remoteOriginsLine([], true)).toBeUndefined()
  })
})
