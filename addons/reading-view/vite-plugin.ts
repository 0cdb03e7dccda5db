import type { ResolvedSlidevOptions } from '@slidev/types'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import type { Component } from 'vue'
import type { ReadingPageContext, ReadingPageVariant, ReadingViewContribution } from './extend'
import type * as Render from './render'
import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { createServer, isCSSRequest, searchForWorkspaceRoot } from 'vite'
import { readingViewContributions } from './extend'
import { readingSlides } from './slides'
import { viewSwitchScript } from './view-switch'

const viewSwitchFile = 'view-switch.js'
const renderModule = fileURLToPath(new URL('./render.ts', import.meta.url))

/**
 * The page's own policy: it runs no script at all, takes styles only from its `<style>`, images
 * from the site or inline (the favicon, a slide's SVG), and anything else only from the site.
 */
export const readingViewPolicy = `default-src 'self'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'`

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

/**
 * Every layout of Slidev's own (`@slidev/client/layouts/`, in `clientRoot`) and of its roots by
 * name, as Slidev's `utils.getLayouts()` finds them: a later root (the deck) wins.
 */
export function layoutFiles(roots: string[]): Map<string, string> {
  const files = new Map<string, string>()
  for (const root of roots) {
    const dir = join(root, 'layouts')
    if (!existsSync(dir))
      continue
    for (const file of readdirSync(dir).filter(name => /\.(?:vue|[mc]?[jt]s)$/.test(name)))
      files.set(file.replace(/\.\w+$/, ''), join(dir, file))
  }
  return files
}

/**
 * The request that gives a stylesheet's CSS as a string (`export default "…"`), or `undefined` if
 * it cannot be had so: a `<style>` block of a `.vue` file as plugin-vue asks for it in a custom
 * element (`&inline` after `&index=N`, before `&lang.css`), a plain stylesheet with `?inline`.
 */
function inlineStyleRequest(id: string): string | undefined {
  if (/[?&]inline(?:&|=|$)/.test(id))
    return id
  if (/[?&]type=style(?:&|$)/.test(id))
    return id.replace(/([?&]index=\d+)/, '$1&inline')
  return id.includes('?')
    ? undefined
    : `${id}?inline`
}

/**
 * The CSS a component brings to the page, once the renderer has loaded it: its `<style>` blocks and
 * every stylesheet that it, or a module it imports (a component it uses), imports, in the order they
 * load. Each is compiled by the same plugin-vue as the component's server rendering, so its scoped
 * selectors carry the `data-v-…` of the rendered HTML.
 */
async function componentStyles(server: ViteDevServer, file: string): Promise<Render.ComponentStyle[]> {
  const graph = server.environments.ssr.moduleGraph
  const stylesheets: string[] = []
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id))
      return
    seen.add(id)
    for (const imported of graph.getModuleById(id)?.importedModules ?? []) {
      if (imported.id)
        visit(imported.id)
    }
    if (isCSSRequest(id))
      stylesheets.push(id)
  }
  visit(file)
  const styles: Render.ComponentStyle[] = []
  for (const id of stylesheets) {
    const request = inlineStyleRequest(id)
    if (!request)
      continue
    const { default: css } = await server.ssrLoadModule(request) as { default: unknown }
    if (typeof css === 'string' && css.trim())
      styles.push({ id, css })
  }
  return styles
}

type SlidevViteConfig = ResolvedConfig & { slidev?: { markdown?: { markdownSetup?: Render.ReadingViewOptions['markdownSetup'] } } }

/**
 * The reading view (render.ts) in the deck's site: `slidev` (dev) serves it at `/read/`, the
 * build writes `read/index.html` beside the deck, and every page of the deck first runs
 * `view-switch.js`, which sends a phone held upright there (view-switch.ts).
 *
 * The page is rendered by a small Vite server of its own that loads the components of every root
 * for server-side rendering, with the deck's own `vite.config` (its plugins, and its markdown
 * setup), and the CSS of the components it shows (`componentStyles`); the slides are Slidev's own
 * parse of slides.md, so the page always follows the deck.
 * Options come from the headmatter: `title`, `author`, `favicon`, `seoMeta.ogUrl`.
 */
export function readingView(options: Pick<ResolvedSlidevOptions, 'data' | 'userRoot' | 'roots' | 'utils'> & Partial<Pick<ResolvedSlidevOptions, 'clientRoot'>>): Plugin {
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
      // Slidev's roots (a theme, addons) and its client (its layouts) may be outside the deck's
      // workspace, e.g. in a node_modules above it: the renderer reads their components and layouts
      // as Slidev does. It serves nothing: it only renders the page.
      fs: {
        allow: [
          searchForWorkspaceRoot(options.userRoot),
          ...options.roots,
          ...options.clientRoot
            ? [options.clientRoot]
            : [],
        ],
      },
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

  /** What other plugins add (their `api.readingView`, extend.ts), once Vite has resolved them. */
  let contributions: ReadingViewContribution[] = []
  const variants = () => contributions.flatMap(c => c.pages ?? [])

  /** The slides rendered once, and the pages made of them. */
  async function renderPages(watch: boolean, warn: (line: string) => void): Promise<{ page: (additions?: Render.PageAdditions) => string }> {
    const server = await startRenderer(watch)
    const { readingViewPages } = await server.ssrLoadModule(renderModule) as typeof Render
    const config = options.data.config
    const components: Record<string, Render.ComponentLoader> = Object.fromEntries([
      ...componentFiles(options.roots),
    ].map(([name, file]) => [
      name,
      async () => {
        const { default: component } = await server.ssrLoadModule(file) as { default: Component }
        return { default: component, styles: await componentStyles(server, file) }
      },
    ]))
    // The slides' layouts, as Slidev finds them; a layout brings no CSS to the page (render.ts).
    const layoutPaths = options.utils.getLayouts
      ? new Map(Object.entries(await options.utils.getLayouts()))
      : layoutFiles([
          ...options.clientRoot
            ? [options.clientRoot]
            : [],
          ...options.roots,
        ])
    const layouts: Record<string, Render.ComponentLoader> = Object.fromEntries([
      ...layoutPaths,
    ].map(([name, file]) => [
      name,
      async () => ({ default: (await server.ssrLoadModule(file) as { default: Component }).default }),
    ]))
    const themes = (options.utils.shikiOptions as { themes?: Record<string, string> }).themes
    return readingViewPages({
      slides: readingSlides(options.data.slides, options.userRoot),
      root: options.userRoot,
      slideKinds: contributions.flatMap(c => c.slideKind
        ? [c.slideKind]
        : []),
      warn,
      components,
      layouts,
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

  /** What stopped the page being made (a slide that cannot render is shown without that part instead). */
  const problemLine = (error: Error): string => `slidev-addon-reading-view: the reading view could not be made: ${error.message}`

  const scriptTag = () => `<script src="${base}${viewSwitchFile}"></script>`
  const switchScript = () => viewSwitchScript(base, variants().flatMap(v => v.query
    ? [
        { query: v.query, path: v.path },
      ]
    : []))
  const readAdditions = (): Render.PageAdditions => ({
    bodyStart: contributions.map(c => c.readBodyStart ?? '').join(''),
  })
  const variantAdditions = (variant: ReadingPageVariant, context: ReadingPageContext): Render.PageAdditions => ({
    head: variant.head,
    bodyStart: variant.bodyStart,
    policy: variant.policy,
    scripts: variant.scripts?.(context),
    query: variant.query,
  })

  return {
    name: 'deck-reading-view',
    enforce: 'post',
    configResolved(config) {
      base = config.base
      contributions = readingViewContributions(config.plugins)
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
          return res.end(switchScript())
        }
        const pages = [
          'read/',
          ...variants().map(v => v.path),
        ]
        const folder = pages.find(page => path === `${base}${page.replace(/\/$/, '')}`)
        if (folder) {
          res.statusCode = 301
          res.setHeader('location', `${base}${folder}`)
          return res.end()
        }
        const page = pages.find(page => path === `${base}${page}` || path === `${base}${page}index.html`)
        if (!page)
          return next()
        try {
          const rendered = await renderPages(true, line => server.config.logger.warn(line, { timestamp: true }))
          const variant = variants().find(v => v.path === page)
          const html = rendered.page(variant
            ? variantAdditions(variant, { command: 'serve', base })
            : readAdditions())
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
        const rendered = await renderPages(false, line => this.warn(line))
        this.emitFile({
          type: 'asset',
          fileName: 'read/index.html',
          source: rendered.page(readAdditions()),
        })
        for (const variant of variants()) {
          this.emitFile({
            type: 'asset',
            fileName: `${variant.path}index.html`,
            source: rendered.page(variantAdditions(variant, {
              command: 'build',
              base,
              fileName: ref => this.getFileName(ref),
            })),
          })
        }
      }
      catch (error) {
        this.error(problemLine(error as Error))
      }
      finally {
        await stopRenderer()
      }
      this.emitFile({
        type: 'asset',
        fileName: viewSwitchFile,
        source: switchScript(),
      })
    },
  }
}
