/**
 * What the deck may cost, checked by `npm run bench` (bench/bench.ts), which measures on the
 * machine it runs on. Time to slide 1 is measured against the same deck built with Slidev's stock
 * client (`SLIDEV_LEAN_CLIENT=off`, without slidev-addon-lean-client) in the same run, loads taken in
 * turn, so a slow or busy machine slows both. The other timings are absolute: compare runs made on
 * a quiet machine.
 */
export interface Budget {
  /** The most the figure may be (the least, for a `floor`). */
  limit: number
  unit: 'KiB' | 'ms' | 's' | '%' | 'x' | ''
  what: string
  /** A score that must reach `limit`, rather than a cost that must stay under it. */
  floor?: true
}

/**
 * A Markdown table of figures against their budgets: rows of [what, measured, budget, 'ok' or
 * 'OVER'], the two numbers aligned right.
 */
export function budgetTable(rows: string[][]): string {
  const header = ['figure', 'measured', 'budget', '']
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map(row => row[i]!.length)))
  const numeric = (i: number) => i === 1 || i === 2
  const line = (row: string[]) => `| ${row.map((cell, i) => numeric(i)
    ? cell.padStart(widths[i]!)
    : cell.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w, i) => numeric(i)
      ? `${'-'.repeat(w + 1)}:`
      : '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

/** Whether a measured figure keeps its budget. */
export function withinBudget(budget: Budget, value: number): boolean {
  return budget.floor
    ? value >= budget.limit
    : value <= budget.limit
}

export const budgets = {
  firstLoadKiB: { limit: 130, unit: 'KiB', what: 'first load: gzip bytes until slide 1 is shown, fonts included' },
  firstLoadWireKiB: { limit: 130, unit: 'KiB', what: 'first load: the same on the wire, response headers included' },
  // 12 since the slide show's own files joined Slidev's core chunk (slidev-addon-lean-client); each
  // request costs a few hundred bytes of headers and, for chained imports, a round trip.
  firstLoadRequests: { limit: 14, unit: '', what: 'first load: requests until slide 1 is shown' },
  // About 60 % on a 2-core machine (medians of 7 pairs: 52 to 63 %, e.g. 470 against 830 ms); single
  // pairs range from 43 to 90 %, hence the room.
  slide1Share: { limit: 75, unit: '%', what: 'first load: time to slide 1, in % of Slidev\'s stock client\'s' },
  nextSlideMs: { limit: 100, unit: 'ms', what: 'ArrowRight until the next slide is shown' },
  // Slide 1 against the same talk as a static Marp page, loads taken in turn (bench/side-by-side.ts):
  // each slide's page is painted from its HTML before the deck's scripts run (slidev-addon-prerender).
  slide1VsMarp: { limit: 1.2, unit: 'x', what: 'first load: time to slide 1, against Marp\'s static page of the talk' },
  bytesBeforePaintKiB: { limit: 40, unit: 'KiB', what: 'first load: bytes on the wire before the first paint' },
  // Keys work once the deck's scripts run, which the pre-rendered page starts after its first paint.
  keysLaterMs: { limit: 0, unit: 'ms', what: 'first load: keys work later than without pre-rendered pages by' },
  // The build now also renders and checks every slide in a browser and makes the link preview image
  // (about 3 s), prints the handout into the site (about 6 s), writes the reading view and the
  // service worker (about 2 s): 15 s was the budget of the site and the slides PDF alone.
  buildSeconds: { limit: 30, unit: 's', what: '`npm run build` (the site, both PDFs, the service worker)' },
  exportSeconds: { limit: 25, unit: 's', what: '`npm run export` (slides PDF, from scratch)' },
  pdfKiB: { limit: 2048, unit: 'KiB', what: 'slides PDF size' },
  devStartMs: { limit: 10_000, unit: 'ms', what: '`npm run dev` until slide 1 is shown' },
  hmrMs: { limit: 500, unit: 'ms', what: 'save slides.md until the browser shows the edit' },
  readingKiB: { limit: 60, unit: 'KiB', what: 'reading view (read/) on a phone: gzip bytes, fonts included' },
  readingScriptKiB: { limit: 5, unit: 'KiB', what: 'reading view: gzip bytes of JavaScript' },
  readingPerformance: {
    limit: 95,
    unit: '',
    what: 'reading view: Lighthouse performance (mobile), at least',
    floor: true,
  },
  readingAccessibility: {
    limit: 100,
    unit: '',
    what: 'reading view: Lighthouse accessibility, at least',
    floor: true,
  },
  readingBestPractices: {
    limit: 100,
    unit: '',
    what: 'reading view: Lighthouse best practices, at least',
    floor: true,
  },
  readingSeo: {
    limit: 100,
    unit: '',
    what: 'reading view: Lighthouse SEO, at least',
    floor: true,
  },
  // The save-and-check loop and the whole test command, on this 2-core machine once set up.
  testFastSeconds: { limit: 60, unit: 's', what: '`npm run test:fast` (lint, deck check, unit tests)' },
  testSeconds: { limit: 360, unit: 's', what: '`npm test`, every phase (bench/test-phases.ts)' },
} satisfies Record<string, Budget>

export type Figure = keyof typeof budgets

/**
 * What following the speaker may cost, checked by `npm run bench:follow` (bench/follow.ts): 1,000
 * phones on a local Mosquitto over WebSocket, the speaker moving on 30 times, every 200 ms. Broker,
 * speaker and followers share this machine's CPUs, so the latency is an upper bound for the broker.
 * Debian's Mosquitto 2.0.11 serves WebSocket clients on its main loop's 100 ms tick (its libwebsockets
 * has no external poll), so a delivery may wait up to 100 ms there: 10 followers get a position in
 * 3 ms (median) or 103 ms (95th percentile). 1,000 on a 2-core machine shared with other work (load
 * average 4 to 10): p95 150 to 350 ms; at a load average of 17, 1.3 s. No position was ever lost.
 * 5,000 (`--followers 5000`, load average 10): p95 2.1 s, none lost, all back 9.5 s after a restart.
 * Where one Mosquitto stops and what takes over: addons/follow/README.md, "A room's worth of phones".
 */
export const followBudgets = {
  followConnectSeconds: { limit: 30, unit: 's', what: 'follow: 1,000 followers connected and subscribed' },
  followP95Ms: { limit: 250, unit: 'ms', what: 'follow: speaker publish until a follower has it, 95th percentile' },
  followMissed: { limit: 0, unit: '', what: 'follow: positions that never reached a follower' },
  followWrongSlide: { limit: 0, unit: '', what: 'follow: followers not on the speaker\'s last slide at the end' },
  // Then the broker restarts under them: each phone waits a random part of a window that doubles
  // (addons/follow/backoff.ts), so the room comes back spread out rather than in one second.
  followReconnectSeconds: { limit: 10, unit: 's', what: 'follow: broker restart until every follower is on the speaker\'s next slide' },
  // On a fixed timer the whole room reconnects within the same tenth of a second once the broker is
  // back (100 %). With a 1 s window, 97 % came in one second; with 2 s, 70 % after a restart that
  // kept the broker away 2.9 s (the phones that tried meanwhile all drew again from 4 s).
  followReconnectPeakShare: { limit: 75, unit: '%', what: 'follow: most reconnections in one second, in % of the followers' },
} satisfies Record<string, Budget>
