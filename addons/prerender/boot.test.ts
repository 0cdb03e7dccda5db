import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { bootScript, keyTarget, slideAtFirstClick } from './boot'

function visit(pathname: string, search = '', hash = '', routerMode = 'history', base = '/deck/') {
  return slideAtFirstClick({
    base,
    routerMode,
    pathname,
    search,
    hash,
  })
}

describe('which slide an address shows at its first click', () => {
  it('reads the slide from a deep link, with or without the slash the host adds', () => {
    expect(visit('/deck/7')).toBe(7)
    expect(visit('/deck/7/')).toBe(7)
    expect(visit('/deck/7/index.html')).toBe(7)
  })

  it('takes the site\'s root for slide 1', () => {
    expect(visit('/deck/')).toBe(1)
    expect(visit('/deck')).toBe(1)
    expect(visit('/deck/index.html')).toBe(1)
    expect(visit('/', '', '', 'history', '/')).toBe(1)
  })

  it('shows nothing pre-rendered for another view, a later click or a path outside the site', () => {
    expect(visit('/deck/presenter/7')).toBeUndefined()
    expect(visit('/deck/overview')).toBeUndefined()
    expect(visit('/deck/7', '?clicks=2')).toBeUndefined()
    expect(visit('/elsewhere/7')).toBeUndefined()
    expect(visit('/deck/0')).toBeUndefined()
  })

  it('keeps the first click when the query says so, or says nothing of clicks', () => {
    expect(visit('/deck/7', '?clicks=0')).toBe(7)
    expect(visit('/deck/7', '?embedded=true')).toBe(7)
  })

  it('reads the hash in hash mode', () => {
    expect(visit('/deck/', '', '#/7', 'hash')).toBe(7)
    expect(visit('/deck/', '', '', 'hash')).toBe(1)
    expect(visit('/deck/', '', '#/presenter/7', 'hash')).toBeUndefined()
    expect(visit('/deck/', '', '#/7?clicks=1', 'hash')).toBeUndefined()
    expect(visit('/deck/7', '', '#/7', 'hash')).toBeUndefined()
  })
})

describe('where a key goes before the deck runs', () => {
  const press = (key: string, modifiers: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...modifiers,
  })

  it('goes where the deck\'s own → went at build time, for → and the keys Slidev gives the same move', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown'])
      expect(keyTarget(press(key), '/deck/5?clicks=1'), key).toBe('/deck/5?clicks=1')
  })

  it('leaves every other key, a modifier, and the last slide to the deck', () => {
    for (const key of [
      'ArrowLeft',
      'ArrowUp',
      'ArrowDown',
      'PageUp',
      'o',
      'Enter',
    ])
      expect(keyTarget(press(key), '/deck/6'), key).toBeUndefined()
    expect(keyTarget(press('ArrowRight', { shiftKey: true }), '/deck/6')).toBeUndefined()
    expect(keyTarget(press('ArrowRight', { ctrlKey: true }), '/deck/6')).toBeUndefined()
    expect(keyTarget(press('ArrowRight', { metaKey: true }), '/deck/6')).toBeUndefined()
    expect(keyTarget(press('ArrowRight'), null)).toBeUndefined()
  })
})

describe('the boot script', () => {
  it('is a classic script that carries the address reader with it', () => {
    const script = bootScript()
    expect(script).not.toMatch(/^\s*(?:import|export)\b/m)
    expect(script).toContain('var slideAtFirstClick = ')
    // It parses as a script of its own (no reference to this module left).
    expect(() => new Script(script)).not.toThrow()
  })
})
