/**
 * The small script a pre-rendered page runs first, inline in its `<head>` (no request: it would hold
 * the paint back by a round trip). The slide is already painted from the page's HTML without it; it does two things:
 *
 * - The page holds one slide at its first click. When the address asks for something else (the
 *   presenter view answered by the 404 page, `?clicks=2`, another slide by the hash), the copy is
 *   hidden before anything is painted, and the deck loads as it always did.
 * - Until the deck runs, → goes to the next slide's page, where the deck's → would go (`keyTarget`).
 * - Otherwise it lets the browser paint the copy and load its fonts, then starts the deck: the
 *   scripts, module preloads and stylesheets that Vite wrote into the page wait in a `<template>`
 *   until then, so that no byte of the app is fetched or run before the slide is on screen.
 */

/** A visit, as the script reads it from `location` and the page's `<meta name="slidev-prerender">`. */
export interface PrerenderVisit {
  /** The site's base path, `/` or `/name/`. */
  base: string
  /** Slidev's `routerMode`: `history` (the default) or `hash`. */
  routerMode: string
  pathname: string
  search: string
  hash: string
}

/**
 * The slide a visit shows at its first click, or `undefined` when it shows anything else (another
 * view, a later click, a path outside the site). Self-contained on purpose: `bootScript` puts its
 * source into the page's script.
 */
export function slideAtFirstClick(visit: PrerenderVisit): number | undefined {
  const query = /(?:^\?|&)clicks=(\d+)/.exec(visit.search)
  if (query && Number(query[1]) > 0)
    return undefined
  let route: string
  if (visit.routerMode === 'hash') {
    const path = visit.pathname.replace(/index\.html$/, '')
    if (path !== visit.base && `${path}/` !== visit.base)
      return undefined
    const hash = visit.hash.replace(/^#\/?/, '')
    const inner = hash.split('?')
    const clicks = /(?:^|&)clicks=(\d+)/.exec(inner[1] || '')
    if (clicks && Number(clicks[1]) > 0)
      return undefined
    route = inner[0]
  }
  else {
    const path = visit.pathname.replace(/\/index\.html$/, '/')
    if (!path.startsWith(visit.base) && `${path}/` !== visit.base)
      return undefined
    route = path.slice(visit.base.length)
  }
  route = route.replace(/\/$/, '')
  if (route === '')
    return 1
  return /^\d+$/.test(route) && Number(route) > 0
    ? Number(route)
    : undefined
}

/** The `id` of the `<template>` that holds the deck's own tags until the slide is painted. */
export const deferredTemplateId = 'slidev-prerender-app'

/**
 * Where a key pressed before the deck runs takes the visitor: → (and Space, PageDown, as in Slidev)
 * to `next`, the address the deck itself went to when → was pressed on this slide at build time (its
 * first click, the next slide, or wherever a deck's own shortcut leads). `undefined` for any other
 * key, with a modifier, or where → goes nowhere: those wait for the deck. Self-contained, like
 * `slideAtFirstClick`: its source goes into the page's script.
 */
export function keyTarget(key: { key: string, shiftKey: boolean, ctrlKey: boolean, altKey: boolean, metaKey: boolean }, next: string | null | undefined): string | undefined {
  if (key.ctrlKey || key.altKey || key.metaKey || key.shiftKey || !next)
    return undefined
  return key.key === 'ArrowRight' || key.key === ' ' || key.key === 'PageDown'
    ? next
    : undefined
}

/** The class of the copy of the slide that a page shows until the deck takes over (client/takeover.ts). */
export const copyClass = 'slidev-prerender'

/** The class on `<html>` that keeps the copy invisible while its fonts are decoded or its scale computed (CSS in page.ts). */
export const waitClass = 'slidev-prerender-wait'

/** The class on `<html>` that hides the copy (CSS in page.ts). */
export const offClass = 'slidev-prerender-off'

/** The script's source (see the top of this file): a classic script, which runs before the page is painted. */
export function bootScript(): string {
  return `// Starts a pre-rendered Slidev page (slidev-addon-prerender): the slide is painted first, then the deck.
(function () {
  var slideAtFirstClick = ${slideAtFirstClick.toString()};
  var meta = document.querySelector('meta[name="slidev-prerender"]');
  if (!meta) return;
  var here = slideAtFirstClick({
    base: meta.getAttribute('data-base') || '/',
    routerMode: meta.getAttribute('data-router-mode') || 'history',
    pathname: location.pathname,
    search: location.search,
    hash: location.hash
  }) === Number(meta.getAttribute('content'));
  if (!here) document.documentElement.classList.add(${JSON.stringify(offClass)});
  // The copy stays invisible (at most a second) until what it needs is ready, so that it is never
  // laid out otherwise first: its fonts, which are in the page but decoded after the first layout,
  // and, where the page's CSS cannot scale it, its scale.
  var root = document.documentElement;
  var waiting = 0;
  function hold() {
    waiting++;
    root.classList.add(${JSON.stringify(waitClass)});
    var done = false;
    var release = function () {
      if (done) return;
      done = true;
      if (--waiting === 0) root.classList.remove(${JSON.stringify(waitClass)});
    };
    setTimeout(release, 1000);
    return release;
  }
  function whenParsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
    else then();
  }
  var faces = [];
  if (here && document.fonts && document.fonts.forEach) {
    document.fonts.forEach(function (face) { if (/^["']?slidev-prerender-/.test(face.family)) faces.push(face); });
  }
  if (faces.length) {
    var fontsIn = hold();
    Promise.all(faces.map(function (face) { return face.load(); })).then(fontsIn, fontsIn);
  }
  // The page's CSS scales the copy with tan(atan2()) of container units; a browser without them, or
  // one that gets them wrong (WebKit 2.50 takes 100vw in atan2() for something else), is found out by
  // asking for tan(atan2(100vw, <the window's width>px)), which is 1, and the copy is scaled from here.
  var probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;scale:tan(atan2(100vw, ' + innerWidth + 'px))';
  root.appendChild(probe);
  var scales = Math.abs(parseFloat(getComputedStyle(probe).scale) - 1) < 0.01;
  probe.remove();
  if (here && !scales) {
    var scaled = hold();
    whenParsed(function () {
      var fit = function () {
        var container = document.querySelector(${JSON.stringify(`.${copyClass} #slide-container`)});
        var content = container && container.querySelector('#slide-content');
        if (!content || !content.isConnected) return;
        var box = getComputedStyle(container);
        var width = container.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
        var height = container.clientHeight - parseFloat(box.paddingTop) - parseFloat(box.paddingBottom);
        content.style.setProperty('--slidev-slide-scale', String(Math.min(width / content.offsetWidth, height / content.offsetHeight)));
      };
      fit();
      addEventListener('resize', fit);
      scaled();
    });
  }
  // Until the deck runs, → goes to the next page as the deck's own → would (each slide's page paints
  // at once); history mode only, where each slide has a page.
  var keyTarget = ${keyTarget.toString()};
  if (here && meta.getAttribute('data-router-mode') !== 'hash') {
    addEventListener('keydown', function (event) {
      var app = document.getElementById('app');
      var target = event.target;
      if (event.defaultPrevented || (app && app.childElementCount > 0) || (target && (target.isContentEditable || /^(?:input|textarea|select)$/i.test(target.localName || '')))) return;
      var url = keyTarget(event, meta.getAttribute('data-next'));
      if (url) { event.preventDefault(); location.assign(url); }
    });
  }
  function start() {
    var template = document.getElementById(${JSON.stringify(deferredTemplateId)});
    if (!template || template.getAttribute('data-started')) return;
    template.setAttribute('data-started', '');
    var tags = template.content ? template.content.children : template.children;
    for (var i = 0; i < tags.length; i++) {
      var tag = tags[i];
      var copy = document.createElement(tag.localName);
      for (var j = 0; j < tag.attributes.length; j++)
        copy.setAttribute(tag.attributes[j].name, tag.attributes[j].value);
      if (tag.localName === 'link')
        copy.addEventListener('error', function () { this.setAttribute('data-slidev-prerender-failed', ''); });
      document.head.appendChild(copy);
    }
  }
  // The deck starts once the slide is painted (its first contentful paint, where the browser reports
  // paints) and its fonts are in: until then its scripts would take the main thread from the paint.
  // Two frames and a task stand in where a browser reports no paint; after 3 s it starts anyway.
  function painted(then) {
    var done = false;
    function go() { if (!done) { done = true; then(); } }
    setTimeout(go, 3000);
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || [];
    if (types.indexOf('paint') >= 0) {
      var seen = function () { return performance.getEntriesByName('first-contentful-paint').length > 0; };
      if (seen()) return go();
      var observer = new PerformanceObserver(function () { if (seen()) { observer.disconnect(); go(); } });
      observer.observe({ type: 'paint', buffered: true });
    }
    else {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(go, 0); }); });
    }
  }
  function afterPaint() {
    if (!here) return start();
    painted(function () {
      if (document.fonts && document.fonts.ready) document.fonts.ready.then(start, start);
      else start();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint);
  else afterPaint();
})();
`
}
