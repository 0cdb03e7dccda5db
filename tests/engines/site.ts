import type { StaticSite } from '../../tools/serve'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { deck } from '../../data/deck'
import { serveSite } from '../../tools/serve'

/** The GitHub Pages base the site is built for (`npm run build:pages`). */
export const base = new URL(deck.publicUrl).pathname

/** Where the page's problems are kept: the tab's sessionStorage, which outlives each navigation. */
export const problemsKey = 'deck-engine-problems'

/**
 * Records what a visitor's browser would complain about, in every engine alike: uncaught errors,
 * unhandled promise rejections, Content-Security-Policy violations, `console.error` and elements
 * that fail to load, while the visitor is on the page. WebKitWebDriver offers no way to read the console nor to run a script before
 * the page's own, so the served site runs it itself (see `probedSite`). Self-contained: it is sent
 * to the browser as source.
 */
export function probe(): void {
  const key = 'deck-engine-problems'
  // Loads cut short because the visitor went to another page are no problem they see.
  let leaving = false
  addEventListener('beforeunload', () => leaving = true)
  addEventListener('pagehide', () => leaving = true)
  addEventListener('pageshow', () => leaving = false)
  const note = (problem: string) => {
    if (leaving)
      return
    try {
      const seen = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]
      seen.push(`${location.pathname}${location.hash}: ${problem}`)
      sessionStorage.setItem(key, JSON.stringify(seen))
    }
    catch {}
  }
  const describe = (value: unknown) => value instanceof Error
    ? `${value.name}: ${value.message}`
    : String(value)
  addEventListener('error', (event) => {
    const target = event.target as { src?: string, href?: string } | null
    if (event instanceof ErrorEvent)
      note(`uncaught ${describe(event.error ?? event.message)}`)
    else if (target && target !== window as unknown)
      note(`failed to load ${target.src || target.href}`)
  }, true)
  addEventListener('unhandledrejection', event => note(`unhandled rejection: ${describe(event.reason)}`))
  document.addEventListener('securitypolicyviolation', event =>
    note(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`))
  const consoleError = console.error
  console.error = (...args: unknown[]) => {
    note(`console.error: ${args.map(describe).join(' ')}`)
    consoleError.apply(console, args)
  }
}

/**
 * A copy of the built site (dist/) with `probe` run first on every page of the deck: before
 * `view-switch.js`, the script each of them runs before anything else (slidev-addon-reading-view's view-switch.ts). The
 * service worker caches the file as served, so the probe runs offline too. The reading view runs
 * no script, so nothing is added to it.
 */
export function probedSite(dist = resolve(process.env.DECK_DIST ?? 'dist')): string {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} has no built site: run \`npm run build:pages\` first`)
  const copy = mkdtempSync(join(tmpdir(), 'deck-engines-'))
  cpSync(dist, copy, { recursive: true })
  // The deck's pages run view-switch.js first; the follow page (slidev-addon-follow), a reading
  // view with one script, runs its follow-page chunk.
  const firsts = [
    'view-switch.js',
    ...readdirSync(join(copy, 'assets')).filter(file => /^follow-page-.*\.js$/.test(file)).map(file => `assets/${file}`),
  ]
  for (const file of firsts)
    writeFileSync(join(copy, file), `(${probe})();\n${readFileSync(join(copy, file), 'utf8')}`)
  return copy
}

/** Serves `probedSite(dist)` like GitHub Pages, under `base` only; `close` also removes the copy. */
export async function serveProbedSite(dist?: string, siteBase = base): Promise<StaticSite> {
  return serveCopy(probedSite(dist), siteBase)
}

/** Serves a copy of the site like GitHub Pages, under `siteBase` only; `close` also removes the copy. */
async function serveCopy(copy: string, siteBase: string): Promise<StaticSite> {
  const site = await serveSite(copy, { base: siteBase })
  return {
    url: site.url,
    close: async () => {
      await site.close()
      rmSync(copy, { recursive: true, force: true })
    },
  }
}

/**
 * A copy of the built site whose pages never start the deck: each slide's page without the
 * `<template>` that holds the deck's scripts until the slide is painted (slidev-addon-prerender).
 * What it shows is what a visitor sees before any of the deck's scripts has run.
 */
export async function serveSiteWithoutDeck(dist = resolve(process.env.DECK_DIST ?? 'dist'), siteBase = base): Promise<StaticSite> {
  const copy = mkdtempSync(join(tmpdir(), 'deck-still-'))
  cpSync(dist, copy, { recursive: true })
  for (const file of readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('index.html'))) {
    const html = readFileSync(join(copy, file), 'utf8')
    writeFileSync(join(copy, file), html.replace(/<template id="slidev-prerender-app">[\s\S]*?<\/template>/, ''))
  }
  return serveCopy(copy, siteBase)
}
