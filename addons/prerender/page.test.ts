import type { SlideSnapshot } from './snapshot'
import { describe, expect, it } from 'vitest'
import { canvasSize, copyCss, deferApp, metaContent, slideDescription, slidePage, slideTitle } from './page'

const indexHtml = `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
<meta charset="utf-8">
<title>My talk</title>
<meta name="description" content="The talk.">
<meta property="og:title" content="My talk">
<meta property="og:image" content="https://example.org/talk/og.png">
<script type="module" crossorigin src="/talk/assets/index-1.js"></script>
<link rel="modulepreload" crossorigin href="/talk/assets/vue-1.js">
<link rel="stylesheet" crossorigin href="/talk/assets/index-1.css">
<link rel="preload" as="font" type="font/woff2" crossorigin href="/talk/assets/inter.woff2">
</head>
<body>
  <div id="app"></div>
</body>
</html>
`

const snapshot: SlideSnapshot = {
  no: 3,
  next: '/talk/3?clicks=1',
  html: '<div id="page-root"><div id="slide-container"><div id="slide-content" style="height: 552px; width: 980px;"><div id="slideshow"><div class="slidev-page slidev-page-3"><h1>Three</h1></div></div></div></div></div>',
  htmlClass: 'light',
  bodyClass: '',
  text: 'Three\nThe third point, in words.',
  stylesheets: ['/talk/assets/index-1.css', '/talk/assets/md-3.css'],
  fontFaces: [],
  characters: 'Three',
}

function page(extra: Partial<Parameters<typeof slidePage>[0]> = {}) {
  return slidePage({
    indexHtml,
    snapshot,
    base: '/talk/',
    routerMode: 'history',
    title: 'Three · My talk',
    description: 'The third point, in words.',
    url: 'https://example.org/talk/3',
    fontFaces: '@font-face{font-family:"slidev-prerender-0"}',
    ...extra,
  } as Parameters<typeof slidePage>[0])
}

describe('a slide\'s page', () => {
  it('has the slide\'s title, description and link-preview tags instead of the deck\'s', () => {
    const html = page()
    expect(html).toContain('<title>Three · My talk</title>')
    expect(html).not.toContain('<title>My talk</title>')
    expect(html).toContain('<meta name="description" content="The third point, in words.">')
    expect(html).not.toContain('content="The talk."')
    expect(html).toContain('<meta property="og:title" content="Three · My talk">')
    expect(html).toContain('<meta property="og:url" content="https://example.org/talk/3">')
    expect(html).toContain('<link rel="canonical" href="https://example.org/talk/3">')
    // The deck's picture stays.
    expect(html).toContain('og:image')
  })

  it('holds the copy after #app, its fonts and the page\'s own CSS, and the boot script before the deck\'s', () => {
    const html = page()
    expect(html.indexOf('<div id="app"></div>')).toBeLessThan(html.indexOf('<div class="slidev-prerender">'))
    expect(html).toContain('@font-face{font-family:"slidev-prerender-0"}')
    expect(html.indexOf('var slideAtFirstClick')).toBeLessThan(html.indexOf('<script type="module"'))
    expect(html).toContain('<meta name="slidev-prerender" content="3" data-base="/talk/" data-router-mode="history" data-next="/talk/3?clicks=1">')
    expect(html).toMatch(/<html lang="en" class="light">/)
  })

  it('lists the slide\'s other stylesheets for its critical CSS, and nothing of the deck before the paint', () => {
    const listed = page()
    expect(listed).toContain('href="/talk/assets/md-3.css" data-slidev-prerender-css')
    const deferred = deferApp(listed)
    expect(deferred).not.toContain('md-3.css')
    const head = deferred.slice(0, deferred.indexOf('<template'))
    const template = deferred.slice(deferred.indexOf('<template id="slidev-prerender-app">'), deferred.indexOf('</template>'))
    for (const tag of [
      'index-1.js',
      'vue-1.js',
      'index-1.css',
      'inter.woff2',
    ]) {
      expect(head, tag).not.toContain(tag)
      expect(template, tag).toContain(tag)
    }
  })

  it('escapes what it writes into attributes', () => {
    expect(page({ description: 'a "quoted" <b>word</b> & more' })).toContain('content="a &quot;quoted&quot; &lt;b&gt;word&lt;/b&gt; &amp; more"')
  })

  it('says which file is broken when index.html has no body', () => {
    expect(() => page({ indexHtml: '<html><head></head></html>' })).toThrow('index.html has no <body>')
  })
})

describe('the page\'s words', () => {
  it('reads the deck\'s description as text', () => {
    expect(metaContent('<meta name="description" content="Fast &amp; small: &quot;Rust&quot;">', 'description')).toBe('Fast & small: "Rust"')
    expect(metaContent('<meta name="author" content="A">', 'description')).toBeUndefined()
  })

  it('describes a slide by its text after the title, on one line, cut at a word', () => {
    expect(slideDescription('Goal\n\nFast feedback loops\nShipping', 'Goal')).toBe('Fast feedback loops Shipping')
    const long = slideDescription(`Title ${'word '.repeat(60)}`, 'Title')
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long).toMatch(/word…$/)
    expect(slideDescription('Only a title', 'Only a title', 'The deck.')).toBe('The deck.')
  })

  it('titles a slide before the deck, and slide 1 as the deck', () => {
    expect(slideTitle(7, '<pre>$ man cargo</pre>', 'My talk')).toBe('$ man cargo · My talk')
    expect(slideTitle(1, 'My talk', 'My talk')).toBe('My talk')
    expect(slideTitle(4, undefined, 'My talk')).toBe('My talk')
    expect(slideTitle(5, '**Bold** _move_', 'My talk')).toBe('Bold move · My talk')
  })
})

describe('the copy\'s scale', () => {
  it('is computed by CSS from the container, as Slidev computes it, with the canvas size as a fallback', () => {
    const css = copyCss({ width: 980, height: 552 })
    expect(css).toContain('min(tan(atan2(100cqw, 980px)), tan(atan2(100cqh, 552px)))')
    expect(css).toContain('--slidev-slide-scale:1}')
    expect(css).toContain('@supports')
  })

  it('reads the canvas size off the copied #slide-content', () => {
    expect(canvasSize(snapshot.html)).toEqual({ width: 980, height: 552 })
    expect(() => canvasSize('<div id="slide-content"></div>')).toThrow('no canvas size')
  })
})
