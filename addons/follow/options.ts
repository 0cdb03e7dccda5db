import { roomPattern } from './protocol.ts'

/** What the deck's headmatter `follow:` gives, once checked. */
export interface FollowOptions {
  /** The broker's MQTT-over-WebSocket address (`wss://…`, or `ws://` on the speaker's own machine). */
  broker: string
  /** The room: the last part of the topics, one per talk. */
  room: string
}

/** The environment variable that points the deck at another broker, e.g. a local one for a rehearsal. */
export const brokerVariable = 'SLIDEV_FOLLOW_BROKER'

/** A room name from the deck's title, when the headmatter names none. */
export function roomFromTitle(title: string | undefined): string {
  const slug = (title ?? '').normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug || 'slides'
}

/**
 * The follow options of a deck, or `undefined` when no broker is configured (the deck then has no
 * follow at all). `headmatter` is the value of `follow:`; `env` may override the broker.
 * Throws an error that names the headmatter key and the problem.
 */
export function followOptions(
  headmatter: unknown,
  { title, env = {} }: { title?: string, env?: Record<string, string | undefined> } = {},
): FollowOptions | undefined {
  if (headmatter !== undefined && headmatter !== null && (typeof headmatter !== 'object' || Array.isArray(headmatter)))
    throw new Error('slidev-addon-follow: the headmatter\'s `follow:` must be a map, e.g. `follow: { broker: wss://broker.example.org/mqtt }`.')
  const given = (headmatter ?? {}) as Record<string, unknown>
  const unknown = Object.keys(given).filter(key => key !== 'broker' && key !== 'room')
  if (unknown.length)
    throw new Error(`slidev-addon-follow: the headmatter's \`follow:\` has ${unknown.map(key => `\`${key}\``).join(', ')}, which it does not know; it takes \`broker\` and \`room\`.`)
  const room = given.room ?? roomFromTitle(title)
  if (typeof room !== 'string' || !roomPattern.test(room))
    throw new Error(`slidev-addon-follow: \`follow.room\` "${String(room)}" must be lower-case letters, digits and dashes (one MQTT topic level).`)
  // The headmatter's broker is checked even when the environment overrides it: the next build may not.
  const headmatterBroker = checkedBroker(given.broker, '`follow.broker`')
  const broker = checkedBroker(env[brokerVariable], brokerVariable) ?? headmatterBroker
  if (!broker)
    return undefined
  return { broker, room }
}

/** A broker's address, checked; `undefined` when none is given. `where` names it in an error. */
function checkedBroker(broker: unknown, where: string): string | undefined {
  if (broker === undefined || broker === null || broker === '')
    return undefined
  if (typeof broker !== 'string')
    throw new TypeError(`slidev-addon-follow: ${where} must be a ws:// or wss:// address.`)
  let url: URL
  try {
    url = new URL(broker)
  }
  catch {
    throw new Error(`slidev-addon-follow: ${where} "${broker}" is not an address; give the broker's MQTT over WebSocket address, e.g. wss://broker.example.org/mqtt.`)
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new Error(`slidev-addon-follow: ${where} "${broker}" must use ws:// or wss:// (MQTT over WebSocket), not ${url.protocol.replace(':', '')}.`)
  if (url.username || url.password)
    throw new Error(`slidev-addon-follow: ${where} must not carry a user or password: the built site is public. The speaker's credential travels in the presenter link's fragment.`)
  return broker
}

/** The origin the page connects to, for the Content-Security-Policy's `connect-src`. */
export function brokerOrigin(broker: string): string {
  const url = new URL(broker)
  return `${url.protocol}//${url.host}`
}
