// @vitest-environment node
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, cspHeader, deckCsp } from './csp.ts'

describe('the policy of the built deck', () => {
  type Hook = (this: unknown, ...args: unknown[]) => unknown

  /** The `<meta>` the plugin adds to index.html once Vite resolved the config with `plugins`. */
  function builtPolicy(plugin: Plugin, plugins?: Array<Partial<Plugin>>): string {
    if (plugins)
      (plugin.configResolved as Hook).call({}, { plugins } as unknown as ResolvedConfig)
    const transform = plugin.transformIndexHtml as { order: string, handler: Hook }
    expect(transform.order).toBe('post')
    const tags = transform.handler.call({}, '<html><head></head><body><script type="module" src="/assets/index.js"></script></body></html>', {}) as HtmlTagDescriptor[]
    expect(tags).toHaveLength(1)
    expect(tags[0]).toMatchObject({
      tag: 'meta',
      injectTo: 'head-prepend',
      attrs: { 'http-equiv': 'Content-Security-Policy' },
    })
    return tags[0].attrs!.content as string
  }

  it('lets the page reach what another plugin asks for through its api.contentSecurityPolicy', () => {
    const content = builtPolicy(deckCsp(), [
      {
        name: 'x',
        api: {
          contentSecurityPolicy: {
            'connect-src': ['wss://b.example'],
          },
        },
      },
      { name: 'no-api' },
      {
        name: 'other-api',
        api: { somethingElse: true },
      },
    ])
    expect(content).toContain('; connect-src \'self\' wss://b.example;')
    expect(content).toBe(cspHeader({
      ...contentSecurityPolicy,
      'connect-src': ['\'self\'', 'wss://b.example'],
    }))
  })

  it('lets the deck reach the other sites it names itself, says which, and blocks them when told to', () => {
    const lines: string[] = []
    const deck = () => ({
      slides: [
        {
          content: '<Youtube id="a" />',
          frontmatter: {},
          images: ['https://images.unsplash.com/p.jpg'],
        },
      ],
    })
    const allowed = deckCsp(undefined, { deck, allow: true })
    ;(allowed.configResolved as Hook).call({}, {
      plugins: [],
      logger: {
        info: (line: string) => lines.push(line),
      },
    } as unknown as ResolvedConfig)
    const content = builtPolicy(allowed)
    expect(content).toContain('img-src \'self\' data: https://images.unsplash.com;')
    expect(content).toContain('frame-src \'self\' https://www.youtube.com')
    expect(lines).toEqual(['slidev-addon-static-site: the policy lets the deck reach what it names itself: https://www.youtube.com (frame-src, <Youtube>), https://images.unsplash.com (img-src, an image). Set staticSite.allowRemote: false to block them.'])
    const blocked = deckCsp(undefined, { deck, allow: false })
    ;(blocked.configResolved as Hook).call({}, {
      plugins: [],
      logger: {
        info: (line: string) => lines.push(line),
      },
    } as unknown as ResolvedConfig)
    expect(builtPolicy(blocked)).toBe(cspHeader())
    expect(lines[1]).toMatch(/^slidev-addon-static-site: the policy blocks what the deck names on other sites: .*Set staticSite\.allowRemote: true/)
  })

  it('is the deck\'s own policy when no plugin widens it', () => {
    expect(builtPolicy(deckCsp())).toBe(cspHeader())
    expect(builtPolicy(deckCsp(), [
      { name: 'no-api' },
    ])).toBe(cspHeader())
  })

  it('a second build without the plugin does not keep the first build\'s additions', () => {
    const plugin = deckCsp()
    expect(builtPolicy(plugin, [
      {
        name: 'x',
        api: {
          contentSecurityPolicy: {
            'connect-src': ['wss://b.example'],
          },
        },
      },
    ])).toContain('wss://b.example')
    expect(builtPolicy(plugin, [])).toBe(cspHeader())
  })

  it('refuses a built page with an inline script, which the policy would block', () => {
    const transform = deckCsp().transformIndexHtml as { handler: Hook }
    expect(() => transform.handler.call({}, '<head><script>alert(1)</script></head>', {})).toThrow(/inline <script>/)
    expect(() => transform.handler.call({}, '<head><script type="module">import "x"</script></head>', {})).toThrow(/inline <script>/)
  })
})
