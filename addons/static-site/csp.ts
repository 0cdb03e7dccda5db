import type { Plugin } from 'vite'
import type { DeckSources } from './remote-origins.ts'
import { policyAdditionsOf, policyHeader, withAdditions } from 'slidev-addons-kit/policy'
import { remoteAdditions, remoteOrigins, remoteOriginsLine } from './remote-origins.ts'

/**
 * The Content-Security-Policy of the built deck: everything comes from the site itself, the
 * service worker and the web app manifest included. GitHub Pages sets no headers, so it goes into
 * a `<meta http-equiv>` tag (where `frame-ancestors` and reporting are not available). Scripts come only from the site's own files. Styles also allow
 * 'unsafe-inline': Slidev writes `style` attributes (slide scaling, highlighted code) and adds
 * `<style>` elements while running (print page size, the light/dark switch), whose content is
 * made at run time and so cannot be listed by hash.
 */
export const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': [`'self'`],
  'script-src': [`'self'`],
  'style-src': [`'self'`, `'unsafe-inline'`],
  'img-src': [`'self'`, 'data:'],
  // data: fonts are a stylesheet's own (a theme may inline one).
  'font-src': [`'self'`, 'data:'],
  'connect-src': [`'self'`],
  // The service worker (sw.js) and the web app manifest of the offline site (slidev-addon-offline-app).
  'worker-src': [`'self'`],
  'manifest-src': [`'self'`],
  'object-src': [`'none'`],
  'base-uri': [`'self'`],
  'form-action': [`'self'`],
}

export function cspHeader(policy = contentSecurityPolicy): string {
  return policyHeader(policy)
}

/**
 * Adds the policy to the built index.html (and so to 404.html, its copy). Only the build: the dev
 * server injects inline scripts and styles for hot reloading, which the policy would block.
 * Another plugin widens it through its `api.contentSecurityPolicy` (e.g. slidev-addon-follow lets
 * the page reach the broker the headmatter names, and only then).
 */
export function deckCsp(base = contentSecurityPolicy, remote?: { deck: () => DeckSources, allow: boolean }): Plugin {
  let policy = base
  let logger: { info: (line: string) => void } | undefined
  return {
    name: 'deck-csp',
    apply: 'build',
    configResolved(config) {
      policy = withAdditions(base, policyAdditionsOf(config.plugins))
      logger = config.logger
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html))
          throw new Error('The built index.html has an inline <script>, which the Content-Security-Policy (csp.ts) blocks.')
        // The other sites the deck names itself (remote-origins.ts): allowed, or blocked, and said either way.
        const css = Object.values(context.bundle ?? {}).flatMap(file => file.type === 'asset' && file.fileName.endsWith('.css')
          ? [
              String(file.source),
            ]
          : [])
        const origins = remote
          ? remoteOrigins({
              ...remote.deck(),
              css,
            })
          : []
        const line = remoteOriginsLine(origins, remote?.allow ?? false)
        if (line)
          logger?.info(line)
        const pagePolicy = remote?.allow && origins.length
          ? withAdditions(policy, [
              remoteAdditions(origins),
            ])
          : policy
        return [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              'content': cspHeader(pagePolicy),
            },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}
