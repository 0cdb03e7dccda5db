import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import process from 'node:process'
import sirv from 'sirv'

export interface StaticSite {
  url: string
  close: () => Promise<void>
}

/**
 * Serves a built deck the way GitHub Pages does: files under `base`, and for any other
 * path the site's `404.html` with status 404. Nothing is served outside `base`.
 */
export async function serveSite(dir: string, { base = '/', port = 0, host = '127.0.0.1' } = {}): Promise<StaticSite> {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`base must start and end with "/", got "${base}"`)
  const root = resolve(dir)
  const files = sirv(root, { dev: true, etag: true })
  const notFound = () => readFileSync(join(root, '404.html'))

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const sendNotFound = () => {
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(notFound())
    }
    if (!url.startsWith(base))
      return sendNotFound()
    req.url = `/${url.slice(base.length)}`
    files(req, res, sendNotFound)
  })
  await new Promise<void>(done => server.listen(port, host, done))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actual}${base}`,
    close: () => new Promise(done => server.close(() => done())),
  }
}

// `node scripts/serve.ts [dir] [--port N] [--base /name/]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args.splice(i, 2)[1] : undefined
  }
  const port = Number(option('--port') ?? 4173)
  const base = option('--base') ?? '/'
  const dir = args[0] ?? 'dist'
  const site = await serveSite(dir, { base, port })
  console.log(`Serving ${dir} at ${site.url}`)
}
