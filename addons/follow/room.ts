import type { MqttClient } from 'mqtt'
import type { Credential, Position, Press, PressMessage, Published } from './protocol.ts'
import mqtt from 'mqtt'
import { decodePosition, decodePress, encode, positionTopic, pressTopic } from './protocol.ts'

/**
 * - `connecting`: not connected yet, or connecting again (the broker went away, the network dropped)
 * - `live`: connected and subscribed
 * - `refused`: the broker refused the credential; no retry until the page gives another
 */
export type RoomStatus = 'connecting' | 'live' | 'refused'

export interface RoomOptions {
  /** MQTT over WebSocket: `wss://…`, or `ws://` on the speaker's own machine. */
  broker: string
  room: string
  /** The speaker's credential: it may publish. Without it, the room is read only. */
  credential?: Credential
  /** The presenter's position: at once when joining (the broker keeps the last one), then each move. */
  onPosition?: (position: Published) => void
  /** The phone remote's presses (a speaker's device only). */
  onPress?: (press: PressMessage) => void
  onStatus?: (status: RoomStatus, detail?: string) => void
  /** Milliseconds between attempts to reconnect. */
  reconnectMs?: number
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

/** MQTT v5 reason codes the broker answers a refused credential or publish with. */
const notAuthorized = new Set([0x86, 0x87, 0x8C, 4, 5])

const reasonOf = (error: unknown): number | undefined => (error as { code?: unknown })?.code as number | undefined

/** Joins a talk's room on its broker (MQTT v5 over WebSocket), and keeps trying while the broker is away. */
export function joinRoom(options: RoomOptions): Room {
  const id = `slidev-${Math.random().toString(36).slice(2, 12)}`
  const client: MqttClient = mqtt.connect(options.broker, {
    protocolVersion: 5,
    clientId: id,
    clean: true,
    username: options.credential?.username,
    password: options.credential?.password,
    reconnectPeriod: options.reconnectMs ?? 1000,
    connectTimeout: 5000,
    keepalive: 20,
    resubscribe: true,
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
  const status = (value: RoomStatus, detail?: string) => options.onStatus?.(value, detail)
  status('connecting')
  client.on('connect', () => {
    client.subscribe(topics, { qos: 1 }, (error) => {
      if (error)
        status('connecting', error.message)
      else
        status('live')
    })
  })
  client.on('reconnect', () => status('connecting'))
  client.on('offline', () => status('connecting', 'offline'))
  client.on('error', (error) => {
    if (notAuthorized.has(reasonOf(error) ?? -1)) {
      client.end(true)
      status('refused', error.message)
    }
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
    close: () => new Promise<void>(resolve => client.end(false, {}, () => resolve())),
  }
}
