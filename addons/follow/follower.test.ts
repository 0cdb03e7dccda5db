// @vitest-environment node
import type { FollowState } from './follower.ts'
import type { Position } from './protocol.ts'
import { describe, expect, it } from 'vitest'
import { connection, describe as describeState, follow, initialState, moved, pause, received } from './follower.ts'

const slide3: Position = { page: 3, clicks: 0 }
const slide3click1: Position = { page: 3, clicks: 1 }
const slide5: Position = { page: 5, clicks: 2 }

const live = (state: FollowState) => connection(state, 'live')

/** The reader pressed Follow, and the speaker's slide 3 came. */
function following(): FollowState {
  const [state] = received(follow(live(initialState))[0], slide3)
  return state
}

describe('a reader following the speaker', () => {
  it('does not follow before asking to, but remembers where the speaker is', () => {
    const [state, go] = received(live(initialState), slide3)
    expect(go).toBeUndefined()
    expect(state).toMatchObject({ mode: 'off', latest: slide3 })
  })

  it('asking to follow goes where the speaker is, or waits for the speaker', () => {
    expect(follow(initialState)).toEqual([
      { mode: 'following', connection: 'closed' },
      undefined,
    ])
    const [, go] = follow(received(live(initialState), slide5)[0])
    expect(go).toEqual(slide5)
  })

  it('goes wherever the speaker goes', () => {
    let state = following()
    let go
    for (const position of [slide3click1, slide5, slide3]) {
      [state, go] = received(state, position)
      expect(go).toEqual(position)
      expect(state.latest).toEqual(position)
      state = moved(state, position)
      expect(state.mode).toBe('following')
    }
  })

  it('moving to another slide by hand pauses following', () => {
    expect(moved(following(), slide5).mode).toBe('paused')
    expect(moved(following(), slide3click1).mode).toBe('paused')
  })

  it('a step to where the speaker is does not pause following', () => {
    const state = following()
    expect(moved(state, { ...slide3 })).toBe(state)
  })

  it('a move before the speaker\'s first position pauses following', () => {
    const [state] = follow(live(initialState))
    expect(moved(state, slide3).mode).toBe('paused')
  })

  it('while paused, the speaker\'s moves do not take the reader along, but are remembered', () => {
    const paused = moved(following(), slide5)
    const [state, go] = received(paused, slide3click1)
    expect(go).toBeUndefined()
    expect(state).toMatchObject({ mode: 'paused', latest: slide3click1 })
  })

  it('following again goes to where the speaker is now', () => {
    const [paused] = received(moved(following(), slide5), slide3click1)
    const [state, go] = follow(paused)
    expect(state.mode).toBe('following')
    expect(go).toEqual(slide3click1)
  })

  it('the reader\'s moves while paused or before following change nothing', () => {
    const paused = moved(following(), slide5)
    expect(moved(paused, slide3)).toBe(paused)
    const off = live(initialState)
    expect(moved(off, slide5)).toBe(off)
  })

  it('scrolling away in the reading view pauses following, and only following', () => {
    expect(pause(following()).mode).toBe('paused')
    const off = live(initialState)
    expect(pause(off)).toBe(off)
    const paused = pause(following())
    expect(pause(paused)).toBe(paused)
  })

  it('keeps the shared initial state as it was', () => {
    follow(initialState)
    received(initialState, slide3)
    connection(initialState, 'live')
    expect(initialState).toEqual({ mode: 'off', connection: 'closed' })
  })

  it('the connection changes nothing but the connection', () => {
    const state = following()
    expect(connection(state, 'refused')).toEqual({ ...state, connection: 'refused' })
  })
})

describe('what the follow control says', () => {
  it('offers to follow before the reader asks, whatever the connection', () => {
    expect(describeState(initialState)).toBe('Follow the speaker')
    expect(describeState(connection(initialState, 'refused'))).toBe('Follow the speaker')
    expect(describeState(live(initialState))).toBe('Follow the speaker')
  })

  it('says it is connecting until the connection is first live', () => {
    const [state] = follow(initialState)
    expect(describeState(state)).toBe('Connecting to the speaker…')
    expect(describeState(connection(state, 'connecting'))).toBe('Connecting to the speaker…')
  })

  it('says the speaker cannot be reached when the connection drops after a position came', () => {
    expect(describeState(connection(following(), 'connecting'))).toBe('Can\'t reach the speaker — retrying')
    expect(describeState(connection(following(), 'closed'))).toBe('Can\'t reach the speaker — retrying')
  })

  it('says why the broker refused the device, following or paused, and that it tries again', () => {
    const full = 'the broker is full (quota exceeded, code 151)'
    expect(describeState(connection(following(), 'refused', full))).toBe('Can\'t follow: the broker is full (quota exceeded, code 151) — retrying')
    expect(describeState(connection(pause(following()), 'refused', full))).toBe('Can\'t follow: the broker is full (quota exceeded, code 151) — retrying')
    expect(describeState(connection(following(), 'refused'))).toBe('Can\'t follow: the broker refused this device — retrying')
  })

  it('forgets the refusal once the broker lets the device in', () => {
    const refused = connection(following(), 'refused', 'the broker is busy (code 137)')
    expect(refused.refusal).toBe('the broker is busy (code 137)')
    expect(connection(refused, 'live')).not.toHaveProperty('refusal')
    expect(describeState(connection(refused, 'live'))).toBe('Following the speaker · slide 3')
  })

  it('waits for the speaker, then names the speaker\'s slide', () => {
    expect(describeState(follow(live(initialState))[0])).toBe('Following — waiting for the speaker')
    expect(describeState(following())).toBe('Following the speaker · slide 3')
    expect(describeState(received(following(), slide5)[0])).toBe('Following the speaker · slide 5')
  })

  it('offers to follow again once paused', () => {
    expect(describeState(pause(following()))).toBe('Following paused — tap to follow')
  })
})
