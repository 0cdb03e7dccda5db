import { describe, expect, it, vi } from 'vitest'
import { readingViewFor, viewChoiceKey, viewSwitchScript } from './view-switch'

describe('which view a visitor gets', () => {
  const storage = (chosen?: string) => {
    const items = new Map(chosen
      ? [
          [
            viewChoiceKey('/'),
            chosen,
          ],
        ]
      : [])
    return {
      getItem: vi.fn((key: string) => items.get(key) ?? null),
      setItem: vi.fn((key: string, value: string) => void items.set(key, value)),
    }
  }
  const visit = (pathname: string, more: Partial<Parameters<typeof readingViewFor>[0]> = {}) =>
    readingViewFor({
      base: '/',
      pathname,
      search: '',
      portraitPhone: true,
      storage: storage(),
      key: viewChoiceKey('/'),
      ...more,
    })

  it('sends a phone that opens the deck with another page\'s query to that page (?follow → follow/)', () => {
    const pages = [
      { query: 'follow', path: 'follow/' },
    ]
    expect(visit('/', { search: '?follow', pages })).toBe('/follow/')
    expect(visit('/16', { search: '?x=1&follow', pages })).toBe('/follow/#16')
    expect(visit('/16', { search: '?followers', pages })).toBe('/read/#16')
    expect(visit('/16', { search: '?follow', pages: [] })).toBe('/read/#16')
    expect(visit('/16', { search: '?view=slides&follow', pages })).toBeUndefined()
    expect(visit('/16', { search: '?follow', pages, portraitPhone: false })).toBeUndefined()
  })

  it('sends a phone held upright from the deck to the reading view, at the same slide', () => {
    expect(visit('/')).toBe('/read/')
    expect(visit('/16')).toBe('/read/#16')
    expect(visit('/7/')).toBe('/read/#7')
    const base = '/building-rust-for-production/'
    expect(visit(`${base}16`, {
      base,
      key: viewChoiceKey(base),
    })).toBe(`${base}read/#16`)
    expect(visit(base, {
      base,
      key: viewChoiceKey(base),
    })).toBe(`${base}read/`)
  })

  it('leaves every other screen, route and site alone', () => {
    expect(visit('/16', { portraitPhone: false })).toBeUndefined()
    for (const route of [
      '/presenter/16',
      '/overview',
      '/print',
      '/export',
      '/handout',
      '/notes/3',
      '/16/extra',
      '/read/',
    ])
      expect(visit(route), route).toBeUndefined()
    expect(visit('/other/16', { base: '/b/' })).toBeUndefined()
  })

  it('remembers "View as slides" on the device, one choice per site', () => {
    const remembered = storage()
    expect(visit('/12', { search: '?view=slides', storage: remembered })).toBeUndefined()
    expect(remembered.setItem).toHaveBeenCalledWith('deck-view:/', 'slides')
    expect(visit('/12', { storage: remembered })).toBeUndefined()
    expect(visit('/12', {
      search: '?clicks=2&view=slides',
      storage: storage(),
    })).toBeUndefined()
    expect(visit('/12', {
      search: '?view=slidesx',
      storage: storage(),
    })).toBe('/read/#12')
    expect(viewChoiceKey('/a/')).not.toBe(viewChoiceKey('/b/'))
  })

  it('still reads when the browser refuses storage', () => {
    const refusing = {
      getItem: () => { throw new Error('denied') },
      setItem: () => { throw new Error('denied') },
    }
    expect(visit('/3', { storage: refusing })).toBe('/read/#3')
    expect(visit('/3', { storage: refusing, search: '?view=slides' })).toBeUndefined()
    expect(visit('/3', { storage: undefined })).toBe('/read/#3')
  })

  // Under mutation testing the function's source carries StrykerJS's counters, which exist only in
  // its module: the script cannot run on its own there (the tests above cover its decisions).
  it.skipIf('__stryker__' in globalThis)('runs as the script the deck\'s pages load first', () => {
    const run = (pathname: string, portrait: boolean) => {
      const replace = vi.fn()
      const window = {
        localStorage: storage(),
        matchMedia: vi.fn(() => ({ matches: portrait })),
      }
      // eslint-disable-next-line no-new-func -- the script as the browser runs it
      new Function('window', 'location', viewSwitchScript('/b/'))(window, { pathname, search: '', replace })
      return { replace, query: window.matchMedia.mock.calls[0] }
    }
    expect(run('/b/16', true).replace).toHaveBeenCalledWith('/b/read/#16')
    expect(run('/b/16', false).replace).not.toHaveBeenCalled()
    expect(run('/b/16', true).query).toEqual(['(max-width: 599.98px) and (orientation: portrait)'])
  })
})
