import process from 'node:process'
import { buildUnlessKept, notBuildInput } from '../tools/build-cache.ts'
import { chromiumExecutable } from '../tools/chromium.ts'
import { buildSite, parseArgs } from '../tools/slidev.ts'

// `npm run build [-- --base /name/] [--out dir]`: `slidev build --download` with the Chromium that
// tools/chromium.ts resolves. The addons do the rest inside it: the render check, the link preview
// picture, the handout PDF and the service worker. Other `slidev build` options pass through.
// `--reuse` (npm test's build) keeps the site when it is the build of the same files (tools/build-cache.ts).
const { options, rest } = parseArgs(process.argv.slice(2), ['out', 'base'])
const reuse = rest.includes('--reuse')
const args = rest.filter(arg => arg !== '--reuse')
const build = () => buildSite({ out: options.out, base: options.base, args })
buildUnlessKept({
  out: options.out ?? 'dist',
  inputs: {
    paths: [],
    skip: notBuildInput,
    extra: [`--base ${options.base ?? ''}`, ...args],
  },
  browser: chromiumExecutable(),
  reuse,
  build,
}).catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
