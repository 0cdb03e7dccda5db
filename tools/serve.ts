import type { Buffer } from 'node:buffer'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import sirv from 'sirv'

export interface StaticSite {
  url: string
  close: () => Promise<void>
}

export interface ServeOptions {
  base?: string
  port?: number
  host?: string
  /**
   * Compress text files (HTML, JS, CSS, SVG, JSON) with gzip for clients that accept it, as
   * GitHub Pages does; fonts and images go out as they are. Off by default.
   */
  gzip?: boolean
}

/** Content types of the files worth compressing; everything else (woff2, png, pdf) is sent as is. */
const compressible: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
}

/** Whether `serveSite({ gzip: true })`, like GitHub Pages, compresses this file (by its name). */
export function isCompressible(file: string): boolean {
  return extname(file) in compressible
}

/**
 * Serves a built deck the way GitHub Pages does: files under `base`, and for any other
 * path the site's `404.html` with status 404. Nothing is served outside `base`.
 */
export async function serveSite(dir: string, { base = '/', port = 0, host = '127.0.0.1', gzip = false }: ServeOptions = {}): Promise<StaticSite> {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`base must start and end with "/", got "${base}"`)
  const root = resolve(dir)
  const files = sirv(root, { dev: true, etag: true })
  // A site without 404.html (a build that failed half-way) answers a plain 404, as a host does.
  const notFound = () => existsSync(join(root, '404.html'))
    ? readFileSync(join(root, '404.html'))
    : '<!doctype html><title>404</title>'

  /** Gzipped file contents, made once per file version. */
  const gzipCache = new Map<string, { mtime: number, body: Buffer }>()
  const gzipped = (file: string, mtime: number) => {
    const cached = gzipCache.get(file)
    if (cached?.mtime === mtime)
      return cached.body
    const body = gzipSync(readFileSync(file))
    gzipCache.set(file, { mtime, body })
    return body
  }
  const acceptsGzip = (req: IncomingMessage) => gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  const sendGzipped = (req: IncomingMessage, res: ServerResponse, file: string, status: number) => {
    const body = gzipped(file, statSync(file).mtimeMs)
    res.writeHead(status, {
      'content-type': compressible[extname(file)],
      'content-encoding': 'gzip',
      'content-length': body.length,
      'vary': 'Accept-Encoding',
      'cache-control': 'no-store',
    })
    res.end(req.method === 'HEAD'
      ? undefined
      : body)
  }
  /** The file a compressible request names, if it exists inside the site. */
  const compressibleFile = (url: string) => {
    let path: string
    try {
      path = decodeURIComponent(new URL(url, 'http://site').pathname)
    }
    catch {
      return undefined
    }
    const file = join(root, path.endsWith('/')
      ? `${path}index.html`
      : path)
    if (!file.startsWith(root + sep) || !isCompressible(file))
      return undefined
    try {
      return statSync(file).isFile()
        ? file
        : undefined
    }
    catch {
      return undefined
    }
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const sendNotFound = () => {
      if (acceptsGzip(req) && existsSync(join(root, '404.html')))
        return sendGzipped(req, res, join(root, '404.html'), 404)
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(notFound())
    }
    if (!url.startsWith(base))
      return sendNotFound()
    req.url = `/${url.slice(base.length)}`
    const file = acceptsGzip(req) && (req.method === 'GET' || req.method === 'HEAD')
      ? compressibleFile(req.url)
      : undefined
    if (file)
      return sendGzipped(req, res, file, 200)
    files(req, res, sendNotFound)
  })
  await new Promise<void>(done => server.listen(port, host, done))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actual}${base}`,
    close: () => new Promise((done) => {
      server.close(() => done())
      // Also the connections a browser keeps open or opened ahead (they would hold the close for
      // up to a minute): the site is gone at once, as when a visitor's network goes.
      server.closeAllConnections()
    }),
  }
}
