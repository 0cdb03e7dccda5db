import type { Browser, Page } from 'playwright-chromium'

/** One slide as the built deck rendered it at its first click, ready to be written into a page. */
export interface SlideSnapshot {
  no: number
  /**
   * Where → takes the visitor from the slide at its first click, as the deck itself answered it
   * (its next click, the next slide, or where a deck's own shortcut goes): a path on the site with its
   * query. Undefined where → goes nowhere (the last slide).
   */
  next?: string
  /**
   * `#page-root` with only what shows the slide: `#slide-container` › `#slide-content` (at the
   * canvas size) › `#slideshow` › this slide's `.slidev-page`, its global layers beside it. Addresses
   * are made absolute (the page lives one folder deeper than the app), the scale Slidev computed for
   * the build's window is left to the page's CSS, and canvases are pictures.
   */
  html: string
  /** The `class` of `<html>` and `<body>` (dark mode, Slidev's own classes). */
  htmlClass: string
  bodyClass: string
  /** The slide's visible text, for the page's description. */
  text: string
  /** Every stylesheet the page had loaded (paths on the site). */
  stylesheets: string[]
  /**
   * The faces of web fonts the slide is drawn in, read from the page rather than matched by selector
   * (a family set through `var(--code-font)` is known only to the browser). In the copy, each family
   * is named `alias` first in the elements' `font-family` (fonts.ts makes that face from the site's
   * font file, cut down to the slide's characters, inline): the copy needs no font request.
   */
  fontFaces: UsedFontFace[]
  /** Every character of the slide's text, for the fonts' subsets. */
  characters: string
}

/** A web font face the slide is drawn in (see `SlideSnapshot.fontFaces`). */
export interface UsedFontFace {
  family: string
  /** The name the copy gives the family. */
  alias: string
  weight: string
  style: string
  /** The face's `@font-face` rule, its addresses made paths on the site. */
  css: string
  /** Its woff2 file on the site, where it has one. */
  file?: string
}

/** Why a slide is not pre-rendered, in words the build prints. */
export interface SlideSkipped {
  no: number
  reason: string
}

/**
 * Runs in the built deck's page (serialised by Playwright, so it uses nothing from this module):
 * copies slide `no` as it is on screen. Returns a reason instead when the copy would not look the same.
 */
export function copySlide(no: number): Omit<SlideSnapshot, 'no' | 'next'> | { reason: string } {
  const root = document.getElementById('page-root')
  const page = root?.querySelector<HTMLElement>(`#slide-content .slidev-page-${no}`)
  if (!root || !page)
    return { reason: `Slidev did not show slide ${no} at its address` }
  const live = [
    ...page.querySelectorAll('*'),
  ]
  const shadowed = live.find(el => el.shadowRoot)
  if (shadowed)
    return { reason: `<${shadowed.localName}> draws itself in a shadow root, which a copy of the page cannot hold` }

  // The page is one folder deeper than the app (`/base/7/`): every address becomes a path on the site.
  const absolute = (value: string) => {
    if (!value || value.startsWith('#') || (/^[a-z][\w+.-]*:/i.test(value) && !/^https?:/i.test(value)))
      return value
    const url = new URL(value, document.baseURI)
    return url.origin === location.origin
      ? url.pathname + url.search + url.hash
      : url.href
  }

  const canvases = [
    ...root.querySelectorAll('canvas'),
  ]
  const pictures: string[] = []
  for (const canvas of canvases) {
    try {
      pictures.push(canvas.toDataURL('image/png'))
    }
    catch {
      return { reason: 'a <canvas> drew a picture from another site, which the browser does not let a page read' }
    }
  }

  const copy = root.cloneNode(true) as HTMLElement
  // The copy draws its text in the slide's faces under names of its own (fonts.ts makes them): every
  // element with text in one of them gets the aliased list inline, `!important`, so that no rule of
  // the deck's (`font-family: var(--code-font) !important`) takes it back to a face the page lacks.
  const used = usedFontFaces()
  const families = [
    ...new Set(used.map(face => face.family)),
  ]
  const aliasOf = (family: string) => `slidev-prerender-${families.indexOf(family)}`
  const faces: UsedFontFace[] = used.map(face => ({
    ...face,
    alias: aliasOf(face.family),
  }))
  const liveContent = root.querySelector('#slide-content')!
  const liveAll = [
    root,
    ...root.querySelectorAll<HTMLElement>('*'),
  ]
  const copyAll = [
    copy,
    ...copy.querySelectorAll<HTMLElement>('*'),
  ]
  const quote = (name: string) => /^[a-z_-][\w-]*$/i.test(name)
    ? name
    : `"${name.replace(/"/g, '\\"')}"`
  liveAll.forEach((el, i) => {
    if (!liveContent.contains(el) || !el.textContent?.trim())
      return
    const names = getComputedStyle(el).fontFamily.split(',').map(name => name.trim().replace(/^(['"])(.*)\1$/, '$2'))
    if (names.some(name => families.includes(name))) {
      copyAll[i].style.setProperty('font-family', names.flatMap(name => families.includes(name)
        ? [
            aliasOf(name),
            quote(name),
          ]
        : [
            quote(name),
          ]).join(', '), 'important')
    }
  })
  // What is not the slide: Slidev's controls, dialogs and the slides that are not shown.
  const container = copy.querySelector('#slide-container')!
  for (const child of [...copy.children]) {
    if (child !== container)
      child.remove()
  }
  for (const child of [...container.children]) {
    if (child.id !== 'slide-content')
      child.remove()
  }
  for (const other of copy.querySelectorAll('#slideshow > .slidev-page')) {
    if (!other.classList.contains(`slidev-page-${no}`))
      other.remove()
  }
  const content = copy.querySelector<HTMLElement>('#slide-content')!
  content.style.removeProperty('--slidev-slide-scale')

  copy.querySelectorAll('canvas').forEach((canvas, i) => {
    const img = document.createElement('img')
    for (const attribute of canvas.attributes)
      img.setAttribute(attribute.name, attribute.value)
    img.setAttribute('src', pictures[i])
    img.setAttribute('alt', '')
    img.style.width = `${canvases[i].clientWidth}px`
    img.style.height = `${canvases[i].clientHeight}px`
    canvas.replaceWith(img)
  })
  // Nothing runs, plays or loads another page before the deck does.
  copy.querySelectorAll('script, noscript, template').forEach(el => el.remove())
  copy.querySelectorAll('iframe').forEach((frame) => {
    frame.removeAttribute('src')
    frame.removeAttribute('srcdoc')
  })
  copy.querySelectorAll('video, audio').forEach((media) => {
    media.removeAttribute('autoplay')
    media.setAttribute('preload', 'none')
  })
  for (const el of copy.querySelectorAll('[src], [href], [poster], [srcset], [style*="url("]')) {
    for (const name of ['src', 'href', 'poster', 'xlink:href']) {
      const value = el.getAttribute(name)
      if (value !== null)
        el.setAttribute(name, absolute(value))
    }
    const srcset = el.getAttribute('srcset')
    if (srcset)
      el.setAttribute('srcset', srcset.split(',').map(part => part.trim().replace(/^\S+/, url => absolute(url))).join(', '))
    const style = el.getAttribute('style')
    if (style?.includes('url('))
      el.setAttribute('style', style.replace(/url\((['"]?)([^'")]+)\1\)/g, (_, quote: string, url: string) => `url(${quote}${absolute(url)}${quote})`))
  }

  return {
    html: copy.outerHTML,
    htmlClass: document.documentElement.className,
    bodyClass: document.body.className,
    // The text as shown: a click's hidden text and the line breaks of the layout are what a reader sees.
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    text: (page.querySelector<HTMLElement>('.slidev-layout') ?? page).innerText,
    stylesheets: [
      ...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'),
    ]
      .filter(link => link.sheet && !link.disabled && new URL(link.href).origin === location.origin)
      .map(link => new URL(link.href).pathname),
    fontFaces: faces,
    // As written and in either case (`text-transform`), with what CSS draws around text: list markers,
    // counters, quotes, ellipses.
    characters: [
      ...new Set(`${content.textContent ?? ''}0123456789.,:;()[]-\u2022\u25E6\u25AA\u2013\u2014\u2026\u201C\u201D\u2018\u2019"' `
        .split('')
        .flatMap(char => [
          char,
          char.toUpperCase(),
          char.toLowerCase(),
        ])),
    ].join(''),
  }

  function usedFontFaces(): Array<Omit<UsedFontFace, 'alias'>> {
    const unquote = (value: string) => value.trim().replace(/^(['"])(.*)\1$/, '$2')
    const loaded = [...document.fonts].filter(face => face.status === 'loaded')
    const faces: Array<Omit<UsedFontFace, 'alias'>> = []
    const visit = (rules: CSSRuleList, href: string) => {
      for (const rule of rules) {
        if ('cssRules' in rule && !(rule instanceof CSSFontFaceRule))
          visit((rule as CSSGroupingRule).cssRules, href)
        if (!(rule instanceof CSSFontFaceRule))
          continue
        const style = rule.style
        const family = unquote(style.getPropertyValue('font-family'))
        const weight = style.getPropertyValue('font-weight') || 'normal'
        const fontStyle = style.getPropertyValue('font-style') || 'normal'
        const range = style.getPropertyValue('unicode-range')
        const used = loaded.some(face => unquote(face.family) === family
          && (face.weight === weight || (face.weight === '400' && weight === 'normal') || (face.weight === 'normal' && weight === '400'))
          && face.style === fontStyle
          && (!range || face.unicodeRange.replace(/\s/g, '').toLowerCase() === range.replace(/\s/g, '').toLowerCase()))
        if (!used)
          continue
        let file: string | undefined
        const css = rule.cssText.replace(/url\((['"]?)([^'")]+)\1\)(\s*format\((['"]?)([\w-]+)\4\))?/g, (_, quote: string, url: string, format: string | undefined, _q: string, kind: string | undefined) => {
          const path = absolute(new URL(url, href).href)
          if (!file && (kind === 'woff2' || url.endsWith('.woff2')))
            file = path
          return `url(${quote}${path}${quote})${format ?? ''}`
        })
        if (!faces.some(face => face.css === css)) {
          faces.push({
            family,
            weight: weight === 'normal'
              ? '400'
              : weight,
            style: fontStyle,
            css,
            file,
          })
        }
      }
    }
    for (const sheet of document.styleSheets) {
      try {
        visit(sheet.cssRules, sheet.href ?? document.baseURI)
      }
      catch {}
    }
    return faces
  }
}

/** Whether slide `no` is on screen and settled (runs in the page, like `copySlide`). */
function slideSettled({ no, anyLayout }: { no: number, anyLayout: boolean }): boolean {
  const page = document.querySelector<HTMLElement>(`#slide-content .slidev-page-${no}`)
  return !!page
    && getComputedStyle(page).display !== 'none'
    && !page.querySelector('.slidev-slide-loading')
    // The slide's own layout is mounted (Slidev's layouts are `.slidev-layout`), not only the
    // global layers beside it; a deck's layout without that class is taken after a few seconds.
    && (anyLayout || !!page.querySelector('.slidev-layout'))
    && [
      ...page.querySelectorAll('img'),
    ].every(img => img.complete)
    && document.fonts.status === 'loaded'
}

/** The address of slide `no` on the served site at `url` (its base, ending in `/`). */
export function slideUrl(url: string, no: number, routerMode: string): string {
  return routerMode === 'hash'
    ? `${url}#/${no}`
    : `${url}${no}`
}

/** Presses → once in `page` and returns where the deck went (path and query), if anywhere within a second. */
async function nextAddress(page: Page): Promise<string | undefined> {
  const where = () => page.evaluate(() => location.pathname + location.search)
  const before = await where()
  await page.keyboard.press('ArrowRight')
  for (let wait = 0; wait < 40; wait++) {
    const after = await where()
    if (after !== before)
      return after
    await page.waitForTimeout(25)
  }
  return undefined
}

async function settle(page: Page, no: number, timeout: number): Promise<boolean> {
  const started = Date.now()
  const deadline = started + timeout
  // Asked from here, as a function: a deck's policy without 'unsafe-eval' refuses an expression.
  while (Date.now() < deadline) {
    const asked = { no, anyLayout: Date.now() - started > 5000 }
    if (await page.evaluate(slideSettled, asked)) {
      // Two frames, so that anything a component does once mounted is on screen.
      await page.evaluate(() => new Promise<void>(done => requestAnimationFrame(() => requestAnimationFrame(() => done()))))
      // Still so after them (a font or picture the slide asked for meanwhile is in).
      if (await page.evaluate(slideSettled, asked))
        return true
    }
    await page.waitForTimeout(50)
  }
  return false
}

/**
 * Opens every slide of the built deck served at `url` in `browser`, each at its own address in a
 * window of the canvas size (`pages` at a time), and copies it once it has settled (`copySlide`). A slide that does not
 * settle within `timeout` ms, or that cannot be copied, is returned among `skipped` with the reason.
 */
export async function snapshotSlides({ browser, url, slides, routerMode, canvas, timeout = 30_000, pages = 2, warn = () => {} }: {
  browser: Browser
  url: string
  /** The slide numbers to copy. */
  slides: number[]
  routerMode: string
  canvas: { width: number, height: number }
  timeout?: number
  /** How many slides are opened at once. */
  pages?: number
  warn?: (line: string) => void
}): Promise<{ snapshots: SlideSnapshot[], skipped: SlideSkipped[] }> {
  const context = await browser.newContext({
    viewport: canvas,
    // The site's service worker is not written yet, and would only get in the way.
    serviceWorkers: 'block',
  })
  const snapshots: SlideSnapshot[] = []
  const skipped: SlideSkipped[] = []
  // A page's uncaught errors, said once each with the slides they came from.
  const errors = new Map<string, string[]>()
  const queue = [...slides]
  const worker = async () => {
    const page = await context.newPage()
    page.on('pageerror', (error) => {
      const line = `uncaught ${String(error).split('\n')[0]}`
      errors.set(line, [
        ...errors.get(line) ?? [],
        page.url().split('/').pop() ?? '?',
      ])
    })
    for (let no = queue.shift(); no !== undefined; no = queue.shift()) {
      await page.goto(slideUrl(url, no, routerMode), { waitUntil: 'load', timeout })
      if (routerMode === 'hash')
        await page.reload({ waitUntil: 'load', timeout })
      if (!await settle(page, no, timeout)) {
        skipped.push({ no, reason: `the slide did not finish rendering within ${timeout / 1000} s` })
        continue
      }
      const copy = await page.evaluate(copySlide, no)
      if ('reason' in copy) {
        skipped.push({ no, reason: copy.reason })
      }
      else {
        snapshots.push({
          no,
          next: routerMode === 'hash'
            ? undefined
            : await nextAddress(page),
          ...copy,
        })
      }
    }
  }
  try {
    await Promise.all(Array.from({
      length: Math.min(pages, slides.length),
    }, worker))
    for (const [line, where] of errors) {
      warn(`${line} (slide${where.length > 1
        ? 's'
        : ''} ${[
        ...new Set(where),
      ].join(', ')})`)
    }
    snapshots.sort((a, b) => a.no - b.no)
    skipped.sort((a, b) => a.no - b.no)
  }
  finally {
    await context.close()
  }
  return { snapshots, skipped }
}
