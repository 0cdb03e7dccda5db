import type { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { copyDeck } from '../../bench/dev-loop.ts'

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** A deck of tests/fixtures/bad-decks/, as the slides.md of a copy of this project. */
export interface DeckCopy {
  dir: string
  /** Puts a fixture of tests/fixtures/bad-decks/ in place of the copy's slides.md. */
  use: (fixture: string) => void
  remove: () => void
}

export function deckCopy(): DeckCopy {
  const dir = copyDeck(repoRoot)
  return {
    dir,
    use: fixture => copyFileSync(join(repoRoot, 'tests/fixtures/bad-decks', fixture), join(dir, 'slides.md')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export interface Run {
  code: number | null
  output: string
}

/** Runs `node <script> …args` in `dir` as `npm run …` would, and collects its output. */
export function runNode(dir: string, args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    child.on('error', fail)
    child.on('exit', code => done({
      code,
      output: output.map(String).join(''),
    }))
  })
}

export interface DevServer {
  url: string
  /** Everything the dev server printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/** `npm run dev` in `dir` on `port`, once it answers. */
export async function startDevServer(dir: string, port: number, timeoutMs = 120_000): Promise<DevServer> {
  const child = spawn(process.execPath, [
    join(dir, 'node_modules/@slidev/cli/bin/slidev.mjs'),
    '--open=false',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
  ], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const chunks: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
  const output = () => chunks.map(String).join('')
  const stop = () => new Promise<void>((done) => {
    if (child.exitCode !== null)
      return done()
    child.once('exit', () => done())
    process.kill(-child.pid!, 'SIGTERM')
  })
  const url = `http://127.0.0.1:${port}/`
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the dev server exited (${child.exitCode}):\n${output()}`)
    if (await fetch(url).then(response => response.ok, () => false))
      return { url, output, stop }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`the dev server did not answer at ${url}:\n${output()}`)
}
