import type { Position } from './protocol.ts'
import type { RoomStatus } from './room.ts'
import { samePlace } from './protocol.ts'

/**
 * A reader's following, apart from any page: whether it follows, the speaker's last position, and
 * the connection. The deck (client/DeckFollow.vue) and the reading view (client/follow-page.ts)
 * drive it and do what it says.
 */
export interface FollowState {
  /** `off` before the reader asks to follow; `paused` after a move of the reader's own. */
  mode: 'off' | 'following' | 'paused'
  connection: RoomStatus | 'closed'
  /** Why the broker refused this device, in words (room.ts), while `connection` is `refused`. */
  refusal?: string
  /** The speaker's last position, once one came. */
  latest?: Position
}

export const initialState: FollowState = { mode: 'off', connection: 'closed' }

/** Where to go: the speaker's position, when following. */
export type Go = Position | undefined

export function follow(state: FollowState): [FollowState, Go] {
  return [
    { ...state, mode: 'following' },
    state.latest,
  ]
}

/** The speaker moved: go there if following. */
export function received(state: FollowState, position: Position): [FollowState, Go] {
  const next = { ...state, latest: position }
  return [
    next,
    state.mode === 'following'
      ? position
      : undefined,
  ]
}

/**
 * The reader's page now shows `shown`: a move of the reader's own pauses following, unless it is
 * where the speaker is (a step the follower itself made, or the reader caught up).
 */
export function moved(state: FollowState, shown: Position): FollowState {
  if (state.mode !== 'following' || samePlace(shown, state.latest))
    return state
  return { ...state, mode: 'paused' }
}

/** The reader scrolled or stepped away by hand (the reading view has no positions of its own). */
export function pause(state: FollowState): FollowState {
  return state.mode === 'following'
    ? { ...state, mode: 'paused' }
    : state
}

/** The connection changed; `refusal` says why the broker refused, when it did. */
export function connection(state: FollowState, status: FollowState['connection'], refusal?: string): FollowState {
  const next: FollowState = { ...state, connection: status }
  if (status === 'refused' && refusal)
    next.refusal = refusal
  else
    delete next.refusal
  return next
}

/** What the follow control says. */
export function describe(state: FollowState): string {
  if (state.mode === 'off')
    return 'Follow the speaker'
  // The device tries again after a growing wait (backoff.ts): the reader learns why, and that it retries.
  if (state.connection === 'refused')
    return `Can't follow: ${state.refusal ?? 'the broker refused this device'} — retrying`
  // Before a first position, still connecting; after one, the broker went away and it retries.
  if (state.connection !== 'live') {
    return state.latest
      ? 'Can\'t reach the speaker — retrying'
      : 'Connecting to the speaker…'
  }
  if (state.mode === 'paused')
    return 'Following paused — tap to follow'
  if (!state.latest)
    return 'Following — waiting for the speaker'
  return `Following the speaker · slide ${state.latest.page}`
}
