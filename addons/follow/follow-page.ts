/**
 * The reading view that follows the speaker (`follow/`): the reading view's page (`read/`, which
 * runs no script) with the follow bar, one script, and a policy that lets that script reach the
 * broker, made by slidev-addon-reading-view from what this module gives it.
 */
import type { ReadingViewContribution } from 'slidev-addon-reading-view/extend.ts'

const followBar = `<div class="follow-bar" data-follow-bar>
<button type="button" class="follow-bar__button" aria-live="polite" disabled>Connecting to the speaker…</button>
</div>`

const followStyle = `<style>
.follow-bar { position: sticky; top: 0; z-index: 10; display: flex; justify-content: center; padding: 0.5rem; background: Canvas; border-bottom: 1px solid color-mix(in srgb, CanvasText 20%, transparent); }
.follow-bar__button { font: inherit; font-weight: 600; min-height: 44px; padding: 0.5rem 1rem; border-radius: 999px; border: 2px solid currentColor; background: Canvas; color: CanvasText; max-width: 100%; }
.follow-bar__button[data-mode="following"] { background: #14532d; border-color: #14532d; color: #fff; }
.follow-bar__button[data-mode="paused"] { background: #fef3c7; border-color: #92400e; color: #451a03; }
.follow-bar__button:disabled { opacity: 1; }
section[id] { scroll-margin-top: 4.5rem; }
/* A slide takes the focus when the speaker moves to it (for screen readers), not a ring. */
section[id][tabindex="-1"]:focus { outline: none; }
</style>`

/** The follow page's entry as a chunk of the build, and its file once written. */
export interface FollowPageScripts {
  /** The build's reference to the emitted chunk (`this.emitFile`), when building. */
  referenceId?: string
  /** The entry module's absolute path, for the dev server. */
  entry: string
}

/**
 * What following adds to the reading view (slidev-addon-reading-view's `api.readingView` contract):
 * a plain link on `read/`, which runs no script, and the page `follow/`, the reading view with the
 * follow bar, one script and a policy that lets it reach the broker. A phone held upright that opens
 * the deck with `?follow` lands there.
 */
export function followReadingView(brokerOrigin: string, scripts: FollowPageScripts): ReadingViewContribution {
  return {
    readBodyStart: '<p class="follow-invite" style="margin: 0; padding: 0.5rem 1rem; text-align: center; font-weight: 600;"><a href="../follow/">Follow the speaker live</a></p>\n',
    pages: [
      {
        path: 'follow/',
        head: `${followStyle}\n`,
        bodyStart: `${followBar}\n`,
        policy: {
          'script-src': [`'self'`],
          'connect-src': [`'self'`, brokerOrigin],
        },
        scripts: ({ command, base, fileName }) => command === 'build' && scripts.referenceId && fileName
          ? [`../${fileName(scripts.referenceId)}`]
          // In the dev server, Vite's `define` values come from its env module, which the deck's pages load with Vite's client.
          : [`${base}@vite/env`, `${base}@fs/${scripts.entry.replace(/^\//, '')}`],
        query: 'follow',
      },
    ],
  }
}
