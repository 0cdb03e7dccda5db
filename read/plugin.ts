import type { ResolvedSlidevOptions } from '@slidev/types'
import type { Plugin, ViteDevServer } from 'vite'
import type * as Render from './render'
import { join } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { createServer } from 'vite'
import { cspHeader } from '../plugins/csp'
import { deckQrCode } from '../plugins/qr-code'
import { formatProblem } from '../scripts/check-deck.ts'
import { hintsFor, slideProblem } from '../scripts/slide-source.ts'
import { readingSlides } from './slides'
import { viewSwitchScript } from './view-switch'

const viewSwitchFile = 'view-switch.js'

/**
 * The reading view (read/render.ts) in the deck's site: `npm run dev` serves it at `/read/`, the
 * build writes `read/index.html` beside the deck, and every page of the deck first runs
 * `view-switch.js`, which sends a phone held upright there (read/view-switch.ts).
 *
 * The page is rendered by a small Vite server of its own that loads the deck's components for
 * server-side rendering; the slides are Slidev's own parse of slides.md, so the page always
 * follows the deck.
 */
export function readingView(options: Pick<ResolvedSlidevOptions, 'data' | 'userRoot'>): Plugin {
  let base = '/'
  let renderer: Promise<ViteDevServer> | undefined
  const startRenderer = (watch: boolean) => renderer ??= createServer({
    configFile: false,
    root: options.userRoot,
    logLevel: 'error',
    plugins: [
      vue(),
      deckQrCode(),
    ],
    server: {
      middlewareMode: true,
      hmr: false,
      ws: false,
      watch: watch
        ? {}
        : null,
    },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  const stopRenderer = async () => {
    const running = renderer
    renderer = undefined
    await (await running)?.close()
  }

  async function renderPage(watch: boolean): Promise<string> {
    const server = await startRenderer(watch)
    const { renderReadingView } = await server.ssrLoadModule(join(options.userRoot, 'read/render.ts')) as typeof Render
    return renderReadingView({
      slides: readingSlides(options.data.slides, options.userRoot),
      favicon: options.data.config.favicon,
      contentSecurityPolicy: cspHeader(),
    })
  }

  /** A slide that throws, at the line that made it throw, as the build's check of the deck says it. */
  const problemLine = (error: Error): string => {
    const { slide, reason, thrown } = error as Partial<Render.ReadingViewError>
    const problem = slide && slideProblem(options.data.slides, slide.no, reason!, thrown && hintsFor({ component: thrown.component, message: thrown.error }))
    return problem
      ? formatProblem(problem, options.userRoot)
      : error.message
  }

  const scriptTag = () => `<script src="${base}${viewSwitchFile}"></script>`

  return {
    name: 'deck-reading-view',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      // Before any other script, so a phone held upright leaves before the deck starts loading.
      handler: html => html.replace(/<script\b/, `${scriptTag()}\n<script`),
    },
    configureServer(server) {
      server.httpServer?.once('close', () => void stopRenderer())
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').replace(/[?#].*$/, '')
        if (path === `${base}${viewSwitchFile}`) {
          res.setHeader('content-type', 'text/javascript; charset=utf-8')
          return res.end(viewSwitchScript(base))
        }
        if (path === `${base}read`) {
          res.statusCode = 301
          res.setHeader('location', `${base}read/`)
          return res.end()
        }
        if (path !== `${base}read/` && path !== `${base}read/index.html`)
          return next()
        try {
          const html = await renderPage(true)
          res.setHeader('content-type', 'text/html; charset=utf-8')
          res.end(html)
        }
        catch (error) {
          const line = problemLine(error as Error)
          server.config.logger.error(`\n${line}\n`, { timestamp: true })
          res.statusCode = 500
          res.setHeader('content-type', 'text/plain; charset=utf-8')
          res.end(`The reading view could not be made:\n${line}\n`)
        }
      })
    },
    async generateBundle() {
      try {
        this.emitFile({ type: 'asset', fileName: 'read/index.html', source: await renderPage(false) })
      }
      catch (error) {
        this.error(`The deck has problems:\n${problemLine(error as Error)}`)
      }
      finally {
        await stopRenderer()
      }
      this.emitFile({
        type: 'asset',
        fileName: viewSwitchFile,
        source: viewSwitchScript(base),
      })
    },
  }
}
