/**
 * Facts the deck uses in more than one place: slides, components, the QR code,
 * the exports and the tests all read them from here.
 *
 * Demo repository facts: shared demo-repo notes, read at commit
 * 9900a470f71d31e5774193c04958e3cfd5c8d5a0 of kjuulh/building-rust-for-production.
 */

export const deck = {
  title: 'Building Rust for Production',
  speaker: 'Kasper Juul Hermansen',
  role: 'Platform Engineer @ Lunar',
  /** Where the built deck is hosted (GitHub Pages). The QR code on the last slide opens it. */
  publicUrl: 'https://kjuulh.github.io/building-rust-for-production/',
  feedbackEmail: 'contact@kasperhermansen.com',
} as const

export const demoRepo = {
  owner: 'kjuulh',
  name: 'building-rust-for-production',
  branch: 'main',
  /** The commit whose file list is kept in tests/fixtures/demo-repo-tree.txt. */
  commit: '9900a470f71d31e5774193c04958e3cfd5c8d5a0',
} as const

/** `https://github.com/<owner>/<name>` */
export const repoUrl = `https://github.com/${demoRepo.owner}/${demoRepo.name}`

/** The repository as the closing slide prints it. */
export const repoLabel = `github.com/${demoRepo.owner}/${demoRepo.name}`

/** Browse URL of a folder of the demo repository on its default branch. */
export function folderUrl(folder: string): string {
  return `${repoUrl}/tree/${demoRepo.branch}/${folder}`
}

export interface Demo {
  /** Link text as the talk shows it. */
  label: string
  /** Folder of the demo repository, relative to its root. */
  folder: string
  /** One line: what the demo shows. */
  description: string
}

export const demos = {
  local: {
    label: 'kjuulh/building-rust-for-production/local',
    folder: '01-local',
    description: 'A sample CLI app and a script that records a `cargo build --timings` report.',
  },
  ci: {
    label: 'kjuulh/building-rust-for-production/ci',
    folder: '02-ci',
    description: 'CI pipelines written in Rust with `dagger-sdk`: a plain one and one that caches the dependency layer.',
  },
  production: {
    label: 'kjuulh/building-rust-for-production/production',
    folder: '03-production',
    description: 'A `release-optimized` Cargo profile that shrinks the binary without losing speed.',
  },
  musl: {
    label: 'kjuulh/building-rust-for-production/cross-compile-musl',
    folder: '02-ci/musl/cross-compile-musl',
    description: 'A fully static musl build that runs in an empty container image.',
  },
  wasm: {
    label: 'kjuulh/building-rust-for-production/cross-compile-wasm',
    folder: '02-ci/wasm/cross-compile-wasm',
    description: 'Builds for `wasm32-wasi` and runs the module with wasmtime.',
  },
} as const satisfies Record<string, Demo>

export type DemoId = keyof typeof demos

/** Figures published in 03-production/README.md of the demo repository (the author's machine). */
export const publishedFigures = {
  source: '03-production/README.md',
  binarySizeMB: [
    { build: 'release', value: 5.4 },
    { build: 'release-optimized', value: 2.9 },
    { build: 'release-optimized + UPX', value: 1.3 },
  ],
  buildTimeSeconds: [
    { build: 'release', value: 21 },
    { build: 'release-optimized', value: 39 },
  ],
  /** `bench` subcommand, hyperfine, 10 runs each: mean and standard deviation in milliseconds. */
  benchMilliseconds: [
    { build: 'debug', value: 7606, stddev: 85 },
    { build: 'release', value: 946.9, stddev: 4.7 },
    { build: 'release-optimized', value: 953.7, stddev: 2.6 },
  ],
} as const
