import type { RoadFrontmatter, Trail } from './road'
import { describe, expect, it } from 'vitest'
import { backupsOf, demoSlideOf, downStop, nextStop, previousStop, readRoad, upStop, walk } from './road'

const backup = (demo: string): RoadFrontmatter => ({ layout: 'backup', demo })

// 1 cover · 2 demo · 3-4 backups of 2 · 5 talk · 6 demo · 7 backup of 6 · 8 last
const road = readRoad([
  { layout: 'cover' },
  { class: 'demo-slide' },
  backup('local'),
  backup('local'),
  undefined,
  {},
  backup('wasm'),
  { layout: 'center' },
])

/** Presses keys from slide `no`, as the binding does: each move extends the trail. */
function press(start: number, keys: Array<'→' | '←' | '↓' | '↑'>): number[] {
  let no = start
  let trail: Trail = []
  const seen: number[] = []
  for (const key of keys) {
    const to = {
      '→': () => nextStop(road, no),
      '←': () => previousStop(road, no, trail),
      '↓': () => downStop(road, no),
      '↑': () => upStop(road, no, trail),
    }[key]()
    if (to !== undefined) {
      trail = walk(trail, no, to)
      no = to
    }
    seen.push(no)
  }
  return seen
}

describe('the road through the deck', () => {
  it('takes a slide as a backup by the road\'s own key, or by its layout', () => {
    const keyed = readRoad([
      {},
      { backup: true, layout: 'image-right' },
      { backup: false },
      { layout: 'backup' },
    ])
    expect(backupsOf(keyed, 1)).toEqual([2])
    expect(backupsOf(keyed, 3)).toEqual([4])
    expect(demoSlideOf(keyed, 3)).toBe(3)
  })

  it('puts each run of backup slides below the slide before it', () => {
    expect(backupsOf(road, 2)).toEqual([3, 4])
    expect(backupsOf(road, 6)).toEqual([7])
    expect(backupsOf(road, 5)).toEqual([])
    expect(backupsOf(road, 3)).toEqual([])
    expect([3, 4, 7].map(no => demoSlideOf(road, no))).toEqual([2, 2, 6])
    expect(demoSlideOf(road, 5)).toBe(5)
  })

  it('→ on a demo slide continues the talk past its backups', () => {
    expect(nextStop(road, 2)).toBe(5)
    expect(nextStop(road, 6)).toBe(8)
    expect(press(1, ['→', '→', '→', '→', '→'])).toEqual([2, 5, 6, 8, 8])
  })

  it('→ on a talk slide without backups goes to the next slide', () => {
    expect(nextStop(road, 1)).toBe(2)
    expect(nextStop(road, 5)).toBe(6)
  })

  it('stops at the last slide', () => {
    expect(nextStop(road, 8)).toBeUndefined()
    expect(downStop(road, 8)).toBeUndefined()
  })

  it('↓ on a demo slide enters its backups; → steps through them and continues the talk', () => {
    expect(press(2, ['↓', '→', '→', '→'])).toEqual([3, 4, 5, 6])
    expect(press(6, ['↓', '→'])).toEqual([7, 8])
  })

  it('↓ elsewhere is the next slide on the path, ↓ in a detour the next backup', () => {
    expect(downStop(road, 1)).toBe(2)
    expect(downStop(road, 3)).toBe(4)
    expect(downStop(road, 4)).toBe(5)
  })

  it('↑ from any backup returns to its demo slide', () => {
    expect(press(2, ['↓', '→', '↑'])).toEqual([3, 4, 2])
    expect(upStop(road, 7)).toBe(6)
  })

  it('↑ on the talk goes back like ←', () => {
    expect(upStop(road, 5)).toBe(2)
    expect(upStop(road, 1)).toBeUndefined()
  })

  it('← after skipping a detour goes back to the demo slide', () => {
    expect(press(2, ['→', '←'])).toEqual([5, 2])
    expect(previousStop(road, 5)).toBe(2)
  })

  it('← after walking a detour retraces it', () => {
    expect(press(2, ['↓', '→', '→', '←', '←', '←'])).toEqual([3, 4, 5, 4, 3, 2])
  })

  it('← retraces the detour even after going on past the next slide and back', () => {
    expect(press(2, ['↓', '→', '→', '→', '←', '←'])).toEqual([3, 4, 5, 6, 5, 4])
  })

  it('← after leaving a detour with ↑ and going on skips the detour', () => {
    expect(press(2, ['↓', '→', '↑', '→', '←'])).toEqual([3, 4, 2, 5, 2])
  })

  it('← ignores a trail that does not lead here (a jump with g or a deep link)', () => {
    expect(previousStop(road, 5, [7])).toBe(2)
    expect(previousStop(road, 5, [4])).toBe(4)
    expect(previousStop(road, 8, [4])).toBe(6)
    expect(previousStop(road, 8, [7])).toBe(7)
  })

  it('← in a detour is the slide above it, and nothing before the first slide', () => {
    expect(previousStop(road, 4, [])).toBe(3)
    expect(previousStop(road, 3, [])).toBe(2)
    expect(previousStop(road, 1, [])).toBeUndefined()
  })

  it('keeps the trail short', () => {
    let trail: Trail = []
    for (let i = 0; i < 500; i++)
      trail = walk(trail, i + 1, i + 2)
    expect(trail.length).toBeLessThanOrEqual(64)
    expect(trail.at(-1)).toBe(500)
  })

  it('treats a backup with no slide before it as a slide of the talk', () => {
    const odd = readRoad([
      backup('local'),
      {},
    ])
    expect(backupsOf(odd, 1)).toEqual([])
    expect(nextStop(odd, 1)).toBe(2)
  })
})
