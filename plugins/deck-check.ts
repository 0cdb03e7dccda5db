import type { Plugin, ViteDevServer } from 'vite'
import { resolve } from 'node:path'
import { checkDeck, formatProblem } from '../scripts/check-deck.ts'

/** Every problem of the deck, one per line, or '' when there is none. */
export function deckProblems(entry: string, root: string): string {
  return checkDeck(entry, { root }).map(problem => formatProblem(problem, root)).join('\n')
}

/**
 * Runs scripts/check-deck.ts on the deck's markdown: `slidev build` stops with the problems; the dev
 * server prints them and shows them in the browser's error overlay each time the file is saved,
 * instead of a slide that silently renders blank.
 */
export function deckCheck({ entry, userRoot }: { entry: string, userRoot: string }): Plugin {
  let server: ViteDevServer | undefined
  const report = () => {
    const problems = deckProblems(entry, userRoot)
    if (problems && server) {
      server.config.logger.error(`\n${problems}\n`, { timestamp: true })
      server.ws.send({
        type: 'error',
        err: { message: `The deck has problems:\n${problems}`, stack: '', plugin: 'deck-check' },
      })
    }
    return problems
  }
  return {
    name: 'deck-check',
    configureServer(devServer) {
      server = devServer
    },
    buildStart() {
      const problems = report()
      if (problems && !server)
        this.error(`The deck has problems:\n${problems}`)
    },
    handleHotUpdate({ file }) {
      if (resolve(file) === resolve(entry))
        setTimeout(report, 200)
    },
  }
}
