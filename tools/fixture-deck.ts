import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildUnlessKept, documentsOnly } from './build-cache.ts'
import { chromiumExecutable } from './chromium.ts'
import { browserArgs, deckAddons, root, runSlidev } from './slidev.ts'

/** The fixture deck's source: a small deck that is not the talk (code, a table, notes, a backup, a part plan). */
export const fixtureSource = join(root, 'tests/fixture-deck')

/** Where it is installed and built (ignored by git): inside the repository, so that the addons' dependencies resolve from its node_modules. */
export const fixtureDir = join(root, '.fixture-deck')

/**
 * The two builds of the fixture deck, each with what `slidev build` printed (`log`): `dist`, with the
 * browser (`--executable-path`, as tools/chromium.ts resolves it), and `noBrowser`, the same command
 * with `--executable-path` pointing nowhere, which must still pass without the steps that need one.
 */
export const fixtureBuilds = {
  dist: {
    dir: join(fixtureDir, 'dist'),
    log: join(fixtureDir, 'dist.log'),
  },
  noBrowser: {
    dir: join(fixtureDir, 'dist-no-browser'),
    log: join(fixtureDir, 'dist-no-browser.log'),
  },
}

/**
 * The addons as a user of the published packages gets them, on a deck that is not this talk: each
 * addon the fixture's headmatter lists is packed with `npm pack` (only the files its package.json
 * publishes) and unpacked into the fixture's node_modules as npm installs a tarball. Their
 * dependencies resolve from the repository's node_modules, where the workspaces installed them. Then
 * `slidev build --executable-path <Chromium>`, as a Slidev user types it (without `download`), and
 * once more with no browser (`fixtureBuilds`). Returns the first built site's folder. With `reuse`,
 * nothing is done while the folder holds the builds of the same files (tools/build-cache.ts).
 */
export async function buildFixtureDeck({ quiet = true, reuse = false }: { quiet?: boolean, reuse?: boolean } = {}): Promise<string> {
  await buildUnlessKept({
    out: fixtureBuilds.dist.dir,
    inputs: {
      paths: [
        'addons',
        'tests/fixture-deck',
        'package.json',
        'package-lock.json',
        'tools/fixture-deck.ts',
        'tools/slidev.ts',
        'tools/chromium.ts',
      ],
      skip: documentsOnly,
      extra: [],
    },
    browser: chromiumExecutable(),
    reuse,
    build: () => buildBoth(quiet),
  })
  return fixtureBuilds.dist.dir
}

async function buildBoth(quiet: boolean): Promise<string> {
  rmSync(fixtureDir, { recursive: true, force: true })
  cpSync(fixtureSource, fixtureDir, { recursive: true })
  const packs = join(fixtureDir, 'packs')
  mkdirSync(packs)
  const addons = deckAddons(join(fixtureDir, 'slides.md'))
  execFileSync('npm', [
    'pack',
    '--silent',
    '--pack-destination',
    packs,
    ...addons.flatMap(name => ['--workspace', `addons/${name}`]),
  ], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (const tarball of readdirSync(packs)) {
    const name = tarball.replace(/-\d+\.\d+\.\d+\.tgz$/, '')
    const target = join(fixtureDir, 'node_modules', name)
    mkdirSync(target, { recursive: true })
    execFileSync('tar', [
      '-xzf',
      join(packs, tarball),
      '-C',
      target,
      '--strip-components=1',
    ])
  }
  for (const [build, executablePath] of [
    [fixtureBuilds.dist, undefined],
    [fixtureBuilds.noBrowser, false],
  ] as const) {
    const output = await runSlidev([
      'build',
      '--out',
      build.dir,
      ...browserArgs(executablePath),
    ], { quiet, cwd: fixtureDir })
    writeFileSync(build.log, output)
  }
  return fixtureBuilds.dist.dir
}
