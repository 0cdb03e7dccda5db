/**
 * When to try the broker again: exponential backoff with full jitter. Pure: the caller brings the
 * clock and the dice, the MQTT binding (room.ts) keeps the timer.
 *
 * After a wifi drop or a broker restart, every phone in the room loses its connection in the same
 * second. Retrying on a fixed timer brings them all back in the same second too, and again each
 * second while the broker is still away or full. Here each device draws its wait at random from a
 * window that doubles with each failed attempt (2 s, 4 s, 8 s, … up to 30 s), so a room's worth of
 * reconnections spreads over the window, and a broker that keeps refusing is asked less and less
 * often. A connection that stayed up for a while (`stableMs`) starts the count again.
 */

export interface BackoffOptions {
  /** The window of the first retry: the wait is drawn from [`floorMs`, `baseMs`]. */
  baseMs: number
  /** The widest window: however many attempts failed, the wait is at most this. */
  capMs: number
  /** The shortest wait, whatever the dice say: never a tight loop. */
  floorMs: number
  /** A connection that lasted this long was a good one: the next loss starts from the first window. */
  stableMs: number
}

export const backoffDefaults: BackoffOptions = {
  // 2 s rather than 1: a room whose broker restarts comes back over about two seconds, half of it in
  // the busiest one (bench/follow.ts measured 97 % in one second with 1 s), and a lone phone after a
  // wifi drop waits 1 s on average.
  baseMs: 2000,
  capMs: 30_000,
  floorMs: 100,
  stableMs: 10_000,
}

/** Attempts that failed since the last good connection, and when the current connection began. */
export interface Backoff {
  failures: number
  connectedAt?: number
}

export const freshBackoff: Backoff = { failures: 0 }

/** The window of the retry after `failures` failed attempts: `baseMs · 2^failures`, at most `capMs`. */
export function retryWindow(failures: number, options: BackoffOptions = backoffDefaults): number {
  // 2^failures overflows nothing before the cap: past 30 doublings the cap has long been reached.
  return Math.max(options.floorMs, Math.min(options.capMs, options.baseMs * 2 ** Math.min(failures, 30)))
}

/** Full jitter: a wait drawn uniformly from the window, `random` being a draw from [0, 1). */
export function retryDelay(failures: number, random: number, options: BackoffOptions = backoffDefaults): number {
  const window = retryWindow(failures, options)
  return Math.round(options.floorMs + Math.min(Math.max(random, 0), 1) * (window - options.floorMs))
}

/** The broker accepted this device at `now`. */
export function connected(state: Backoff, now: number): Backoff {
  return { ...state, connectedAt: now }
}

/**
 * The connection is gone, or an attempt failed (refused, timed out, nothing listening), at `now`:
 * how long to wait before the next attempt, and the count after it. Only a connection that lasted
 * `stableMs` resets the count, so a broker that accepts and drops at once is not asked again at once.
 */
export function lost(state: Backoff, now: number, random: number, options: BackoffOptions = backoffDefaults): { state: Backoff, delayMs: number } {
  const failures = state.connectedAt !== undefined && now - state.connectedAt >= options.stableMs
    ? 0
    : state.failures
  return {
    state: { failures: failures + 1 },
    delayMs: retryDelay(failures, random, options),
  }
}

/** The options with `given` over the defaults; a clear error for a number that makes no sense. */
export function backoffOptions(given: Partial<BackoffOptions> = {}): BackoffOptions {
  const options = {
    ...backoffDefaults,
    ...given,
  }
  for (const [key, value] of Object.entries(options)) {
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`slidev-addon-follow: backoff.${key} must be a number of milliseconds, at least 0; got ${value}`)
  }
  if (options.floorMs <= 0)
    throw new Error(`slidev-addon-follow: backoff.floorMs must be more than 0 (a retry loop without a wait floods the broker); got ${options.floorMs}`)
  if (options.baseMs < options.floorMs || options.capMs < options.baseMs)
    throw new Error(`slidev-addon-follow: backoff needs floorMs <= baseMs <= capMs; got ${options.floorMs}, ${options.baseMs}, ${options.capMs}`)
  return options
}
