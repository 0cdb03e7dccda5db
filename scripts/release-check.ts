import process from 'node:process'
import { releaseProblems } from '../tools/release.ts'

// `node scripts/release-check.ts 0.2.0`: before the release workflow publishes, every addon (and the
// kit they share) must carry that version, depend on each other at it, and pack as npm would publish it.
const version = process.argv[2]
if (!version) {
  console.error('Give the version to release: node scripts/release-check.ts 0.2.0')
  process.exit(2)
}
const problems = await releaseProblems(version)
for (const problem of problems)
  console.error(problem)
console.log(problems.length
  ? `${problems.length} problems: fix them before tagging addons-v${version}`
  : `the addons are ready to publish as ${version}`)
process.exitCode = problems.length ? 1 : 0
