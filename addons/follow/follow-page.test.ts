// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { followPage, withFollowLink } from './follow-page.ts'

/** A reading view (read/index.html) as the reading-view addon writes it: the policy's quotes as entities. */
const readingView = `<!doctype html>
<html lang="en" class="reading-view">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src &#39;self&#39; data:; object-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">
<meta charset="utf-8">
<title>Building Rust for Production: the talk as a page</title>
<style>
body { margin: 0; }
</style>
</head>
<body>
<a class="skip" href="#2">Skip to the slides</a>
<header class="page-header">
<a class="view-switch" href="../?view=slides">View as slides</a>
<section id="1" class="cover"><h1>Building Rust for Production</h1></section>
</header>
<main>
<section id="2" class="slide" aria-labelledby="why-rust">
<div class="slide__meta"><span>Slide 2</span><a class="slide__open" href="../2?view=slides">View as slide<span class="sr-only"> 2</span></a></div>
<h2 id="why-rust">Why Rust</h2>
<p>See <a href="https://example.org/?view=slidesx">this</a>.</p>
</section>
</main>
<footer class="page-footer">
<p>Building Rust for Production · <a href="../?view=slides">View as slides</a></p>
</footer>
</body>
</html>
`

const options = {
  script: ['../assets/env-1a2b.js', '../assets/follow-page-3c4d.js'],
  brokerOrigin: 'wss://broker.example.org',
}

const page = followPage(readingView, options)

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

describe('the follow page made from the reading view', () => {
  it('loads the follow scripts, in order, as modules in the head', () => {
    const head = page.slice(0, page.indexOf('</head>'))
    const scripts = [
      ...head.matchAll(/<script type="module" src="([^"]*)"><\/script>/g),
    ].map(match => match[1])
    expect(scripts).toEqual(options.script)
    expect(page.match(/<script/g)).toHaveLength(2)
  })

  it('lets its own scripts run and reach the broker, and nothing else', () => {
    const policy = policyOf(page)
    expect(policy.get('script-src')).toBe('\'self\'')
    expect(policy.get('connect-src')).toBe('\'self\' wss://broker.example.org')
  })

  it('keeps the reading view\'s other directives, in their order', () => {
    expect([
      ...policyOf(page),
    ]).toEqual([
      ['default-src', '\'self\''],
      ['script-src', '\'self\''],
      ['style-src', '\'unsafe-inline\''],
      ['img-src', '\'self\' data:'],
      ['object-src', '\'none\''],
      ['base-uri', '\'none\''],
      ['form-action', '\'none\''],
      ['connect-src', '\'self\' wss://broker.example.org'],
    ])
  })

  it('shows the follow bar first in the body, before the skip link', () => {
    expect(page).toContain('<body>\n<div class="follow-bar" data-follow-bar>\n<button type="button" class="follow-bar__button"')
    expect(page.indexOf('data-follow-bar')).toBeLessThan(page.indexOf('class="skip"'))
    expect(page.match(/data-follow-bar/g)).toHaveLength(1)
  })

  it('adds the bar\'s style to the head', () => {
    const head = page.slice(0, page.indexOf('</head>'))
    expect(head).toContain('.follow-bar {')
  })

  it('a reader who switches to the slides keeps following there', () => {
    expect(page).toContain('<a class="slide__open" href="../2?view=slides&amp;follow">')
    expect(page.match(/href="\.\.\/\?view=slides&amp;follow"/g)).toHaveLength(2)
    expect(page).not.toMatch(/\?view=slides"/)
  })

  it('leaves the other links and the slides as they were', () => {
    expect(page).toContain('<a class="skip" href="#2">Skip to the slides</a>')
    expect(page).toContain('href="https://example.org/?view=slidesx"')
    expect(page).toContain('<section id="2" class="slide" aria-labelledby="why-rust">')
    expect(page).toContain('<h2 id="why-rust">Why Rust</h2>')
  })

  it('writes a script address with a dollar sign as given (a dev server under such a folder)', () => {
    const script = ['/@fs/home/ada/talks/$&$\'$1$$/follow-page.ts']
    const html = followPage(readingView, { ...options, script })
    expect(html).toContain(`<script type="module" src="${script[0]}"></script>\n</head>`)
    expect(html.match(/<\/head>/g)).toHaveLength(1)
  })

  it('refuses a page that is not a reading view, naming read/index.html', () => {
    const withoutSections = readingView.replace(/<section id="\d+"[^>]*>/g, '<section>')
    expect(() => followPage(withoutSections, options)).toThrow(/reading view \(read\/index\.html\) does not have the shape/)
    const withoutPolicy = readingView.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')
    expect(() => followPage(withoutPolicy, options)).toThrow(/read\/index\.html/)
    expect(() => followPage(readingView.replace('<body>', '<body class="x">'), options)).toThrow(/read\/index\.html/)
    expect(() => followPage('', options)).toThrow(/read\/index\.html/)
  })

  it('reads a policy written with other entities for its quotes', () => {
    const html = readingView.replace(/&#39;/g, '&#x27;')
    expect(policyOf(followPage(html, options)).get('default-src')).toBe('\'self\'')
  })
})

describe('the reading view\'s invitation to follow', () => {
  const invited = withFollowLink(readingView)

  it('links to the follow page first in the body', () => {
    expect(invited).toMatch(/^[\s\S]*<body>\n<p class="follow-invite"[^>]*><a href="\.\.\/follow\/">Follow the speaker live<\/a><\/p>\n<a class="skip"/)
  })

  it('adds no script, and changes nothing else', () => {
    expect(invited).not.toContain('<script')
    expect(invited.replace(/<p class="follow-invite"[^\n]*\n/, '')).toBe(readingView)
  })
})
