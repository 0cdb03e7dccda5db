import type { ResolvedSlidevOptions } from '@slidev/types'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import type { Component } from 'vue'
import type * as Render from './render'
import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { createServer } from 'vite'
import { readingSlides } from './slides'
import { viewSwitchScript } from './view-switch'

const viewSwitchFile = 'view-switch.js'
const renderModule = fileURLToPath(new URL('./render.ts', import.meta.url))

/**
 * The page's own policy: it runs no script at all, takes styles only from its `<style>`, and
 * images from the site or inline (the favicon, a slide's SVG).
 */
export const readingViewPolicy = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'`

/** Every `components/*.vue` of Slidev's roots by name; a later root (the deck) wins, as in Slidev. */
export function componentFiles(roots: string[]): Map<string, string> {
  const files = new Map<string, string>()
  for (const root of roots) {
    const dir = join(root, 'components')
    if (!existsSync(dir))
      continue
    for (const file of readdirSync(dir).filter(name => name.endsWith('.vue')))
      files.set(basename(file, '.vue'), join(dir, file))
  }
  return files
}

type SlidevViteConfig = ResolvedConfig & { slidev?: { markdown?: { markdownSetup?: Render.ReadingViewOptions['markdownSetup'] } } }

/**
 * The reading view (render.ts) in the deck's site: `slidev` (dev) serves it at `/read/`, the
 * build writes `read/index.html` beside the deck, and every page of the deck first runs
 * `view-switch.js`, which sends a phone held upright there (view-switch.ts).
 *
 * The page is rendered by a small Vite server of its own that loads the components of every root
 * for server-side rendering, with the deck's own `vite.config` (its plugins, and its markdown
 * setup); the slides are Slidev's own parse of slides.md, so the page always follows the deck.
 * Options come from the headmatter: `title`, `author`, `favicon`, `seoMeta.ogUrl`.
 */
export function readingView(options: Pick<ResolvedSlidevOptions, 'data' | 'userRoot' | 'roots' | 'utils'>): Plugin {
  let base = '/'
  let markdownSetup: Render.ReadingViewOptions['markdownSetup']
  let renderer: Promise<ViteDevServer> | undefined
  const deckConfig = [
    'vite.config.ts',
    'vite.config.mts',
    'vite.config.js',
    'vite.config.mjs',
  ].map(file => join(options.userRoot, file)).find(existsSync)
  const startRenderer = (watch: boolean) => renderer ??= createServer({
    configFile: deckConfig ?? false,
    root: options.userRoot,
    logLevel: 'error',
    plugins: [
      vue(),
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
    const { renderReadingView } = await server.ssrLoadModule(renderModule) as typeof Render
    const config = options.data.config
    const components = Object.fromEntries([
      ...componentFiles(options.roots),
    ].map(([name, file]) => [
      name,
      () => server.ssrLoadModule(file) as Promise<{ default: Component }>,
    ]))
    const themes = (options.utils.shikiOptions as { themes?: Record<string, string> }).themes
    return renderReadingView({
      slides: readingSlides(options.data.slides, options.userRoot),
      components,
      title: config.title,
      author: typeof config.author === 'string'
        ? config.author
        : undefined,
      url: config.seoMeta?.ogUrl,
      themes: themes && Object.values(themes).every(theme => typeof theme === 'string')
        ? themes
        : undefined,
      markdownSetup,
      favicon: config.favicon,
      contentSecurityPolicy: readingViewPolicy,
    })
  }

  /** A slide that cannot be shown, by file, line and slide (`slides.md:12 (slide 2): …`). */
  const problemLine = (error: Error): string => error.message

  const scriptTag = () => `<script src="${base}${viewSwitchFile}"></script>`

  return {
    name: 'deck-reading-view',
    enforce: 'post',
    configResolved(config) {
      base = config.base
      markdownSetup = (config as SlidevViteConfig).slidev?.markdown?.markdownSetup
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
