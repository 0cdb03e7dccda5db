// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { parsePolicy, policyAdditionsOf, policyHeader, withAdditions } from './policy.ts'

const policy = {
  'default-src': ['\'self\''],
  'connect-src': ['\'self\''],
  'img-src': ['\'self\'', 'data:'],
}

describe('another plugin widening the policy', () => {
  it('adds its sources to their directives, each source once', () => {
    expect(withAdditions(policy, [
      {
        'connect-src': ['wss://b.example', '\'self\''],
      },
      {
        'connect-src': ['wss://b.example', 'https://api.example'],
        'img-src': ['data:', 'blob:'],
      },
    ])).toEqual({
      'default-src': ['\'self\''],
      'connect-src': ['\'self\'', 'wss://b.example', 'https://api.example'],
      'img-src': ['\'self\'', 'data:', 'blob:'],
    })
  })

  it('a directive the policy lacks starts from default-src\'s sources, as the browser would', () => {
    expect(withAdditions(policy, [
      {
        'media-src': ['https://cdn.example', '\'self\''],
      },
    ])['media-src'])
      .toEqual(['\'self\'', 'https://cdn.example'])
    expect(withAdditions({
      'img-src': ['data:'],
    }, [
      {
        'media-src': ['https://cdn.example'],
      },
    ])['media-src'])
      .toEqual(['https://cdn.example'])
  })

  it('leaves the given policy, and the deck\'s own, as they were', () => {
    const before = structuredClone(policy)
    const widened = withAdditions(policy, [
      {
        'connect-src': ['wss://b.example'],
        'default-src': ['https://x.example'],
        'media-src': ['blob:'],
      },
    ])
    expect(policy).toEqual(before)
    expect(widened['default-src']).not.toBe(policy['default-src'])
  })

  it('without additions is the same policy', () => {
    expect(withAdditions(policy, [])).toEqual(policy)
    expect(withAdditions(policy, [{}])).toEqual(policy)
  })
})

describe('a policy as a header value', () => {
  it('reads back what it writes, whatever the spacing', () => {
    expect(parsePolicy(policyHeader(policy))).toEqual(policy)
    expect(parsePolicy('  default-src \'self\' ;; img-src   data: ;  ')).toEqual({
      'default-src': ['\'self\''],
      'img-src': ['data:'],
    })
    expect(parsePolicy('')).toEqual({})
  })

  it('a page that runs no script gains a script source without keeping \'none\'', () => {
    expect(withAdditions({
      'script-src': ['\'none\''],
    }, [
      {
        'script-src': ['\'self\''],
      },
    ])).toEqual({
      'script-src': ['\'self\''],
    })
    expect(withAdditions({
      'script-src': ['\'none\''],
    }, [
      {
        'script-src': ['\'none\''],
      },
    ])).toEqual({
      'script-src': ['\'none\''],
    })
  })
})

describe('what plugins add', () => {
  it('is each plugin\'s api.contentSecurityPolicy, empty ones left out', () => {
    expect(policyAdditionsOf([
      {
        api: {
          contentSecurityPolicy: {
            'connect-src': ['wss://b.example'],
          },
        },
      },
      {
        api: { contentSecurityPolicy: {} },
      },
      {
        api: { other: true },
      },
      {},
    ])).toEqual([
      {
        'connect-src': ['wss://b.example'],
      },
    ])
  })
})
