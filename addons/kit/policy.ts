/**
 * A Content-Security-Policy as the addons pass it around: directives by name, each with its sources
 * in order. One merge for every page that has a policy (the deck's, the reading view's, the follow
 * page's), so that an addon widens any of them the same way.
 */
export type Policy = Record<string, string[]>

/** Sources an addon adds to a policy: `{ 'connect-src': ['wss://broker.example.org'] }`. */
export type PolicyAdditions = Record<string, string[]>

/** The policy as a header or `<meta http-equiv>` value. */
export function policyHeader(policy: Policy): string {
  return Object.entries(policy).map(([directive, sources]) => `${directive} ${sources.join(' ')}`).join('; ')
}

/** A header value read back into directives (empty parts and extra spaces dropped). */
export function parsePolicy(header: string): Policy {
  const policy: Policy = {}
  for (const part of header.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/)
    if (directive)
      policy[directive] = sources
  }
  return policy
}

/**
 * The policy with the sources of `additions` appended to their directives, each source once. A
 * directive the policy does not have starts from its `default-src`, which it replaces for that kind
 * of request. A source `'none'` gives way to the first real one added beside it.
 */
export function withAdditions(policy: Policy, additions: PolicyAdditions[]): Policy {
  const merged = Object.fromEntries(Object.entries(policy).map(([directive, sources]) => [
    directive,
    [...sources],
  ]))
  for (const addition of additions) {
    for (const [directive, sources] of Object.entries(addition)) {
      let list = merged[directive] ??= [
        ...(policy['default-src'] ?? []),
      ]
      for (const source of sources) {
        if (source !== `'none'` && list.includes(`'none'`))
          list = merged[directive] = list.filter(s => s !== `'none'`)
        if (!list.includes(source))
          list.push(source)
      }
    }
  }
  return merged
}

/**
 * What Vite plugins add to the policies of the site: each plugin may carry
 * `api.contentSecurityPolicy` (sources by directive), which every page with a policy collects.
 */
export function policyAdditionsOf(plugins: ReadonlyArray<{ api?: unknown }>): PolicyAdditions[] {
  return plugins.flatMap((plugin) => {
    const addition = (plugin.api as { contentSecurityPolicy?: PolicyAdditions } | undefined)?.contentSecurityPolicy
    return addition && Object.keys(addition).length
      ? [addition]
      : []
  })
}
