import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import type { SlideError } from './client/slide-errors'
import { resolve } from 'node:path'
import process from 'node:process'
import { buildChromium } from 'slidev-addons-kit/browser'
import { throwsWhileRendering } from 'slidev-addons-kit/words'
import { parse } from 'vue/compiler-sfc'
import { formatProblem } from './check.ts'
import { checkWholeDeck } from './deck.ts'
import { renderCheckStep, renderView } from './render-check.ts'
import { hintsFor, loadSlides, slideProblem, unclosedTags } from './slide-source.ts'

/** Every problem of the deck, one per line, or '' when there is none. */
export async function deckProblems(entry: string, root: string, roots?: string[]): Promise<string> {
  return (await checkWholeDeck(entry, { root, roots })).map(problem => formatProblem(problem, root)).join('\n')
}

/** Slidev's module for slide N of the deck: `slides.md__slidev_N.md`, once turned into a Vue component. */
const slideModule = /__slidev_(\d+)\.md$/

/** `import x from 'y'`, `import 'y'`, `export … from 'y'` in a slide's `<script>`. */
const importPattern = /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?(['"])([^'"]+)\1/g

/**
 * The mistakes Vue and Vite find in a slide's compiled component, as problems of the deck: an
 * element never closed (Vue's "Element is missing end tag"), or an import in the slide's
 * `<script setup>` that resolves to nothing. `code` is the slide as Slidev hands it to Vue.
 */
export async function slideCompileProblems(entry: string, no: number, code: string, resolveImport: (source: string) => Promise<boolean>): Promise<string[]> {
  const messages: Array<{ message: string, hints?: string[], line?: number }> = []
  const { descriptor, errors } = parse(code, { filename: `${entry}__slidev_${no}.md` })
  const slides = errors.length
    ? await loadSlides(entry)
    : []
  for (const error of errors) {
    const source = slides[no - 1]?.source
    const unclosed = source && /missing end tag/i.test(error.message)
      ? unclosedTags(source).at(-1)
      : undefined
    messages.push(unclosed
      ? { message: `<${unclosed.tag}> is never closed, so Vue cannot compile the slide (${error.message.replace(/\.$/, '')}). Add </${unclosed.tag}> where it ends.`, line: unclosed.line }
      : { message: `Vue cannot compile the slide: ${error.message}` })
  }
  for (const block of [descriptor.script, descriptor.scriptSetup]) {
    for (const match of block?.content.matchAll(importPattern) ?? []) {
      const source = match[2]
      if (!await resolveImport(source)) {
        messages.push({
          message: `the slide imports "${source}", which is not there, so the slide would not load. Check the path (relative to slides.md) or install the package.`,
          hints: [`'${source}'`, `"${source}"`],
        })
      }
    }
  }
  if (!messages.length)
    return []
  if (!slides.length)
    slides.push(...await loadSlides(entry))
  return messages.map(({ message, hints, line }) => {
    const problem = slideProblem(slides, no, message, hints)
    return problem
      ? formatProblem({ ...problem, line: line ?? problem.line })
      : `${entry}: slide ${no}: ${message}`
  })
}

/**
 * Runs the deck check (check.ts) on the deck's markdown: `slidev build` stops with the problems; the dev
 * server prints them and shows them in the browser's error overlay each time the file is saved,
 * instead of a slide that silently renders blank. It does the same for a slide Vue cannot compile
 * or whose import fails (when Slidev compiles it), and in the dev server for a slide that throws
 * while it renders (reported by client/slide-errors.ts). Given the resolved headmatter (`data`, as
 * Slidev passes it), `slidev build` also renders every slide of the site it wrote in its browser
 * (render-check.ts) and fails on one that throws or shows nothing.
 */
export function deckCheck({ entry, userRoot, roots, data }: { entry: string, userRoot: string, roots?: string[], data?: { config: { download?: unknown, presenter?: unknown, export?: { executablePath?: unknown } } } }): Plugin {
  const view = data && renderView(data.config)
  const render = data && view
    ? renderCheckStep({
        entry,
        userRoot,
        chromium: buildChromium(data.config, process.argv),
        view,
      })
    : undefined
  let config: ResolvedConfig | undefined
  let server: ViteDevServer | undefined
  let logged = { problems: '', at: 0 }
  /** Slides that threw while they rendered since the last save, by number: the overlay lists them all. */
  const thrown = new Map<number, string>()
  const show = (problems: string) => {
    // The browser reports a slide's error again after hot updates (client/slide-errors.ts): the
    // terminal says it once.
    if (problems !== logged.problems || Date.now() - logged.at > 30_000)
      server?.config.logger.error(`\n${problems}\n`, { timestamp: true })
    logged = {
      problems,
      at: Date.now(),
    }
    server?.ws.send({
      type: 'error',
      err: { message: `The deck has problems:\n${problems}`, stack: '', plugin: 'deck-check' },
    })
  }
  const report = async () => {
    const problems = await deckProblems(entry, userRoot, roots)
    if (problems && server)
      show(problems)
    return problems
  }
  return {
    name: 'deck-check',
    // After Slidev has turned a slide's markdown into a Vue component, before Vue compiles it.
    enforce: 'pre',
    configureServer(devServer) {
      server = devServer
      devServer.ws.on('deck:slide-error', async ({ no, component, message }: SlideError) => {
        const slides = await loadSlides(entry)
        const problem = no
          ? slideProblem(slides, no, throwsWhileRendering(message.split('\n')[0], component), hintsFor({ component, message }))
          : undefined
        // Slidev renders the slides next to the one shown too: each that throws is listed, in order.
        thrown.set(no ?? 0, problem
          ? formatProblem(problem, userRoot)
          : `${entry}: the deck throws while it renders: ${message}`)
        show([...thrown].sort(([a], [b]) => a - b).map(([, line]) => line).join('\n'))
      })
    },
    configResolved(resolved) {
      config = resolved
      render?.configResolved(resolved)
    },
    async buildStart() {
      const problems = await report()
      if (problems && !server)
        this.error(`The deck has problems:\n${problems}`)
      if (config?.command !== 'build' || !data)
        return
      if (render)
        await render.buildStart()
      else
        config.logger.warn('slidev-addon-deck-check: no render check of the built slides: the build has neither Slidev\'s print view (download) nor its overview (presenter)')
    },
    writeBundle() {
      render?.writeBundle()
    },
    // The slides rendered once more, in the site Vite just wrote, before the other steps that look at it.
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler(error?: Error) {
        if (config?.command === 'build')
          await render?.closeBundle.handler(error)
      },
    },
    async transform(code, id) {
      const no = id.match(slideModule)?.[1]
      if (!no)
        return
      const problems = await slideCompileProblems(entry, Number(no), code, async source => !!await this.resolve(source, id))
      if (problems.length)
        this.error(`The deck has problems:\n${problems.join('\n')}`)
    },
    handleHotUpdate({ file }) {
      if (resolve(file) === resolve(entry)) {
        thrown.clear()
        setTimeout(() => void report(), 200)
      }
    },
  }
}
