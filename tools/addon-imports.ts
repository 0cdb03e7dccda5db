import { existsSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

let registered = false

/**
 * Lets Node load an addon's modules written for Vite, whose relative imports leave out the `.ts`
 * (`import { encode } from './protocol'`): such an import of a `.ts` file that exists resolves to
 * it. Anything else resolves as before. For scripts and benchmarks that run an addon's browser code
 * in Node (bench/follow.ts runs slidev-addon-follow's room.ts); import those modules after this, with
 * `await import()`.
 */
export function allowAddonImports(): void {
  if (registered)
    return
  registered = true
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.startsWith('file:')) {
        const url = new URL(`${specifier}.ts`, context.parentURL)
        if (existsSync(fileURLToPath(url)))
          return nextResolve(url.href, context)
      }
      return nextResolve(specifier, context)
    },
  })
}
