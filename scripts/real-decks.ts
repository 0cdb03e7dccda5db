import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { addonNames, checkRealDecks, compareWithKnown, knownProblems, realDecks, resultsTable, workDir } from '../tools/real-decks.ts'
import { releaseProblems } from '../tools/release.ts'
import { parseArgs, root } from '../tools/slidev.ts'

// `npm run test:decks [-- --deck create-slidev] [--addon reading-view] [--no-cache]`: the addons,
// installed from their tarballs outside this repository, on the real decks of tests/real-decks/,
// each alone and all together, against the same deck built with stock Slidev (tools/real-decks.ts).
const { options, rest } = parseArgs(process.argv.slice(2), ['deck', 'addon'])
const decks = realDecks().filter(deck => !options.deck || options.deck.split(',').includes(deck.name))
const addons = addonNames().filter(name => !options.addon || options.addon.split(',').includes(name))
if (!decks.length || !addons.length) {
  console.error(`No deck or addon by that name (decks: ${realDecks().map(d => d.name).join(', ')}; addons: ${addonNames().join(', ')})`)
  process.exit(2)
}
// First what the release workflow checks: every package packs as npm would publish it.
const { version } = JSON.parse(readFileSync(join(root, 'addons/kit/package.json'), 'utf8')) as { version: string }
const releaseIssues = await releaseProblems(version)
for (const problem of releaseIssues)
  console.error(`release: ${problem}`)
const results = await checkRealDecks({ decks, addons, cache: !rest.includes('--no-cache') })
const table = resultsTable(results)
writeFileSync(join(workDir, 'results.md'), `${table}\n`)
writeFileSync(join(workDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(`\n${table}\n`)
// A problem still open is written down with its reason in tests/real-decks/known-problems.json: it does
// not fail the run, but one written there that no longer happens does, so the list cannot go stale.
const known = knownProblems()
const compared = compareWithKnown(results, known)
const { unexpected } = compared
// With --addon, "all" is that narrower set: a known problem of every addon together may not show.
const stale = options.addon
  ? compared.stale.filter(entry => entry.addons !== 'all')
  : compared.stale
for (const { result, problem } of unexpected)
  console.error(`${result.deck} · ${result.addons}: ${problem}`)
for (const entry of stale)
  console.error(`tests/real-decks/known-problems.json: "${entry.deck} · ${entry.addons}: ${entry.problem}" no longer happens; take it out`)
const knownCount = results.reduce((n, r) => n + r.problems.length, 0) - unexpected.length
console.log(`${results.length - new Set(unexpected.map(u => u.result)).size} passed, ${new Set(unexpected.map(u => u.result)).size + stale.length + releaseIssues.length} failed${knownCount
  ? ` (${knownCount} known problems, each with its reason in tests/real-decks/known-problems.json)`
  : ''}`)
process.exitCode = unexpected.length || stale.length || releaseIssues.length
  ? 1
  : 0
