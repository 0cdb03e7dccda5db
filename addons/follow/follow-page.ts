/**
 * The reading view that follows the speaker (`follow/`): the reading view's page (`read/`, which
 * runs no script) with the follow bar, one script, and a policy that lets that script reach the
 * broker. Pure: HTML in, HTML out.
 */
import { parsePolicy, policyHeader, withAdditions } from 'slidev-addons-kit/policy'

export interface FollowPageOptions {
  /** The follow scripts' addresses, relative to the page (`../assets/follow-page-….js`), in order. */
  script: string[]
  /** The broker's origin, which the policy's `connect-src` allows. */
  brokerOrigin: string
}

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

/** An attribute's text as written by an HTML escaper (quotes and ampersands as entities). */
function unescapeAttribute(value: string): string {
  return value.replace(/&#39;|&#x27;/g, '\'').replace(/&quot;|&#34;/g, '"').replace(/&amp;|&#38;/g, '&')
}

/** The follow page made from the reading view's HTML. Throws when the HTML is not a reading view's. */
export function followPage(readingView: string, { script, brokerOrigin }: FollowPageOptions): string {
  const policy = readingView.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)
  if (!policy || !/<body>/.test(readingView) || !/<section id="\d+"/.test(readingView))
    throw new Error('slidev-addon-follow: the reading view (read/index.html) does not have the shape the follow page needs: a Content-Security-Policy meta tag, a <body> and <section id="N"> per slide.')
  const scriptTag = script.map(src => `<script type="module" src="${src}"></script>`).join('\n')
  return readingView
    // Replaced by functions: a string would read `$&`, `$'`… in a script's path as replacement patterns.
    .replace(policy[0], () => `<meta http-equiv="Content-Security-Policy" content="${policyHeader(withAdditions(parsePolicy(unescapeAttribute(policy[1])), [
      {
        'script-src': [`'self'`],
        'connect-src': [`'self'`, brokerOrigin],
      },
    ]))}">`)
    .replace('</head>', () => `${followStyle}\n${scriptTag}\n</head>`)
    .replace('<body>', `<body>\n${followBar}`)
    // A reader who chooses the slides keeps following there.
    .replace(/href="([^"]*)\?view=slides"/g, 'href="$1?view=slides&amp;follow"')
}

/** The reading view with a plain link to its following twin (no script: the reading view runs none). */
export function withFollowLink(readingView: string): string {
  return readingView.replace('<body>', `<body>
<p class="follow-invite" style="margin: 0; padding: 0.5rem 1rem; text-align: center; font-weight: 600;"><a href="../follow/">Follow the speaker live</a></p>`)
}
