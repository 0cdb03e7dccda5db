import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/** The repository (this file is in its tools/). */
const root = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** Where the keys of kept builds are written (ignored by git, beside the tools' other caches). */
const keysDir = join(root, 'node_modules/.cache/deck-builds')

/**
 * The files of the repository a build reads, as git sees them (tracked, and new files not ignored),
 * under `paths` (all of it by default), without `skip`: the key of a build is their names and contents.
 */
function inputFiles(paths: string[], skip: RegExp): string[] {
  const listed = execFileSync('git', [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ...paths,
  ], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return [
    ...new Set(listed.split('\0').filter(Boolean)),
  ]
    .filter(file => !skip.test(file) && existsSync(join(root, file)))
    .sort()
}

export interface BuildInputs {
  /** Folders and files of the repository that the build reads (`[]`: all of it). */
  paths: string[]
  /** Files among them that it does not read (tests, documentation). */
  skip: RegExp
  /** Whatever else decides the output: the command line, the browser. */
  extra: string[]
}

/**
 * A build's key: the hash of its input files (names and contents), the Node version, the browser
 * the build's steps run in (its path and the size and time of its file) and `extra`. Outside a git
 * checkout there is no key, and every build is made anew.
 */
export function buildKey({ paths, skip, extra }: BuildInputs, browser?: string): string | undefined {
  let files: string[]
  try {
    files = inputFiles(paths, skip)
  }
  catch {
    return undefined
  }
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(file)
    hash.update('\0')
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  hash.update(process.version)
  if (browser && existsSync(browser)) {
    const { size, mtimeMs } = statSync(browser)
    hash.update(`${browser} ${size} ${mtimeMs}`)
  }
  for (const part of extra)
    hash.update(`\0${part}`)
  return hash.digest('hex').slice(0, 20)
}

const keyFile = (out: string) => join(keysDir, `${createHash('sha256').update(resolve(root, out)).digest('hex').slice(0, 16)}.key`)

/** What changes when anything else writes the folder (a `slidev build` by hand): its index.html's time and size. */
function stamp(out: string): string {
  const index = join(resolve(root, out), 'index.html')
  if (!existsSync(index))
    return 'none'
  const { size, mtimeMs } = statSync(index)
  return `${size} ${mtimeMs}`
}

/** Whether `out` holds the build of exactly this key (noted by `keepBuild` after it succeeded), untouched since. */
export function isKept(out: string, key: string | undefined): boolean {
  return !!key && existsSync(keyFile(out)) && readFileSync(keyFile(out), 'utf8') === `${key} ${stamp(out)}`
}

/** Notes that `out` is now the build of `key`; `undefined` forgets it (a build that failed or is under way). */
export function keepBuild(out: string, key: string | undefined): void {
  if (!key) {
    rmSync(keyFile(out), { force: true })
    return
  }
  mkdirSync(keysDir, { recursive: true })
  writeFileSync(keyFile(out), `${key} ${stamp(out)}`)
}

/** `out` as the user reads it in a line: relative to the repository. */
export const shown = (out: string) => relative(root, resolve(root, out)) || '.'

/** Files that document or test code beside it, which no build reads. */
export const documentsOnly = /(?:^|\/)(?:README\.md|LICENSE)$|\.test\.ts$|^addons\/[^/]+\/screenshots\//

/**
 * What the site's build does not read: the tests, benchmarks, documentation and CI, the tools' own
 * settings (lint, test runners, type declarations) and `documentsOnly`.
 */
export const notBuildInput = new RegExp(`^(?:tests|bench|docs|\\.github|\\.ci)/|^(?:eslint\\.config\\.js|knip\\.json|stryker\\.config\\.mjs|playwright\\.config\\.ts|vitest[\\w.]*\\.config\\.ts|\\.nvmrc|\\.gitignore|[\\w-]+\\.d\\.ts)$|${documentsOnly.source}`)

/**
 * `build()` into `out`, noting its key when it succeeds. With `reuse`, no build when `out` already
 * holds the build of these very inputs, untouched since: it is kept, and the line says so (npm test's
 * builds; `npm run build` itself always builds).
 */
export async function buildUnlessKept({ out, inputs, browser, reuse, build, log = console.log }: {
  out: string
  inputs: BuildInputs
  browser: string | undefined
  reuse: boolean
  build: () => Promise<string>
  log?: (line: string) => void
}): Promise<string> {
  const key = buildKey(inputs, browser)
  if (reuse && isKept(out, key)) {
    log(`${shown(out)} is the build of these very files (key ${key}): kept. Remove it to build anew.`)
    return resolve(root, out)
  }
  keepBuild(out, undefined)
  const dir = await build()
  keepBuild(out, key)
  return dir
}
