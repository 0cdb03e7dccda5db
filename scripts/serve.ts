import process from 'node:process'
import { serveSite } from '../tools/serve.ts'
import { parseArgs } from '../tools/slidev.ts'

// `node scripts/serve.ts [dir] [--port N] [--base /name/] [--gzip]`: a built site, served like GitHub
// Pages (404.html with status 404 for unknown paths), for the tests and by hand.
const { options, rest } = parseArgs(process.argv.slice(2), ['port', 'base'])
const gzip = rest.includes('--gzip')
const dir = rest.filter(a => a !== '--gzip')[0] ?? 'dist'
const site = await serveSite(dir, {
  base: options.base ?? '/',
  port: Number(options.port ?? 4173),
  gzip,
})
console.log(`Serving ${dir} at ${site.url}`)
