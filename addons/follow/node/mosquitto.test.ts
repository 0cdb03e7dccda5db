// @vitest-environment node
import type { IClientOptions, MqttClient } from 'mqtt'
import type { Published } from '../protocol'
import type { Room, RoomOptions, RoomStatus } from '../room'
import type { LocalMosquitto } from './mosquitto.ts'
import { createConnection } from 'node:net'
import mqtt from 'mqtt'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { joinRoom } from '../room'
import { mosquittoBinaries, startMosquitto } from './mosquitto.ts'

// The real broker, as the talk runs it: Debian's Mosquitto (scripts/setup.sh installs it), MQTT.js over
// WebSocket, MQTT v5. Without Mosquitto these tests fail, saying what to install: they do not skip.

let broker: LocalMosquitto
const clients: MqttClient[] = []

/** Why the broker did not start (Mosquitto not installed?): every test fails with it, none is skipped. */
let failure: unknown

beforeAll(async () => {
  try {
    mosquittoBinaries()
    broker = await startMosquitto()
  }
  catch (error) {
    failure = error
  }
}, 15_000)

beforeEach(() => {
  if (failure)
    throw failure
})

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true)))
  await broker?.stop()
})

const topic = (room: string) => `slidev/${room}/position`

function connect(options: IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(broker.url, {
    protocolVersion: 5,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...options,
  })
  clients.push(client)
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client))
    client.once('error', reject)
  })
}

const speaker = () => connect({ username: broker.credential.username, password: broker.credential.password })

/** The messages `client` receives on `topic`, parsed, with their retain flag. */
function inbox(client: MqttClient, name: string) {
  const messages: Array<{ position: { page: number, clicks: number }, retain: boolean }> = []
  const waiting: Array<() => void> = []
  client.on('message', (received, payload, packet) => {
    if (received !== name)
      return
    messages.push({
      position: JSON.parse(payload.toString()),
      retain: packet.retain,
    })
    waiting.splice(0).forEach(wake => wake())
  })
  return {
    messages,
    /** Resolves once `count` messages are in, or rejects after `ms`. */
    async waitFor(count: number, ms = 2000) {
      const deadline = Date.now() + ms
      while (messages.length < count) {
        if (Date.now() > deadline)
          throw new Error(`${messages.length} of ${count} messages on ${name} within ${ms} ms`)
        await new Promise<void>((resolve) => {
          waiting.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return messages
    },
  }
}

function position(page: number, clicks = 0) {
  return JSON.stringify({
    page,
    clicks,
    at: Date.now(),
    from: 'test',
  })
}

describe('the local Mosquitto', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(broker.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    // Bound to 0.0.0.0, it would also answer on 127.0.0.2 (on Linux, all of 127/8 is loopback).
    const answers = (host: string) => new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port: broker.port })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    expect(await answers('127.0.0.1')).toBe(true)
    expect(await answers('127.0.0.2')).toBe(false)
  })

  it('an anonymous follower receives the speaker\'s position, and a late joiner gets it at once, retained', async () => {
    const follower = await connect()
    const early = inbox(follower, topic('live'))
    await follower.subscribeAsync(topic('live'), { qos: 1 })
    const talk = await speaker()
    await talk.publishAsync(topic('live'), position(3, 1), { qos: 1, retain: true })
    expect((await early.waitFor(1))[0]).toEqual({
      position: expect.objectContaining({ page: 3, clicks: 1 }),
      retain: false,
    })

    const late = await connect()
    const joined = inbox(late, topic('live'))
    await late.subscribeAsync(topic('live'), { qos: 1 })
    expect((await joined.waitFor(1))[0]).toEqual({
      position: expect.objectContaining({ page: 3, clicks: 1 }),
      retain: true,
    })
  })

  it('refuses an anonymous publish with PUBACK 135 "Not authorized", and no follower receives it', async () => {
    const talk = await speaker()
    await talk.publishAsync(topic('guarded'), position(5), { qos: 1, retain: true })
    const follower = await connect()
    const received = inbox(follower, topic('guarded'))
    await follower.subscribeAsync(topic('guarded'), { qos: 1 })
    await received.waitFor(1)

    const intruder = await connect()
    const refusal = await intruder.publishAsync(topic('guarded'), position(99), { qos: 1, retain: true }).then(() => undefined, (error: Error & { code?: number }) => error)
    expect(refusal).toMatchObject({ code: 135, message: 'Publish error: Not authorized' })
    // The connection stays up; a QoS 0 publish is dropped without a word.
    expect(intruder.connected).toBe(true)
    await intruder.publishAsync(topic('guarded'), position(98), { qos: 0, retain: true })

    const late = await connect()
    const lateInbox = inbox(late, topic('guarded'))
    await late.subscribeAsync(topic('guarded'), { qos: 1 })
    expect((await lateInbox.waitFor(1))[0]!.position.page).toBe(5)
    await talk.publishAsync(topic('guarded'), position(6), { qos: 1, retain: true })
    await received.waitFor(2)
    expect(received.messages.map(m => m.position.page)).toEqual([5, 6])
  })

  it('refuses a wrong password at connect', async () => {
    const refusal = await connect({ username: broker.credential.username, password: 'not-the-password' })
      .then(() => undefined, (error: Error & { code?: number }) => error)
    expect(refusal).toMatchObject({ code: 135, message: 'Connection refused: Not authorized' })
  })

  it('keeps the retained position across restart(), and a reconnecting follower gets it again', async () => {
    const talk = await speaker()
    await talk.publishAsync(topic('restart'), position(7, 2), { qos: 1, retain: true })
    const follower = await connect({ reconnectPeriod: 100 })
    const received = inbox(follower, topic('restart'))
    await follower.subscribeAsync(topic('restart'), { qos: 1 })
    await received.waitFor(1)

    await broker.restart()
    // MQTT.js subscribes again on reconnecting; the broker sends the retained position from its disk.
    const [, again] = await received.waitFor(2, 5000)
    expect(again).toEqual({
      position: expect.objectContaining({ page: 7, clicks: 2 }),
      retain: true,
    })

    const fresh = await connect()
    const freshInbox = inbox(fresh, topic('restart'))
    await fresh.subscribeAsync(topic('restart'), { qos: 1 })
    expect((await freshInbox.waitFor(1))[0]!.position).toMatchObject({ page: 7, clicks: 2 })
  })
})

describe('the addon\'s joinRoom against the local Mosquitto', () => {
  const rooms: Room[] = []
  afterAll(() => Promise.all(rooms.map(room => room.close())))

  /** Joins and resolves once live, or with the refusal; the room is closed after the tests. */
  async function join(options: Omit<RoomOptions, 'broker' | 'room'>, positions: Published[] = []) {
    return new Promise<{ room: Room, status: RoomStatus, detail?: string }>((resolve) => {
      const room: Room = joinRoom({
        broker: broker.url,
        room: 'join-room',
        ...options,
        onPosition: position => positions.push(position),
        onStatus(status, detail) {
          if (status !== 'connecting')
            resolve({ room, status, detail })
        },
      })
      rooms.push(room)
    })
  }
  it('the speaker\'s room publishes to the followers; a follower\'s publish is refused; a wrong login is refused', async () => {
    const speaker = await join({ credential: broker.credential })
    expect(speaker.status).toBe('live')
    const positions: Published[] = []
    const follower = await join({}, positions)
    expect(follower.status).toBe('live')

    await speaker.room.publish({ page: 4, clicks: 2 })
    await expect.poll(() => positions.at(-1)).toMatchObject({ page: 4, clicks: 2, from: speaker.room.id })
    await expect(follower.room.publish({ page: 9, clicks: 0 })).rejects.toMatchObject({ code: 135 })

    const intruder = await join({
      credential: { username: broker.credential.username, password: 'wrong' },
    })
    expect(intruder).toMatchObject({ status: 'refused', detail: 'Connection refused: Not authorized' })
    expect(positions.map(position => position.page)).not.toContain(9)
  })
})
