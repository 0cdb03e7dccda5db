import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Marp } from '@marp-team/marp-core'
import { root } from '../tools/slidev.ts'

/**
 * The same talk as a static Marp deck, for `npm run bench` to measure beside ours: the talk's own
 * text (tests/fixtures/talk.md, the talk as it was written, Marp-style markdown) rendered by
 * marp-core into one HTML page with its CSS inline and no script, as `marp --template bare` writes
 * it. The talk names a theme Marp does not have (`white`); Marp's `default` stands in. Emoji stay
 * text (Marp would fetch Twemoji pictures from a CDN).
 */
export function buildMarpDeck(dir: string): string {
  const markdown = readFileSync(join(root, 'tests/fixtures/talk.md'), 'utf8').replace(/^theme: white$/m, 'theme: default')
  const marp = new Marp({
    html: true,
    math: false,
    emoji: { shortcode: true, unicode: false },
  })
  const { html, css } = marp.render(markdown)
  const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? 'Talk'
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}</style>
</head>
<body>${html}</body>
</html>
`)
  return dir
}
