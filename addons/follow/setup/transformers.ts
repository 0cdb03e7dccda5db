import type { ResolvedSlidevOptions } from '@slidev/types'
import process from 'node:process'
import { defineTransformersSetup } from '@slidev/types'
import { followOptions } from '../options.ts'
import { qrCodeTags } from '../qr-code-tag.ts'

/** Whether the deck has a broker to follow through: the headmatter's `follow.broker`, or `SLIDEV_FOLLOW_BROKER`. */
function hasBroker(options: ResolvedSlidevOptions): boolean {
  const config = options.data.config as { follow?: unknown, title?: string }
  return Boolean(followOptions(config.follow, { title: config.title, env: process.env }))
}

/** Without a broker, `<FollowQrCode />` leaves the slides, so the first load fetches nothing of follow's. */
export default defineTransformersSetup(() => ({
  pre: [
    ({ s, options }) => {
      if (hasBroker(options))
        return
      for (const [start, end] of qrCodeTags(s.original))
        s.remove(start, end)
    },
  ],
}))
