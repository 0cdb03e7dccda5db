import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * An import of Slidev's client that an addon answers with its own module: the file that imports it
 * (`importer`, a path inside `@slidev/client`, such as `pages/presenter.vue`) and what it imports
 * (`source`, as written there, such as `../composables/useNav`).
 */
export interface ClientSwap {
  importer: string
  source: string
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `code` imports `source`: `import … from 'source'`, `import 'source'` or `import('source')`. */
export function importsSource(code: string, source: string): boolean {
  return new RegExp(`(?:\\bfrom|\\bimport)\\s*\\(?\\s*(['"\`])${escape(source)}\\1`).test(code)
}

/**
 * The swap for `source` imported by `importer` (a module id, as Vite passes it), if any: the
 * importer is matched by its path inside `@slidev/client`, with any query left out.
 */
export function matchSwap<T extends ClientSwap>(swaps: readonly T[], source: string, importer: string | undefined): T | undefined {
  const from = importer?.replaceAll('\\', '/').replace(/\?.*$/, '')
  return from
    ? swaps.find(swap => swap.source === source && from.endsWith(`/@slidev/client/${swap.importer}`))
    : undefined
}

/**
 * The folder of the `@slidev/client` that Slidev serves, from a resolved Vite config of Slidev's:
 * its `__SLIDEV_CLIENT_ROOT__` define (`"/@fs/…/@slidev/client"`), else as Slidev finds it, from
 * `@slidev/cli` in the config's root.
 */
export function slidevClientRoot(config: { root: string, define?: Record<string, unknown> }): string {
  const defined = config.define?.__SLIDEV_CLIENT_ROOT__
  if (typeof defined === 'string') {
    const path = (JSON.parse(defined) as string).replace(/^\/@fs/, '')
    return /^\/[a-z]:\//i.test(path)
      ? path.slice(1)
      : path
  }
  const cli = createRequire(join(config.root, 'package.json')).resolve('@slidev/cli/package.json')
  return dirname(createRequire(cli).resolve('@slidev/client/package.json'))
}

/** The swaps whose importer in `clientRoot` no longer exists or no longer imports their source, each said in words. */
export function staleSwaps(clientRoot: string, swaps: readonly ClientSwap[]): string[] {
  const code = new Map<string, string | undefined>()
  const read = (importer: string) => {
    if (!code.has(importer)) {
      const file = join(clientRoot, importer)
      code.set(importer, existsSync(file)
        ? readFileSync(file, 'utf8')
        : undefined)
    }
    return code.get(importer)
  }
  return swaps.flatMap(({ importer, source }) => {
    const text = read(importer)
    if (text === undefined)
      return [`@slidev/client/${importer} is gone (it imported '${source}')`]
    return importsSource(text, source)
      ? []
      : [`@slidev/client/${importer} no longer imports '${source}'`]
  })
}

/**
 * Fails, naming the addon, each file and each import, when the installed Slidev client no longer
 * imports what `addon` swaps (after a Slidev upgrade): the swap would silently not apply. Addons call
 * it when Vite's config is resolved, so `slidev` (dev) fails as the build does.
 */
export function checkSwaps(addon: string, clientRoot: string, swaps: readonly ClientSwap[]): void {
  const stale = staleSwaps(clientRoot, swaps)
  if (!stale.length)
    return
  let version = 'unknown'
  try {
    version = (JSON.parse(readFileSync(join(clientRoot, 'package.json'), 'utf8')) as { version: string }).version
  }
  catch {}
  throw new Error(`${addon}: Slidev's client (${version}, ${clientRoot}) no longer matches the files this addon swaps: `
    + `${stale.join('; ')}. The addon matches Slidev's files by path: install the Slidev version its package.json names `
    + `(engines.slidev), or update the addon.`)
}
