// @vitest-environment node
import type { Backoff } from './backoff.ts'
import { describe, expect, it } from 'vitest'
import { backoffDefaults, backoffOptions, connected, freshBackoff, lost, retryDelay, retryWindow } from './backoff.ts'
import { isLoginRefusal, isRefusal, refusalWords } from './refusals.ts'

/** A run of losses with the same dice, from a fresh count: the waits in ms. */
function waits(count: number, random: number, state: Backoff = freshBackoff): number[] {
  const delays: number[] = []
  for (let i = 0; i < count; i++) {
    const next = lost(state, 0, random)
    state = next.state
    delays.push(next.delayMs)
  }
  return delays
}

describe('a phone that lost the broker waits before trying again', () => {
  it('the window doubles with each failed attempt, from 2 s up to 30 s', () => {
    const windows = [
      2000,
      4000,
      8000,
      16_000,
      30_000,
      30_000,
      30_000,
    ]
    expect([0, 1, 2, 3, 4, 5, 40].map(failures => retryWindow(failures))).toEqual(windows)
    // The longest the dice can make it wait, attempt after attempt.
    expect(waits(7, 0.999_999)).toEqual(windows)
  })

  it('the wait is drawn from the whole window (full jitter), and never below 100 ms', () => {
    expect(retryDelay(2, 0)).toBe(100)
    expect(retryDelay(2, 0.5)).toBe(Math.round(100 + 0.5 * (8000 - 100)))
    // Even dice that always say 0 leave 100 ms between attempts: never a tight loop.
    expect(waits(50, 0)).toEqual(Array.from({ length: 50 }).fill(100))
  })

  it('a room of phones that lose the broker together comes back spread over two seconds, not all in one instant', () => {
    const phones = 1000
    const delays = Array.from({ length: phones }, (_, i) => lost(connected(freshBackoff, 0), 60_000, (i + 0.5) / phones).delayMs)
    const perTenth = Array.from({ length: 20 }).fill(0) as number[]
    for (const delay of delays)
      perTenth[Math.min(19, Math.floor(delay / 100))]!++
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000)
    // About a nineteenth of the room in each tenth of a second after the first, none in the first.
    expect(Math.max(...perTenth)).toBeLessThanOrEqual(phones / 16)
    expect(perTenth[0]).toBe(0)
  })

  it('a connection that lasted 10 s starts the count again; one the broker dropped at once does not', () => {
    let state: Backoff = { failures: 3 }
    state = connected(state, 1000)
    const quick = lost(state, 1000 + 500, 0.999_999)
    expect(quick.delayMs).toBe(16_000)
    expect(quick.state.failures).toBe(4)

    state = connected(quick.state, 50_000)
    const stable = lost(state, 50_000 + backoffDefaults.stableMs, 0.999_999)
    expect(stable.delayMs).toBe(2000)
    expect(stable.state).toEqual({ failures: 1 })
  })

  it('settings that would flood the broker or never wait are refused, naming the setting', () => {
    expect(backoffOptions({ baseMs: 50, capMs: 400, floorMs: 10 })).toMatchObject({
      baseMs: 50,
      capMs: 400,
      floorMs: 10,
      stableMs: 10_000,
    })
    expect(() => backoffOptions({ floorMs: 0 })).toThrow(/backoff\.floorMs must be more than 0/)
    expect(() => backoffOptions({ capMs: Number.NaN })).toThrow(/backoff\.capMs must be a number/)
    expect(() => backoffOptions({ baseMs: 60_000 })).toThrow(/floorMs <= baseMs <= capMs/)
  })
})

describe('the broker\'s refusals in words', () => {
  it('a reader reads why the broker refused, with the code to look up', () => {
    expect(refusalWords(151)).toBe('the broker is full (quota exceeded, code 151)')
    expect(refusalWords(135)).toBe('not allowed in (not authorised, code 135)')
    expect(refusalWords(134)).toBe('wrong user name or password (code 134)')
    expect(refusalWords(137)).toBe('the broker is busy (code 137)')
    expect(refusalWords(159)).toBe('too many connections at once (connection rate exceeded, code 159)')
    expect(refusalWords(250)).toBe('the broker refused (code 250)')
  })

  it('tells a refused login from a broker that is full or busy', () => {
    expect([134, 135, 140, 4, 5].every(isLoginRefusal)).toBe(true)
    expect([151, 137, 159, 136].some(isLoginRefusal)).toBe(false)
  })

  it('a network error is no refusal', () => {
    expect([
      0,
      6,
      127,
      256,
      'ECONNREFUSED',
      undefined,
      1.5,
    ].some(isRefusal)).toBe(false)
    expect([1, 5, 128, 151, 159, 255].every(isRefusal)).toBe(true)
  })
})
