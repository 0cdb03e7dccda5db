import type { DeckRule, DeckSource, RuleProblem } from 'slidev-addon-deck-check/check.ts'
import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { closest } from 'slidev-addon-deck-check/check.ts'
import { scanMarkdown } from 'slidev-addon-deck-check/markdown.ts'
import { demos as deckDemos, demoRepo } from '../data/deck.ts'

/**
 * The talk's own rules for the deck check (slidev-addon-deck-check runs them in `npm run check`,
 * the build and the dev server): every demo a slide names exists in data/deck.ts, and every link
 * into the demo repository points at a path it has (data/demo-repo-tree.txt). And the talk's own
 * frontmatter key, `demo:` (layouts/backup.vue reads it), declared once (slidev-addons-kit/keys).
 */

/** The talk's own keys: `demo: <id>` on a backup slide, one of the demos of data/deck.ts. */
export const keys: KeyDeclaration[] = [
  {
    where: 'slide',
    path: 'demo',
    type: 'string',
    values: () => Object.keys(deckDemos),
    valuesFrom: 'the demos in data/deck.ts',
    needs: [
      { path: 'backup', value: true },
      { path: 'layout', value: 'backup' },
    ],
    description: 'the demo a backup slide belongs to; its backup layout names the demo\'s folder',
  },
]

/** The demo repository's file list, as the messages name it. */
export const demoTreeFile = 'data/demo-repo-tree.txt'

/** Folders and files of the demo repository, from its file list (one path a line, `#` a comment). */
export function demoPaths(tree: string): Set<string> {
  const paths = new Set<string>()
  for (const path of tree.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
    const parts = path.split('/')
    for (let i = 1; i <= parts.length; i++)
      paths.add(parts.slice(0, i).join('/'))
  }
  return paths
}

export interface DemoRuleOptions {
  /** Demo ids and their folders; by default `demos` of data/deck.ts. */
  demos?: Record<string, { folder: string }>
  /** The demo repository's file list; by default data/demo-repo-tree.txt. */
  demoTree?: string
}

/** The demo rules, for `demos` and the demo repository's file list `demoTree` (the frontmatter's `demo:` is checked as `keys` declares it). */
export function demoRules({ demos = deckDemos, demoTree }: DemoRuleOptions = {}): DeckRule {
  return (deck: DeckSource): RuleProblem[] => {
    const repoFiles = demoPaths(demoTree ?? readFileSync(new URL(`../${demoTreeFile}`, import.meta.url), 'utf8'))
    const repoLink = new RegExp(`github\\.com/${demoRepo.owner}/${demoRepo.name}/(?:tree|blob)/[^/\\s)"'<>]+/([^\\s)"'<>#?]+)`, 'g')
    const known = Object.keys(demos).join(', ')
    const problems: RuleProblem[] = []
    for (const { no, info } of deck.slides) {
      const report = (line: number, message: string) => problems.push({ line, slide: no, message })
      const { masked } = scanMarkdown(deck.lines.slice(info.contentStart, info.end))
      masked.forEach((line, index) => {
        const lineNo = info.contentStart + index + 1
        for (const match of line.matchAll(/<DemoLink\s(?:[^>]*\s)?id\s*=\s*(["'])(.*?)\1/g)) {
          const id = match[2]
          if (!(id in demos)) {
            const guess = closest(id, Object.keys(demos))
            report(lineNo, `<DemoLink id="${id}">: no such demo.${guess
              ? ` Did you mean "${guess}"?`
              : ''} Demos (data/deck.ts): ${known}.`)
          }
          else if (!repoFiles.has(demos[id].folder)) {
            report(lineNo, `<DemoLink id="${id}"> links to the folder "${demos[id].folder}", which the demo repository does not have (${demoTreeFile}). Fix its folder in data/deck.ts.`)
          }
        }
        for (const match of line.matchAll(repoLink)) {
          const target = decodeURIComponent(match[1]).replace(/\/+$/, '')
          if (!repoFiles.has(target)) {
            const guess = closest(basename(target), [...repoFiles].map(p => basename(p)))
            const full = guess && [...repoFiles].find(p => basename(p) === guess)
            report(lineNo, `the link to the demo repository points at "${target}", which it does not have (${demoTreeFile}).${full
              ? ` Did you mean "${full}"?`
              : ''}`)
          }
        }
      })
    }
    return problems
  }
}

export default demoRules()
