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
  /** The commit whose file list is kept in data/demo-repo-tree.txt. */
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
  /** hyperfine's summary of the same run: how many times faster `release` ran than the others. */
  benchReleaseRanFaster: [
    { than: 'debug', value: 8.03, stddev: 0.1 },
    { than: 'release-optimized', value: 1.01, stddev: 0.01 },
  ],
  measuredOn: 'the author\'s machine',
} as const

/** Where a published figure comes from, as a chart's source line shows it. */
export const figuresSourceLabel = `${publishedFigures.source} (${demoRepo.owner}/${demoRepo.name})`

/** Browse URL of a file of the demo repository on its default branch. */
export function fileUrl(path: string): string {
  return `${repoUrl}/blob/${demoRepo.branch}/${path}`
}

export interface ProfileKey {
  key: string
  /** The value as written in Cargo.toml. */
  value: string
  /** Whether the release profile already has this value (The Cargo Book, "Profiles"); unset for `inherits`. */
  sameAsRelease?: boolean
  /** One line: what the setting does. */
  why: string
}

/** The custom profile of 03-production/Cargo.toml, in the order it is written there. */
export const releaseOptimizedProfile = {
  name: 'release-optimized',
  source: '03-production/Cargo.toml',
  keys: [
    { key: 'inherits', value: '"release"', why: 'start from release; change only what follows' },
    {
      key: 'opt-level',
      value: '3',
      sameAsRelease: true,
      why: 'all optimisations for speed',
    },
    {
      key: 'debug',
      value: '"none"',
      sameAsRelease: true,
      why: 'no debug info in the binary',
    },
    {
      key: 'strip',
      value: '"symbols"',
      sameAsRelease: false,
      why: 'also strip the symbol table: a smaller file',
    },
    {
      key: 'debug-assertions',
      value: 'false',
      sameAsRelease: true,
      why: '`debug_assert!` is compiled out',
    },
    {
      key: 'overflow-checks',
      value: 'false',
      sameAsRelease: true,
      why: 'integer overflow wraps instead of panicking',
    },
    {
      key: 'lto',
      value: '"fat"',
      sameAsRelease: false,
      why: 'optimise across all crates at link time',
    },
    {
      key: 'panic',
      value: '"abort"',
      sameAsRelease: false,
      why: 'no unwinding code: a panic ends the process',
    },
    {
      key: 'incremental',
      value: 'false',
      sameAsRelease: true,
      why: 'no incremental cache; crates compile whole',
    },
    {
      key: 'codegen-units',
      value: '1',
      sameAsRelease: false,
      why: 'one unit per crate: tighter code, less parallel',
    },
  ],
} as const satisfies { name: string, source: string, keys: readonly ProfileKey[] }

/** What makes a layer of the optimized CI pipeline (02-ci/ci-optimized) build again. */
export type LayerInput = 'manifests' | 'sources'

export interface CacheLayer {
  /** What the pipeline does in this layer. */
  step: string
  /** One line: what the layer holds or does. */
  detail: string
  /** The files this layer adds, if any: a change to them invalidates it and every layer after it. */
  input?: LayerInput
}

const ciBuildImage = 'rust:1.77-bookworm'

/** The optimized CI pipeline, layer by layer, in the order it builds them. */
export const ciPipeline = {
  sdk: { crate: 'dagger-sdk', version: '0.9.8' },
  buildImage: ciBuildImage,
  runtimeImage: 'debian:bookworm',
  layers: [
    { step: `from ${ciBuildImage}`, detail: 'the base image with the Rust toolchain' },
    { step: 'Cargo.toml, Cargo.lock, .cargo/ + placeholder main.rs', detail: 'the manifests, and a main.rs that only has to compile', input: 'manifests' },
    { step: 'cargo build --release', detail: 'downloads and compiles every dependency' },
    { step: 'the real src/**/*.rs', detail: 'the app\'s own sources replace the placeholder', input: 'sources' },
    { step: 'cargo build --release', detail: 'compiles only the app crate, on top of the cached dependencies' },
  ],
} as const satisfies { layers: readonly CacheLayer[] } & Record<string, unknown>
