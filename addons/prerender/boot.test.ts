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
  const at = {
    base: '/deck/',
    no: 5,
    total: 9,
    clicks: 0,
    previousClicks: 3,
  }

  it('moves on to the next slide, or to the slide\'s first click, as the deck\'s → does', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown'])
      expect(keyTarget(press(key), at), key).toBe('/deck/6')
    expect(keyTarget(press('ArrowRight'), { ...at, clicks: 2 })).toBe('/deck/5?clicks=1')
    expect(keyTarget(press('ArrowDown'), { ...at, clicks: 2 }), '↓ skips the clicks').toBe('/deck/6')
    expect(keyTarget(press('ArrowRight', { shiftKey: true }), { ...at, clicks: 2 })).toBe('/deck/6')
  })

  it('goes back to the previous slide at its last click, or at its first by slide', () => {
    expect(keyTarget(press('ArrowLeft'), at)).toBe('/deck/4?clicks=3')
    expect(keyTarget(press('PageUp'), at)).toBe('/deck/4?clicks=3')
    expect(keyTarget(press(' ', { shiftKey: true }), at)).toBe('/deck/4?clicks=3')
    expect(keyTarget(press('ArrowUp'), at)).toBe('/deck/4')
    expect(keyTarget(press('ArrowLeft'), { ...at, previousClicks: 0 })).toBe('/deck/4')
  })

  it('stays at either end, and leaves other keys and shortcuts to the browser', () => {
    expect(keyTarget(press('ArrowRight'), { ...at, no: 9 })).toBeUndefined()
    expect(keyTarget(press('ArrowLeft'), { ...at, no: 1 })).toBeUndefined()
    expect(keyTarget(press('ArrowRight', { altKey: true }), at)).toBeUndefined()
    expect(keyTarget(press('ArrowLeft', { metaKey: true }), at)).toBeUndefined()
    expect(keyTarget(press('r', { ctrlKey: true }), at)).toBeUndefined()
    expect(keyTarget(press('Enter'), at)).toBeUndefined()
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
