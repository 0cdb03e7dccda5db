import type { Plugin } from 'vite'
import type { FollowPageScripts } from './follow-page.ts'
import type { FollowOptions } from './options.ts'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { followReadingView } from './follow-page.ts'
import { brokerOrigin, followOptions } from './options.ts'

const followPageEntry = fileURLToPath(new URL('./client/follow-page.ts', import.meta.url))

/**
 * The chunk of what works only online, and is most of following's weight: the MQTT client and the
 * modules around it. Under `assets/online/`, which slidev-addon-offline-app does not precache, so
 * neither a visit nor the offline app downloads it until someone follows.
 */
export const onlineChunk = 'online/follow'

/**
 * Whether a module belongs in `onlineChunk`: MQTT.js, whose browser build imports nothing. Only
 * it: a manual chunk takes in what its members import, and a module the follow control also
 * imports would have the deck load the whole chunk with the control.
 */
export function isOnlineModule(id: string): boolean {
  return id.replaceAll('\\', '/').includes('/node_modules/mqtt/')
}

/** What the client code learns at build time (`__SLIDEV_FOLLOW__`), `null` when no broker is configured. */
export interface FollowDefine extends FollowOptions {
  /**
   * The follow link, under the base: the deck with `?follow`. With slidev-addon-reading-view, a phone
   * held upright that opens it lands on the reading view that follows (`follow/`).
   */
  page: string
  /** The deck's public address (`seoMeta.ogUrl`), which the QR code of the built deck and its PDF point to. */
  site?: string
}

/**
 * Follow the speaker (README.md): with a broker in the headmatter (`follow.broker`, or the
 * `SLIDEV_FOLLOW_BROKER` variable), the client gets the options as `__SLIDEV_FOLLOW__`, the
 * site's Content-Security-Policy lets it reach the broker (the `api.contentSecurityPolicy` that
 * slidev-addon-static-site collects), and the reading view gets a following twin at `follow/`.
 * Without a broker, it adds nothing: `__SLIDEV_FOLLOW__` is `null` and the code behind it drops out.
 */
export function follow(config: { follow?: unknown, title?: string, seoMeta?: { ogUrl?: string } }): Plugin {
  const options = followOptions(config.follow, { title: config.title, env: process.env })
  let command: 'build' | 'serve' = 'serve'
  const scripts: FollowPageScripts = { entry: followPageEntry }
  return {
    name: 'slidev-addon-follow',
    api: {
      contentSecurityPolicy: options
        ? {
            'connect-src': [
              brokerOrigin(options.broker),
            ],
          }
        : {},
      // The reading view's twin that follows (follow-page.ts), for slidev-addon-reading-view to make.
      ...(options
        ? {
            readingView: followReadingView(brokerOrigin(options.broker), scripts),
          }
        : {}),
    },
    config() {
      const define: FollowDefine | null = options
        ? {
            ...options,
            page: '?follow',
            ...(config.seoMeta?.ogUrl
              ? { site: config.seoMeta.ogUrl }
              : {}),
          }
        : null
      return {
        define: {
          __SLIDEV_FOLLOW__: JSON.stringify(define),
        },
        build: options && {
          modulePreload: {
            // The follow control imports Slidev's client, which lives in the deck's entry chunk, so Vite
            // would preload the entry again when the control loads: a preload of a module already
            // running, which Firefox reports as failed. Preload the rest only.
            resolveDependencies: (_file: string, deps: string[]) => deps.filter(dep => !/^assets\/index-[\w-]+\.js$/.test(dep)),
          },
        },
        // Bundled up front by the dev server, which would otherwise reload the page when follow first loads it.
        optimizeDeps: {
          include: options
            ? ['mqtt']
            : [],
        },
      }
    },
    configResolved(resolved) {
      command = resolved.command
    },
    outputOptions(output) {
      if (!options)
        return undefined
      const previous = output.manualChunks
      return {
        ...output,
        manualChunks: (id, meta) => isOnlineModule(id)
          ? onlineChunk
          : typeof previous === 'function'
            ? previous(id, meta)
            : undefined,
      }
    },
    buildStart() {
      if (options && command === 'build')
        scripts.referenceId = this.emitFile({ type: 'chunk', id: followPageEntry, name: 'follow-page' })
    },
  }
}
