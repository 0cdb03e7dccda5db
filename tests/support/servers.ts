import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { gzipSync } from 'node:zlib'
import { isCompressible } from '../../tools/serve'

// DECK_PORT, DECK_DEV_PORT and DECK_DIST let several test runs share a machine (each its own build and ports).

/** The built site, served like GitHub Pages by scripts/serve.ts. */
export const builtSite = {
  dist: process.env.DECK_DIST ?? 'dist',
  url: `http://127.0.0.1:${Number(process.env.DECK_PORT ?? 4173)}/`,
}

/** `npm run dev`, as the speaker runs it. */
export const devServer = {
  url: `http://127.0.0.1:${Number(process.env.DECK_DEV_PORT ?? 3041)}/`,
}

/**
 * The bytes GitHub Pages sends for `path` (relative to the site) of a built site: what
 * `serveSite({ gzip: true })` compresses (text) with gzip, fonts and images as they are. The test
 * server does not compress.
 */
export function gzipWeight(dist: string, path: string): number {
  const file = join(dist, path.endsWith('/')
    ? `${decodeURIComponent(path.replace(/[?#].*$/, ''))}index.html`
    : decodeURIComponent(path.replace(/[?#].*$/, '')))
  const content = readFileSync(file)
  return isCompressible(file)
    ? gzipSync(content).length
    : content.length
}
