import process from 'node:process'
import { buildSite, parseArgs } from '../tools/slidev.ts'

// `npm run build [-- --base /name/] [--out dir]`: `slidev build --download` with the Chromium that
// tools/chromium.ts resolves. The addons do the rest inside it: the render check, the link preview
// picture, the handout PDF and the service worker. Other `slidev build` options pass through.
const { options, rest } = parseArgs(process.argv.slice(2), ['out', 'base'])
buildSite({ out: options.out, base: options.base, args: rest }).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
