import type { ChildNode, Document, Element } from 'domhandler'
import type { SlideSnapshot } from './snapshot'
import { render } from 'dom-serializer'
import { append, appendChild, findAll, findOne, getAttributeValue, prependChild, removeElement } from 'domutils'
import { parseDocument } from 'htmlparser2'
import { bootScript, copyClass, deferredTemplateId, offClass, waitClass } from './boot'

/** Parsed and written as Beasties does, so that the page goes through both unchanged. */
const parse = (html: string): Document => parseDocument(html, { decodeEntities: false })
const write = (doc: Document | ChildNode[]): string => render(doc, { decodeEntities: false })

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function tags(html: string): ChildNode[] {
  return parse(html).children
}

function element(doc: Document, name: string): Element {
  const found = findOne(el => el.name === name, doc.children)
  if (!found)
    throw new Error(`the site's index.html has no <${name}>`)
  return found
}

/** The `content` of `index.html`'s `<meta name="…">`, its entities decoded. */
export function metaContent(html: string, name: string): string | undefined {
  const meta = findOne(el => el.name === 'meta' && el.attribs.name === name, parseDocument(html).children)
  return meta?.attribs.content
}

/**
 * The page's description: the slide's text after its title, on one line, cut at a word before
 * `max` characters. A slide with no more text than its title has the deck's description.
 */
export function slideDescription(text: string, title: string, fallback = '', max = 160): string {
  let rest = text.replace(/\s+/g, ' ').trim()
  const heading = title.replace(/\s+/g, ' ').trim()
  if (heading && rest.startsWith(heading))
    rest = rest.slice(heading.length).trim()
  if (!rest)
    return fallback
  if (rest.length <= max)
    return rest
  const cut = rest.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2
    ? cut.slice(0, space)
    : cut).replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`
}

/**
 * The page's title: the slide's own title before the deck's (`$ man cargo · Building Rust for
 * Production`); slide 1, or a slide without a title of its own, has the deck's.
 */
export function slideTitle(no: number, title: string | undefined, deckTitle: string): string {
  const own = (title ?? '').replace(/<[^>]*>/g, '').replace(/[*_`~]/g, '').replace(/\s+/g, ' ').trim()
  return no === 1 || !own || own === deckTitle
    ? deckTitle
    : `${own} · ${deckTitle}`
}

/**
 * The page's own CSS: the copy covers the window above the (empty) `#app` until the deck takes
 * over, and is scaled to the window as Slidev scales the slide: min(width / canvas width, height /
 * canvas height) of `#slide-container`, computed by CSS alone (container units; `tan(atan2())` turns
 * a ratio of lengths into a number). A browser without those keeps the slide at its canvas size.
 */
export function copyCss(canvas: { width: number, height: number }): string {
  const scale = `min(tan(atan2(100cqw, ${canvas.width}px)), tan(atan2(100cqh, ${canvas.height}px)))`
  return [
    `.${copyClass}{position:fixed;inset:0;z-index:2147483646}`,
    `.${offClass} .${copyClass}{display:none}`,
    `.${waitClass} .${copyClass}{visibility:hidden}`,
    `.${copyClass} #slide-container{container-type:size}`,
    `.${copyClass} #slide-content{--slidev-slide-scale:1}`,
    `@supports (width: calc(100cqw * tan(atan2(1px, 1px)))){.${copyClass} #slide-content{--slidev-slide-scale:${scale}}}`,
  ].join('')
}

/** The canvas size the snapshot was taken at, from `#slide-content`'s inline style. */
export function canvasSize(snapshotHtml: string): { width: number, height: number } {
  const content = findOne(el => getAttributeValue(el, 'id') === 'slide-content', parse(snapshotHtml).children)
  const style = (content && getAttributeValue(content, 'style')) || ''
  const width = Number(/(?:^|;)\s*width:\s*([\d.]+)px/.exec(style)?.[1])
  const height = Number(/(?:^|;)\s*height:\s*([\d.]+)px/.exec(style)?.[1])
  if (!width || !height)
    throw new Error('the copied slide has no canvas size on #slide-content')
  return { width, height }
}

export interface SlidePageInput {
  /** The site's `index.html` as Vite and the other addons wrote it. */
  indexHtml: string
  snapshot: SlideSnapshot
  base: string
  routerMode: string
  /** The page's title (slideTitle) and description (slideDescription). */
  title: string
  description: string
  /** The slide's public address, when the deck has one (`seoMeta.ogUrl`). */
  url?: string
  /** The copy's `@font-face` rules (fonts.ts). */
  fontFaces: string
}

/** Attributes that mark the stylesheets a page lists only so that its critical CSS is taken from them. */
const onlyForCriticalCss = 'data-slidev-prerender-css'

/**
 * The page of one slide, before its critical CSS is taken (critical.ts): the site's `index.html`
 * with the slide's own title, description and link-preview tags, the boot script, and the copy
 * of the slide after `#app`. Every stylesheet the slide used is linked, so that the critical CSS
 * is taken from all of them; `deferApp` then removes the ones the deck loads by itself.
 */
export function slidePage({ indexHtml, snapshot, base, routerMode, title: ownTitle, description, url, fontFaces }: SlidePageInput): string {
  const doc = parse(indexHtml)
  const html = element(doc, 'html')
  const head = element(doc, 'head')
  const body = element(doc, 'body')
  for (const [el, extra] of [
    [html, snapshot.htmlClass],
    [body, snapshot.bodyClass],
  ] as const) {
    const classes = new Set([
      ...(getAttributeValue(el, 'class') ?? '').split(/\s+/),
      ...extra.split(/\s+/),
    ].filter(Boolean))
    if (classes.size)
      el.attribs.class = [...classes].join(' ')
  }

  // The slide's own title and description, wherever the deck's stood.
  const title = findOne(el => el.name === 'title', head.children)
  if (title)
    removeElement(title)
  const replaced = /^(?:description|og:title|og:description|og:url|twitter:title|twitter:description)$/
  for (const meta of findAll(el => el.name === 'meta' && replaced.test(getAttributeValue(el, 'name') ?? getAttributeValue(el, 'property') ?? ''), head.children))
    removeElement(meta)
  for (const canonical of findAll(el => el.name === 'link' && getAttributeValue(el, 'rel') === 'canonical', head.children))
    removeElement(canonical)
  const hadLinkPreview = indexHtml.includes('og:')
  const own = [
    `<title>${escapeText(ownTitle)}</title>`,
    `<meta name="description" content="${escapeAttribute(description)}">`,
    ...(hadLinkPreview || url
      ? [
          `<meta property="og:title" content="${escapeAttribute(ownTitle)}">`,
          `<meta property="og:description" content="${escapeAttribute(description)}">`,
          `<meta name="twitter:title" content="${escapeAttribute(ownTitle)}">`,
          `<meta name="twitter:description" content="${escapeAttribute(description)}">`,
        ]
      : []),
    ...(url
      ? [
          `<meta property="og:url" content="${escapeAttribute(url)}">`,
          `<link rel="canonical" href="${escapeAttribute(url)}">`,
        ]
      : []),
    `<meta name="slidev-prerender" content="${snapshot.no}" data-base="${escapeAttribute(base)}" data-router-mode="${escapeAttribute(routerMode)}"${snapshot.next
      ? ` data-next="${escapeAttribute(snapshot.next)}"`
      : ''}>`,
    `<style>${copyCss(canvasSize(snapshot.html))}${fontFaces}</style>`,
  ].join('\n')
  const charset = findOne(el => el.name === 'meta' && (el.attribs.charset !== undefined || /content-type/i.test(el.attribs['http-equiv'] ?? '')), head.children)
  const anchor = charset ?? findOne(el => el.name === 'meta', head.children)
  for (const node of tags(own).reverse()) {
    if (anchor)
      append(anchor, node)
    else
      prependChild(head, node)
  }

  // The boot script before the deck's own scripts (in the order the deck had them).
  const firstModule = findOne(el => el.name === 'script' && getAttributeValue(el, 'type') === 'module', head.children)
  const boot = tags(`<script>${bootScript()}</script>`)[0]
  if (firstModule) {
    const siblings = firstModule.parent!.children
    siblings.splice(siblings.indexOf(firstModule), 0, boot)
    boot.parent = firstModule.parent
  }
  else {
    appendChild(head, boot)
  }

  // Every stylesheet the slide used that index.html does not link, for its critical CSS only.
  const linked = new Set(findAll(el => el.name === 'link' && /\bstylesheet\b/.test(getAttributeValue(el, 'rel') ?? ''), head.children).map(el => getAttributeValue(el, 'href')))
  for (const href of snapshot.stylesheets.filter(href => !linked.has(href)))
    appendChild(head, tags(`<link rel="stylesheet" href="${escapeAttribute(href)}" ${onlyForCriticalCss}>`)[0])

  // The copy, after the (empty) #app that the deck mounts into.
  const app = findOne(el => getAttributeValue(el, 'id') === 'app', body.children)
  const copy = tags(`<div class="${copyClass}">${snapshot.html}</div>`)[0]
  if (app)
    append(app, copy)
  else
    prependChild(body, copy)
  return write(doc)
}

/**
 * The page after its critical CSS is inlined: the stylesheets listed only for it are gone, and
 * the deck's own scripts, module preloads, stylesheets and font preloads wait in a `<template>` that the boot
 * script empties into `<head>` once the slide is painted.
 */
export function deferApp(html: string): string {
  const doc = parse(html)
  const head = element(doc, 'head')
  delete element(doc, 'html').attribs['data-beasties-container']
  for (const link of findAll(el => el.name === 'link' && el.attribs[onlyForCriticalCss] !== undefined, doc.children))
    removeElement(link)
  // The deck's font preloads too: the copy has its fonts inline, and the deck's would only compete with it.
  const deferred = findAll(el => (el.name === 'script' && getAttributeValue(el, 'type') === 'module')
    || (el.name === 'link' && /\b(?:modulepreload|stylesheet)\b/.test(getAttributeValue(el, 'rel') ?? ''))
    || (el.name === 'link' && getAttributeValue(el, 'rel') === 'preload' && getAttributeValue(el, 'as') === 'font'), head.children)
  const template = tags(`<template id="${deferredTemplateId}"></template>`)[0] as Element
  for (const el of deferred) {
    removeElement(el)
    appendChild(template, el)
  }
  appendChild(head, template)
  return write(doc)
}
