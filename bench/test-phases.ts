import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { isMain, root } from '../tools/slidev.ts'

/**
 * The phases of `npm test`, each run and timed on its own, in the order npm test runs them, so that
 * the next slowdown shows where it is: `npm run bench:test` alone, or as the last part of
 * `npm run bench`. Each phase's time includes its npm start-up, as in npm test.
 */
export const testPhases = [
  { name: 'lint', script: 'lint', what: 'ESLint and vue-tsc' },
  { name: 'check', script: 'check', what: 'the deck check' },
  { name: 'unit', script: 'test:unit', what: 'Vitest' },
  { name: 'build', script: 'build:pages', what: 'the site under the Pages base, both PDFs, the render check, the worker' },
  { name: 'fixture deck', script: 'build:fixture-deck', what: 'pack the addons, build a deck that is not the talk' },
  { name: 'browser tests', script: 'test:e2e', what: 'Playwright in Chromium' },
  { name: 'engines', script: 'test:engines', what: 'Chromium, Firefox and WebKit walk the journeys' },
  { name: 'real decks', script: 'test:decks', what: 'the packed addons installed beside stock Slidev, on decks no one here wrote (cached by content)' },
] as const

export interface PhaseTime {
  name: string
  script: string
  seconds: number
  ok: boolean
}

function runScript(script: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    child.on('exit', code => done(code === 0))
  })
}

/** Runs every phase in turn, even after one fails, and returns their times. */
export async function measureTestPhases(log: (line: string) => void = () => {}): Promise<PhaseTime[]> {
  const times: PhaseTime[] = []
  for (const { name, script } of testPhases) {
    log(`bench: npm run ${script} …`)
    const started = performance.now()
    const ok = await runScript(script)
    times.push({
      name,
      script,
      seconds: (performance.now() - started) / 1000,
      ok,
    })
  }
  return times
}

/** The phases as a table, with the fast tier (lint, check, unit) and the whole. */
export function phaseTable(times: PhaseTime[]): string {
  const fast = times.filter(t => ['lint', 'check', 'unit'].includes(t.name)).reduce((sum, t) => sum + t.seconds, 0)
  const total = times.reduce((sum, t) => sum + t.seconds, 0)
  const rows = [
    ...times.map(t => `| ${t.name} | \`npm run ${t.script}\` | ${t.seconds.toFixed(1)} s | ${t.ok ? 'passed' : 'FAILED'} |`),
    `| fast tier | \`npm run test:fast\` | ${fast.toFixed(1)} s | |`,
    `| all | \`npm test\` | ${total.toFixed(1)} s | |`,
  ]
  return ['| phase | command | time | |', '| --- | --- | ---: | --- |', ...rows].join('\n')
}

// `npm run bench:test`: the phases of npm test, timed; the table, and bench/test-phases.json.
if (isMain(import.meta.url)) {
  measureTestPhases(line => console.log(line)).then((times) => {
    writeFileSync(join(root, 'bench/test-phases.json'), `${JSON.stringify({
      date: new Date().toISOString(),
      node: process.version,
      phases: times,
    }, null, 2)}\n`)
    console.log(`\n${phaseTable(times)}\n\nWritten to bench/test-phases.json.`)
    if (times.some(t => !t.ok))
      process.exitCode = 1
  })
}
