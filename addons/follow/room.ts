import type { MqttClient } from 'mqtt'
import type { BackoffOptions } from './backoff.ts'
import type { Credential, Position, Press, PressMessage, Published } from './protocol.ts'
import mqtt from 'mqtt'
import { backoffOptions, connected, freshBackoff, lost } from './backoff.ts'
import { decodePosition, decodePress, encode, positionTopic, pressTopic } from './protocol.ts'
import { isRefusal, refusalWords } from './refusals.ts'

/**
 * - `connecting`: not connected yet, or connecting again (the broker went away, the network dropped)
 * - `live`: connected and subscribed
 * - `refused`: the broker refused this device (its login, or it is full or busy): `detail` says why
 *   in words, `code` is the broker's reason code; it tries again after a wait that grows
 */
export type RoomStatus = 'connecting' | 'live' | 'refused'

export interface RoomOptions {
  /** MQTT over WebSocket: `wss://…`, or `ws://` on the speaker's own machine. */
  broker: string
  room: string
  /** The speaker's credential: it may publish. Without it, the room is read only. */
  credential?: Credential
  /** The audience's login (`follow.audience`), public and read only, for a broker without anonymous clients. */
  audience?: Credential
  /** The presenter's position: at once when joining (the broker keeps the last one), then each move. */
  onPosition?: (position: Published) => void
  /** The phone remote's presses (a speaker's device only). */
  onPress?: (press: PressMessage) => void
  /** The connection's state; with `refused`, the refusal in words and the broker's reason code. */
  onStatus?: (status: RoomStatus, detail?: string, code?: number) => void
  /** How long to wait between attempts (backoff.ts): 1 s, doubling up to 30 s, drawn at random. */
  backoff?: Partial<BackoffOptions>
}

export interface Room {
  /** This client's id, which its own messages carry in `from`. */
  readonly id: string
  /** Publishes the presenter's position, kept by the broker for late joiners. Rejects when refused. */
  publish: (position: Position) => Promise<void>
  /** Sends a press of the phone remote. Rejects when refused. */
  press: (press: Press) => Promise<void>
  close: () => Promise<void>
}

const reasonOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code

/** The refusal in a SUBACK that MQTT.js turned into an error (its `packet.granted` holds the reason codes). */
function grantedRefusal(error: unknown): number | undefined {
  const granted = (error as { packet?: { granted?: unknown[] } } | undefined)?.packet?.granted ?? []
  return granted.find(isRefusal)
}

/**
 * Joins a talk's room on its broker (MQTT v5 over WebSocket), and keeps trying while the broker is
 * away or refuses: each attempt after a random wait from a window that doubles (backoff.ts), so a
 * room of phones does not come back in the same second.
 */
export function joinRoom(options: RoomOptions): Room {
  const settings = backoffOptions(options.backoff)
  const id = `slidev-${Math.random().toString(36).slice(2, 12)}`
  const login = options.credential ?? options.audience
  const client: MqttClient = mqtt.connect(options.broker, {
    protocolVersion: 5,
    clientId: id,
    clean: true,
    username: login?.username,
    password: login?.password,
    // The waits between attempts are this module's (backoff.ts), not MQTT.js's fixed period.
    reconnectPeriod: 0,
    connectTimeout: 5000,
    keepalive: 20,
    // mqtt.js keeps time in a blob: worker by default, which the site's Content-Security-Policy refuses.
    timerVariant: 'native',
  })
  const topics = [
    positionTopic(options.room),
    ...(options.credential && options.onPress
      ? [
          pressTopic(options.room),
        ]
      : []),
  ]
  const status = (value: RoomStatus, detail?: string, code?: number) => options.onStatus?.(value, detail, code)
  let backoff = freshBackoff
  let retry: ReturnType<typeof setTimeout> | undefined
  let closing = false
  /** The broker's refusal on this attempt (CONNACK, SUBACK or DISCONNECT), if it gave one. */
  let refusal: number | undefined

  status('connecting')
  client.on('connect', () => {
    backoff = connected(backoff, Date.now())
    refusal = undefined
    client.subscribe(topics, { qos: 1 }, (error) => {
      if (!error)
        return status('live')
      // A broker whose ACL lets this login read nothing here: say so, and ask again later. The
      // stream is dropped rather than the client ended, which would close the stores it reuses.
      refusal = grantedRefusal(error) ?? 0x80
      client.stream.destroy()
    })
  })
  client.on('error', (error) => {
    const code = reasonOf(error)
    if (isRefusal(code))
      refusal = code
  })
  client.on('disconnect', (packet) => {
    if (isRefusal(packet.reasonCode))
      refusal = packet.reasonCode
  })
  // Every failed attempt and every lost connection ends here, once: wait, then try again.
  client.on('close', () => {
    if (closing || retry)
      return
    const next = lost(backoff, Date.now(), Math.random(), settings)
    backoff = next.state
    if (refusal === undefined)
      status('connecting', 'offline')
    else
      status('refused', refusalWords(refusal), refusal)
    refusal = undefined
    retry = setTimeout(() => {
      retry = undefined
      // The same stores: a position published while away is sent once connected.
      if (!closing)
        client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore })
    }, next.delayMs)
  })
  client.on('message', (topic, payload) => {
    if (topic === topics[0]) {
      const position = decodePosition(payload)
      if (position)
        options.onPosition?.(position)
    }
    else if (topic === topics[1]) {
      const press = decodePress(payload)
      if (press)
        options.onPress?.(press)
    }
  })

  const send = (topic: string, message: string, retain: boolean) => new Promise<void>((resolve, reject) => {
    client.publish(topic, message, { qos: 1, retain }, (error) => {
      if (error)
        reject(error)
      else
        resolve()
    })
  })

  return {
    id,
    publish: position => send(positionTopic(options.room), encode({
      ...position,
      at: Date.now(),
      from: id,
    }), true),
    press: press => send(pressTopic(options.room), encode({
      press,
      at: Date.now(),
      from: id,
    }), false),
    close: () => {
      closing = true
      clearTimeout(retry)
      return new Promise<void>(resolve => client.end(false, {}, () => resolve()))
    },
  }
}
