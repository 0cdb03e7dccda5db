import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import type { Credential } from './protocol.ts'
import { readOptions } from 'slidev-addons-kit/keys'
import { roomPattern } from './protocol.ts'

/** What the deck's headmatter `follow:` gives, once checked. */
export interface FollowOptions {
  /** The broker's MQTT-over-WebSocket address (`wss://…`, or `ws://` on the speaker's own machine). */
  broker: string
  /** The room: the last part of the topics, one per talk. */
  room: string
  /**
   * The audience's login, for a broker that lets no anonymous client in (most managed ones): public
   * by nature (it is in the built site), so the broker must let it only read `slidev/#`.
   */
  audience?: Credential
}

/** The environment variable that points the deck at another broker, e.g. a local one for a rehearsal. */
export const brokerVariable = 'SLIDEV_FOLLOW_BROKER'

/** A room name from the deck's title, when the headmatter names none. */
export function roomFromTitle(title: string | undefined): string {
  const slug = (title ?? '').normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug || 'slides'
}

/**
 * The keys follow reads, declared once (slidev-addons-kit/keys): `followOptions` reads `follow:`
 * through them, and setup/deck-check.ts gives them to the deck check, which names a wrong or
 * misspelt one by its line in `npm run check`.
 */
export const followKeys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'follow',
    type: 'map',
    description: 'phones follow the speaker through an MQTT broker',
  },
  {
    where: 'headmatter',
    path: 'follow.broker',
    type: 'string',
    empty: true,
    check: brokerProblem,
    description: 'the broker\'s MQTT over WebSocket address (wss://…)',
  },
  {
    where: 'headmatter',
    path: 'follow.room',
    type: 'string',
    pattern: { test: roomPattern, words: 'lower-case letters, digits and dashes (one MQTT topic level)' },
    description: 'the last part of the topics, one per talk',
  },
  {
    where: 'headmatter',
    path: 'follow.audience',
    type: 'map',
    description: 'the audience\'s login (public, read only), for a broker without anonymous clients',
  },
  {
    where: 'headmatter',
    path: 'follow.audience.username',
    type: 'string',
    required: true,
    check: loginProblem,
    description: 'the audience\'s user name on the broker',
  },
  {
    where: 'headmatter',
    path: 'follow.audience.password',
    type: 'string',
    required: true,
    check: loginProblem,
    description: 'the audience\'s password: public, in the built site',
  },
]

/** What is wrong with a user name or password of the audience's login, or undefined. */
function loginProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && !value.trim())
    return 'must not be empty: a broker without anonymous clients refuses an empty login.'
  return undefined
}

/**
 * The follow options of a deck, or `undefined` when no broker is configured (the deck then has no
 * follow at all). `headmatter` is the value of `follow:`, read as `followKeys` declares it; `env`
 * may override the broker. Throws an error that names the headmatter key and the problem.
 */
export function followOptions(
  headmatter: unknown,
  { title, env = {} }: { title?: string, env?: Record<string, string | undefined> } = {},
): FollowOptions | undefined {
  // The headmatter's broker is checked even when the environment overrides it: the next build may not.
  const given = readOptions<{ broker?: string | null, room?: string, audience?: Credential | null }>(followKeys, 'follow', headmatter, 'slidev-addon-follow') ?? {}
  const room = given.room ?? roomFromTitle(title)
  const fromEnv = env[brokerVariable]
  const wrong = fromEnv
    ? brokerProblem(fromEnv)
    : undefined
  if (wrong)
    throw new Error(`slidev-addon-follow: ${brokerVariable} ${wrong}`)
  const broker = fromEnv || given.broker || undefined
  if (!broker)
    return undefined
  return {
    broker,
    room,
    ...(given.audience
      ? {
          audience: {
            username: String(given.audience.username),
            password: String(given.audience.password),
          },
        }
      : {}),
  }
}

/** What is wrong with a broker's address, or undefined; no address (`''`) is nothing wrong. */
function brokerProblem(broker: unknown): string | undefined {
  if (broker === '')
    return undefined
  if (typeof broker !== 'string')
    return 'must be a ws:// or wss:// address.'
  let url: URL
  try {
    url = new URL(broker)
  }
  catch {
    return `"${broker}" is not an address; give the broker's MQTT over WebSocket address, e.g. wss://broker.example.org/mqtt.`
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return `"${broker}" must use ws:// or wss:// (MQTT over WebSocket), not ${url.protocol.replace(':', '')}.`
  if (url.username || url.password)
    return 'must not carry a user or password: the built site is public. The speaker\'s credential travels in the presenter link\'s fragment; the audience\'s login, if the broker needs one, is follow.audience.'
  return undefined
}

/** The origin the page connects to, for the Content-Security-Policy's `connect-src`. */
export function brokerOrigin(broker: string): string {
  const url = new URL(broker)
  return `${url.protocol}//${url.host}`
}
