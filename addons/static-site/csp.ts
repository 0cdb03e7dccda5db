import type { Plugin } from 'vite'
import { policyAdditionsOf, policyHeader, withAdditions } from 'slidev-addons-kit/policy'

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
  'font-src': [`'self'`],
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
export function deckCsp(base = contentSecurityPolicy): Plugin {
  let policy = base
  return {
    name: 'deck-csp',
    apply: 'build',
    configResolved(config) {
      policy = withAdditions(base, policyAdditionsOf(config.plugins))
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html))
          throw new Error('The built index.html has an inline <script>, which the Content-Security-Policy (csp.ts) blocks.')
        return [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              'content': cspHeader(policy),
            },
            injectTo: 'head-prepend',
          },
        ]
      },
    },
  }
}
