// @vitest-environment node
import { parseSync } from '@slidev/parser'
import { readingViewPages } from 'slidev-addon-reading-view/render.ts'
import { readingSlides } from 'slidev-addon-reading-view/slides.ts'
import { readingViewPolicy } from 'slidev-addon-reading-view/vite-plugin.ts'
import { describe, expect, it } from 'vitest'
import { followReadingView } from './follow-page.ts'

/** A small deck as the reading view renders it, with what following adds (the `api.readingView` contract). */
const markdown = '---\ntitle: Why Rust\n---\n\n# Why Rust\n\n---\n\n## Safety\n\nSee [this](https://example.org/?view=slidesx).\n'
const pages = await readingViewPages({
  slides: readingSlides(parseSync(markdown, '/deck/slides.md').slides, '/deck'),
  contentSecurityPolicy: readingViewPolicy,
})
const contribution = followReadingView('wss://broker.example.org', { entry: '/deck/node_modules/slidev-addon-follow/client/follow-page.ts', referenceId: 'ref1' })
const variant = contribution.pages![0]
const built = (scripts: string[]) => pages.page({ ...variant, scripts })
const page = built(variant.scripts!({
  command: 'build',
  base: '/talk/',
  fileName: ref => `assets/follow-page-${ref}.js`,
}))
const read = pages.page({ bodyStart: contribution.readBodyStart })

/** The page's policy as the browser reads it, directive by directive. */
function policyOf(html: string): Map<string, string> {
  const metas = [
    ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g),
  ]
  expect(metas).toHaveLength(1)
  const content = metas[0][1].replace(/&#39;/g, '\'')
  return new Map(content.split(';').map(part => part.trim()).filter(Boolean).map((part) => {
    const [name, ...sources] = part.split(/\s+/)
    return [
      name,
      sources.join(' '),
    ]
  }))
}

describe('the follow page the reading view makes', () => {
  it('is at follow/, and a phone that opens the deck with ?follow lands there', () => {
    expect(variant.path).toBe('follow/')
    expect(variant.query).toBe('follow')
  })

  it('loads its one script, the built chunk, as a module in the head; the dev server\'s from Vite', () => {
    const head = page.slice(0, page.indexOf('</head>'))
    const scripts = [
      ...head.matchAll(/<script type="module" src="([^"]*)"><\/script>/g),
    ].map(match => match[1])
    expect(scripts).toEqual(['../assets/follow-page-ref1.js'])
    expect(page.match(/<script/g)).toHaveLength(1)
    expect(variant.scripts!({ command: 'serve', base: '/' })).toEqual(['/@vite/env', '/@fs/deck/node_modules/slidev-addon-follow/client/follow-page.ts'])
  })

  it('lets its own scripts run and reach the broker, and nothing else', () => {
    const policy = policyOf(page)
    expect(policy.get('script-src')).toBe('\'self\'')
    expect(policy.get('connect-src')).toBe('\'self\' wss://broker.example.org')
  })

  it('keeps the reading view\'s other directives', () => {
    expect(Object.fromEntries(policyOf(page))).toEqual({
      ...Object.fromEntries(policyOf(read)),
      'script-src': '\'self\'',
      'connect-src': '\'self\' wss://broker.example.org',
    })
  })

  it('shows the follow bar first in the body, before the skip link, with its style in the head', () => {
    expect(page).toContain('<body>\n<div class="follow-bar" data-follow-bar>\n<button type="button" class="follow-bar__button"')
    expect(page.indexOf('data-follow-bar')).toBeLessThan(page.indexOf('class="skip"'))
    expect(page.match(/data-follow-bar/g)).toHaveLength(1)
    expect(page.slice(0, page.indexOf('</head>'))).toContain('.follow-bar {')
  })

  it('a reader who switches to the slides keeps following there', () => {
    expect(page).toContain('<a class="slide__open" href="../2?view=slides&amp;follow">')
    expect(page.match(/href="\.\.\/\?view=slides&amp;follow"/g)).toHaveLength(2)
    expect(page).not.toMatch(/\?view=slides"/)
  })

  it('leaves the other links and the slides as they were', () => {
    expect(page).toContain('<a class="skip" href="#2">Skip to the slides</a>')
    expect(page).toContain('href="https://example.org/?view=slidesx"')
    expect(page).toContain('<section id="2"')
  })

  it('writes a script address with a dollar sign as given (a dev server under such a folder)', () => {
    const script = '/@fs/home/ada/talks/$&$\'$1$$/follow-page.ts'
    const html = built([script])
    expect(html).toContain(`<script type="module" src="${script.replace(/'/g, '&#39;').replace(/&(?!#39;)/g, '&#38;')}"></script>\n</head>`)
    expect(html.match(/<\/head>/g)).toHaveLength(1)
  })
})

describe('the reading view\'s invitation to follow', () => {
  it('links to the follow page first in the body', () => {
    expect(read).toMatch(/^[\s\S]*<body>\n<p class="follow-invite"[^>]*><a href="\.\.\/follow\/">Follow the speaker live<\/a><\/p>\n<a class="skip"/)
  })

  it('adds no script, and changes nothing else', () => {
    expect(read).not.toContain('<script')
    expect(read.replace(/<p class="follow-invite"[^\n]*\n/, '')).toBe(pages.page())
  })
})
