// @vitest-environment node
import type { BuildResult } from '../../tools/real-decks'
import { describe, expect, it } from 'vitest'
import { compareWithKnown, missingText, normaliseError } from '../../tools/real-decks'

function result(deck: string, addons: string, problems: string[]): BuildResult {
  return {
    deck,
    addons,
    ok: !problems.length,
    problems,
    notices: [],
    buildMs: 1,
    consoleErrors: [],
  }
}

describe('the real decks\' results', () => {
  it('fail on a problem no known entry accounts for, and on a known entry that no longer happens', () => {
    const results = [
      result('a', 'reading-view', ['reading view: slide 1 lacks "x"', 'console: boom']),
      result('b', 'all', []),
    ]
    const known = [
      {
        deck: 'a',
        addons: 'reading-view',
        problem: 'reading view: slide 1 lacks',
        why: 'x is drawn',
      },
      {
        deck: 'b',
        addons: 'all',
        problem: 'console:',
        why: 'fixed since',
      },
      {
        deck: 'c',
        addons: 'all',
        problem: 'console:',
        why: 'a build that did not run this time',
      },
    ]
    const { unexpected, stale } = compareWithKnown(results, known)
    expect(unexpected.map(u => u.problem)).toEqual(['console: boom'])
    expect(stale.map(s => s.deck)).toEqual(['b'])
  })

  it('name a slide of the reading view that lacks the deck\'s text, or has it out of order', () => {
    const sections = new Map([
      [1, 'Title Ada Lovelace'],
      [2, 'Second First'],
    ])
    expect(missingText([
      ['Title', 'Ada'],
      ['First', 'Second'],
      ['Three'],
    ], sections)).toEqual([
      'reading view: slide 2 lacks "Second" in its place',
      'reading view: slide 3 has no section',
    ])
  })

  it('compare console errors without what changes between builds', () => {
    expect(normaliseError('Failed http://127.0.0.1:4321/assets/index-Ab12Cd34.js:10:20  here')).toBe('Failed /assets/index.js here')
  })
})
