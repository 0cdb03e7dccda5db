import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { gzipSync } from 'node:zlib'
import { deck } from '../../data/deck'
import { isCompressible } from '../../tools/serve'

// DECK_PORT, DECK_DEV_PORT and DECK_DIST let several test runs share a machine (each its own build and ports).

/** The base GitHub Pages serves the deck under: the path of its public URL. */
const base = new URL(deck.publicUrl).pathname

/**
 * The built site, as GitHub Pages hosts it: `npm test` builds it once with `--base` the path of
 * the public URL, and scripts/serve.ts serves it under that base only (404.html, status 404, for
 * any other path).
 */
export const builtSite = {
  dist: process.env.DECK_DIST ?? 'dist',
  base,
  url: `http://127.0.0.1:${Number(process.env.DECK_PORT ?? 4173)}${base}`,
}

/**
 * `npm run dev`, as the speaker runs it: started by the tests that need it (tests/e2e/dev-server.spec.ts),
 * not for the whole run, since it costs a core while it starts and compiles.
 */
export const devServer = {
  port: Number(process.env.DECK_DEV_PORT ?? 3041),
}

/**
 * The bytes GitHub Pages sends for `path` (relative to the site) of a built site: what
 * `serveSite({ gzip: true })` compresses (text) with gzip, fonts and images as they are. The test
 * server does not compress.
 */
export function gzipWeight(dist: string, urlPath: string): number {
  // A path of the served site (under its base) or of the folder.
  const path = urlPath.startsWith(builtSite.base)
    ? `/${urlPath.slice(builtSite.base.length)}`
    : urlPath
  const file = join(dist, path.endsWith('/')
    ? `${decodeURIComponent(path.replace(/[?#].*$/, ''))}index.html`
    : decodeURIComponent(path.replace(/[?#].*$/, '')))
  const content = readFileSync(file)
  return isCompressible(file)
    ? gzipSync(content).length
    : content.length
}
