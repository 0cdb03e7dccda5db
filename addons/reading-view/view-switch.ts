/**
 * Which view a visitor of the deck gets. A phone held upright (narrower than 600 CSS px and taller
 * than wide) that opens the deck or a slide (`/`, `/16`) is sent to the reading view at that slide
 * (`read/`, `read/#16`), unless the visitor chose the slides on this device: the reading view's
 * "View as slides" links add `?view=slides`, which is remembered. The presenter view, the overview,
 * the exports and every other route never switch.
 */

/** The media query of a phone held upright. */
export const portraitPhoneQuery = '(max-width: 599.98px) and (orientation: portrait)'

/** The `localStorage` key that remembers the choice, one per site (GitHub Pages sites share an origin). */
export function viewChoiceKey(base: string): string {
  return `deck-view:${base}`
}

export interface VisitorView {
  /** The site's base path, e.g. `/` or `/building-rust-for-production/`. */
  base: string
  pathname: string
  search: string
  /** Whether the screen matches `portraitPhoneQuery`. */
  portraitPhone: boolean
  /** Where the choice is remembered (`localStorage`), if the browser lets the page use it. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>
  /** `viewChoiceKey(base)` */
  key: string
  /** Pages like `read/` that a query parameter of the deck's address means (`?follow` → `follow/`). */
  pages?: Array<{ query: string, path: string }>
}

/**
 * The reading view's URL for this visit, or `undefined` to show the deck. Self-contained on purpose:
 * `viewSwitchScript` puts its source into the small script that runs before the deck loads
 * (`view-switch.js`, which vite-plugin.ts serves and writes into the build).
 */
export function readingViewFor(visit: VisitorView): string | undefined {
  if (/(?:^\?|&)view=slides(?:&|$)/.test(visit.search)) {
    try {
      visit.storage?.setItem(visit.key, 'slides')
    }
    catch {}
    return undefined
  }
  if (!visit.portraitPhone || !visit.pathname.startsWith(visit.base))
    return undefined
  let chosen: string | null | undefined
  try {
    chosen = visit.storage?.getItem(visit.key)
  }
  catch {}
  if (chosen === 'slides')
    return undefined
  const route = visit.pathname.slice(visit.base.length).replace(/\/$/, '')
  const params = new URLSearchParams(visit.search)
  const page = visit.pages?.findLast(candidate => params.has(candidate.query))?.path ?? 'read/'
  if (route === '')
    return visit.base + page
  if (/^\d+$/.test(route))
    return `${visit.base + page}#${Number(route)}`
  return undefined
}

/** The script the deck's pages run first: sends a phone held upright to the reading view. */
export function viewSwitchScript(base: string, pages: Array<{ query: string, path: string }> = []): string {
  return `// Sends a phone held upright to the reading view (slidev-addon-reading-view).
(function () {
  var readingViewFor = ${readingViewFor.toString()};
  var storage;
  try { storage = window.localStorage } catch (e) {}
  var target = readingViewFor({
    base: ${JSON.stringify(base)},
    pathname: location.pathname,
    search: location.search,
    portraitPhone: window.matchMedia(${JSON.stringify(portraitPhoneQuery)}).matches,
    storage: storage,
    key: ${JSON.stringify(viewChoiceKey(base))},
    pages: ${JSON.stringify(pages)}
  });
  if (target) location.replace(target);
})();
`
}
