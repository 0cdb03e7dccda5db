/**
 * What the speaker's devices and the audience's exchange through the broker (MQTT topics and
 * payloads), and the speaker's credential as it travels in a link. Pure: no network, no Slidev.
 */

/** Where the presenter is: the slide (1-based), its click, and the presenter's timer if it runs. */
export interface Position {
  page: number
  clicks: number
  /** The presenter's timer (Slidev's shared `timer` state), so a phone remote shows the same time. */
  timer?: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number }
}

/** A position as published: when (epoch ms) and by which client, so a device can skip its own echo. */
export interface Published extends Position {
  at: number
  from: string
}

/** A key press sent by the speaker's phone remote, done by the presenter view as a clicker's would be. */
export type Press = 'next' | 'prev'

export interface PressMessage {
  press: Press
  at: number
  from: string
}

/** The speaker's MQTT user name and password. */
export interface Credential {
  username: string
  password: string
}

/** A room name is one MQTT topic level: no wildcard (`+`, `#`), no `/`. */
export const roomPattern = /^[a-z0-9][a-z0-9-]*$/

/** The retained topic of the presenter's position in a room. */
export function positionTopic(room: string): string {
  return `slidev/${room}/position`
}

/** The topic of the phone remote's presses (not retained: a press is done once, or not at all). */
export function pressTopic(room: string): string {
  return `slidev/${room}/press`
}

export function encode(message: Published | PressMessage): string {
  return JSON.stringify(message)
}

function text(payload: string | Uint8Array) {
  return typeof payload === 'string'
    ? payload
    : new TextDecoder().decode(payload)
}

function parse(payload: string | Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text(payload))
    return value && typeof value === 'object' && !Array.isArray(value)
      ? value as Record<string, unknown>
      : undefined
  }
  catch {
    return undefined
  }
}

const isCount = (value: unknown, least: number): value is number => Number.isInteger(value) && (value as number) >= least

/** A published position, or `undefined` for anything else (an empty retained message clears a room). */
export function decodePosition(payload: string | Uint8Array): Published | undefined {
  const value = parse(payload)
  if (!value || !isCount(value.page, 1) || !isCount(value.clicks, 0) || typeof value.at !== 'number' || typeof value.from !== 'string')
    return undefined
  const timer = value.timer as Published['timer'] | undefined
  const validTimer = timer && typeof timer === 'object' && ['stopped', 'running', 'paused'].includes(timer.status)
    && typeof timer.startedAt === 'number' && typeof timer.pausedAt === 'number'
  return {
    page: value.page,
    clicks: value.clicks,
    at: value.at,
    from: value.from,
    ...(validTimer
      ? {
          timer: { status: timer.status, startedAt: timer.startedAt, pausedAt: timer.pausedAt },
        }
      : {}),
  }
}

export function decodePress(payload: string | Uint8Array): PressMessage | undefined {
  const value = parse(payload)
  if (!value || (value.press !== 'next' && value.press !== 'prev') || typeof value.at !== 'number' || typeof value.from !== 'string')
    return undefined
  return { press: value.press, at: value.at, from: value.from }
}

/** Whether two positions show the same thing (slide and click). */
export function samePlace(a: Position | undefined, b: Position | undefined): boolean {
  return !!a && !!b && a.page === b.page && a.clicks === b.clicks
}

/** The fragment key of the presenter link: `#speaker=<user>:<password>`, both URL-encoded. */
export const speakerKey = 'speaker'

/** The fragment that carries a credential in the presenter link. */
export function speakerFragment(credential: Credential): string {
  return `#${speakerKey}=${encodeURIComponent(credential.username)}:${encodeURIComponent(credential.password)}`
}

/**
 * The credential in a link's fragment: a `Credential`, `null` for `#speaker=` (forget the stored
 * one), or `undefined` when the fragment does not speak of it.
 */
export function credentialFromFragment(hash: string): Credential | null | undefined {
  const field = hash.replace(/^#/, '').split('&').find(part => part === speakerKey || part.startsWith(`${speakerKey}=`))
  if (field === undefined)
    return undefined
  const value = field.slice(speakerKey.length + 1)
  const colon = value.indexOf(':')
  try {
    const username = decodeURIComponent(value.slice(0, colon))
    const password = decodeURIComponent(value.slice(colon + 1))
    return colon > 0 && username && password
      ? { username, password }
      : null
  }
  catch {
    return null
  }
}

/** The fragment with the credential taken out, so it leaves no trace in the address bar or history. */
export function withoutCredential(hash: string): string {
  const rest = hash.replace(/^#/, '').split('&').filter(part => part && part !== speakerKey && !part.startsWith(`${speakerKey}=`))
  return rest.length
    ? `#${rest.join('&')}`
    : ''
}
