// @vitest-environment node
import type { IClientOptions, MqttClient } from 'mqtt'
import type { Published } from '../protocol'
import type { Room, RoomOptions, RoomStatus } from '../room'
import type { LocalMosquitto } from './mosquitto.ts'
import { randomBytes } from 'node:crypto'
import { createConnection } from 'node:net'
import mqtt from 'mqtt'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { joinRoom } from '../room'
import { mosquittoBinaries, startMosquitto } from './mosquitto.ts'

// The real broker, as the talk runs it: Debian's Mosquitto (scripts/setup.sh installs it), MQTT.js over
// WebSocket, MQTT v5. Without Mosquitto these tests fail, saying what to install: they do not skip.

let broker: LocalMosquitto
/** A venue's broker, as managed ones are set up: no anonymous clients, a read-only audience login, a cap on connections. */
let venue: LocalMosquitto
const clients: MqttClient[] = []
const audience = { username: 'public_audience', password: 'the-audience-reads' }
const monitor = {
  username: 'ops_monitor',
  password: randomBytes(12).toString('base64url'),
}

/** Why the broker did not start (Mosquitto not installed?): every test fails with it, none is skipped. */
let failure: unknown

beforeAll(async () => {
  try {
    mosquittoBinaries()
    broker = await startMosquitto({
      room: 'talk',
      audience,
      monitor,
      sysIntervalS: 1,
    })
    venue = await startMosquitto({
      room: 'venue-talk',
      audience,
      anonymous: false,
      maxConnections: 3,
    })
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
  await Promise.all([
    broker?.stop(),
    venue?.stop(),
  ])
})

const topic = (room: string) => `slidev/${room}/position`

function connect(options: IClientOptions = {}, url = broker.url): Promise<MqttClient> {
  const client = mqtt.connect(url, {
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

/** Each test's own talk: its login (named as its room) added to the running broker, as on a server. */
async function talk(room: string): Promise<MqttClient> {
  const login = {
    username: room,
    password: randomBytes(12).toString('base64url'),
  }
  await broker.addSpeaker(login)
  return connect(login)
}

/** Whether `topic` is one that the subscription `filter` (with `+` and `#`) takes. */
function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/')
  const t = topic.split('/')
  if (filter.startsWith('#') && topic.startsWith('$'))
    return false
  return f.every((level, i) => level === '#' || (i < t.length && (level === '+' || level === t[i]))) && (f.at(-1) === '#' || f.length === t.length)
}

/** The messages `client` receives on `topic` (a filter), parsed, with their retain flag. */
function inbox(client: MqttClient, name: string) {
  const messages: Array<{ topic: string, position: { page: number, clicks: number }, retain: boolean }> = []
  const waiting: Array<() => void> = []
  client.on('message', (received, payload, packet) => {
    if (!topicMatches(name, received))
      return
    let position
    try {
      position = JSON.parse(payload.toString())
    }
    catch {
      position = payload.toString()
    }
    messages.push({ topic: received, position, retain: packet.retain })
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
    const speaker = await talk('live')
    await speaker.publishAsync(topic('live'), position(3, 1), { qos: 1, retain: true })
    expect((await early.waitFor(1))[0]).toEqual({
      topic: topic('live'),
      position: expect.objectContaining({ page: 3, clicks: 1 }),
      retain: false,
    })

    const late = await connect()
    const joined = inbox(late, topic('live'))
    await late.subscribeAsync(topic('live'), { qos: 1 })
    expect((await joined.waitFor(1))[0]).toEqual({
      topic: topic('live'),
      position: expect.objectContaining({ page: 3, clicks: 1 }),
      retain: true,
    })
  })

  it('refuses an anonymous publish with PUBACK 135 "Not authorized", and no follower receives it', async () => {
    const speaker = await talk('guarded')
    await speaker.publishAsync(topic('guarded'), position(5), { qos: 1, retain: true })
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
    await speaker.publishAsync(topic('guarded'), position(6), { qos: 1, retain: true })
    await received.waitFor(2)
    expect(received.messages.map(m => m.position.page)).toEqual([5, 6])
  })

  it('refuses a wrong password at connect', async () => {
    const refusal = await connect({ username: broker.credential.username, password: 'not-the-password' })
      .then(() => undefined, (error: Error & { code?: number }) => error)
    expect(refusal).toMatchObject({ code: 135, message: 'Connection refused: Not authorized' })
  })

  it('keeps the retained position across restart(), and a reconnecting follower gets it again', async () => {
    const speaker = await talk('restart')
    await speaker.publishAsync(topic('restart'), position(7, 2), { qos: 1, retain: true })
    const follower = await connect({ reconnectPeriod: 100 })
    const received = inbox(follower, topic('restart'))
    await follower.subscribeAsync(topic('restart'), { qos: 1 })
    await received.waitFor(1)

    await broker.restart()
    // MQTT.js subscribes again on reconnecting; the broker sends the retained position from its disk.
    const [, again] = await received.waitFor(2, 5000)
    expect(again).toEqual({
      topic: topic('restart'),
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
    return new Promise<{ room: Room, status: RoomStatus, detail?: string, code?: number }>((resolve) => {
      const room: Room = joinRoom({
        broker: broker.url,
        room: 'talk',
        ...options,
        onPosition: position => positions.push(position),
        onStatus(status, detail, code) {
          if (status !== 'connecting')
            resolve({ room, status, detail, code })
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
    expect(intruder).toMatchObject({ status: 'refused', detail: 'not allowed in (not authorised, code 135)', code: 135 })
    expect(positions.map(position => position.page)).not.toContain(9)
  })

  it('a phone comes back within 10 s after the broker restarts, on the slide the speaker moved to meanwhile', async () => {
    const speaker = await join({ credential: broker.credential })
    const positions: Published[] = []
    const statuses: RoomStatus[] = []
    rooms.push(joinRoom({
      broker: broker.url,
      room: 'talk',
      onPosition: position => positions.push(position),
      onStatus: status => statuses.push(status),
    }))
    await expect.poll(() => statuses.at(-1)).toBe('live')
    await speaker.room.publish({ page: 2, clicks: 0 })
    await expect.poll(() => positions.at(-1)?.page).toBe(2)

    const restarted = Date.now()
    await broker.restart()
    // Published while the speaker's own client is still away: sent once it is back.
    void speaker.room.publish({ page: 3, clicks: 1 })
    await expect.poll(() => positions.at(-1), { timeout: 10_000 }).toMatchObject({ page: 3, clicks: 1 })
    expect(Date.now() - restarted).toBeLessThan(10_000)
    expect(statuses).toContain('connecting')
  }, 20_000)
})

describe('one room per talk, enforced by the broker', () => {
  it('a second talk\'s login is refused on the first talk\'s room (PUBACK 135), and the followers see only the first talk', async () => {
    const first = await talk('first-talk')
    const second = await talk('second-talk')
    await first.publishAsync(topic('first-talk'), position(2), { qos: 1, retain: true })
    const follower = await connect()
    const received = inbox(follower, topic('first-talk'))
    await follower.subscribeAsync(topic('first-talk'), { qos: 1 })
    await received.waitFor(1)

    const hijack = await second.publishAsync(topic('first-talk'), position(66), { qos: 1, retain: true })
      .then(() => undefined, (error: Error & { code?: number }) => error)
    expect(hijack).toMatchObject({ code: 135, message: 'Publish error: Not authorized' })
    // Its own room is its to write, and outside slidev/ it writes nothing.
    await second.publishAsync(topic('second-talk'), position(1), { qos: 1, retain: true })
    await expect(second.publishAsync('elsewhere/position', 'x', { qos: 1 })).rejects.toMatchObject({ code: 135 })

    await first.publishAsync(topic('first-talk'), position(3), { qos: 1, retain: true })
    await received.waitFor(2)
    expect(received.messages.map(m => m.position.page)).toEqual([2, 3])
  })

  it('a talk\'s login added with mosquitto_passwd and SIGHUP connects at once, and the followers already there stay connected', async () => {
    const follower = await connect()
    const login = {
      username: 'added-later',
      password: randomBytes(12).toString('base64url'),
    }
    await expect(connect(login)).rejects.toMatchObject({ code: 135 })
    const received = inbox(follower, topic('added-later'))
    await follower.subscribeAsync(topic('added-later'), { qos: 1 })

    await broker.addSpeaker(login)
    const added = await connect(login)
    await added.publishAsync(topic('added-later'), position(4), { qos: 1, retain: true })
    expect((await received.waitFor(1))[0]!.position.page).toBe(4)
    expect(follower.connected).toBe(true)
  })

  it('anonymous and audience clients read slidev/ only: # brings the rooms and nothing else, $SYS/# brings nothing', async () => {
    // The control: the broker does report on $SYS/# (every second here), to a login allowed to read it.
    const watcher = await connect(monitor)
    const reports = inbox(watcher, '$SYS/#')
    await watcher.subscribeAsync('$SYS/#', { qos: 0 })
    await reports.waitFor(1, 3000)

    const speaker = await talk('sys-check')
    for (const login of [{}, audience]) {
      const reader = await connect(login)
      const everything = inbox(reader, '#')
      const system = inbox(reader, '$SYS/#')
      await reader.subscribeAsync(['#', '$SYS/#'], { qos: 1 })
      await speaker.publishAsync(topic('sys-check'), position(8), { qos: 1, retain: true })
      await everything.waitFor(1)
      // Two of the broker's one-second reports go by.
      await new Promise(resolve => setTimeout(resolve, 2200))
      expect(reports.messages.length).toBeGreaterThan(1)
      expect(system.messages).toEqual([])
      expect(new Set(everything.messages.map(m => m.topic.split('/')[0]))).toEqual(new Set(['slidev']))
      // Nor may it write anywhere.
      await expect(reader.publishAsync(topic('sys-check'), position(99), { qos: 1 })).rejects.toMatchObject({ code: 135 })
    }
  }, 15_000)
})

describe('a venue\'s broker: no anonymous clients, a read-only audience login, a cap on connections', () => {
  const rooms: Room[] = []
  afterEach(async () => {
    vi.restoreAllMocks()
    await Promise.all(rooms.splice(0).map(room => room.close()))
  })

  /** A phone's room on the venue's broker; its statuses, with when each came. */
  function phone(options: Partial<RoomOptions> = {}) {
    const statuses: Array<{ status: RoomStatus, detail?: string, code?: number, at: number }> = []
    const positions: Published[] = []
    const room = joinRoom({
      broker: venue.url,
      room: 'venue-talk',
      onPosition: position => positions.push(position),
      onStatus: (status, detail, code) => statuses.push({
        status,
        detail,
        code,
        at: Date.now(),
      }),
      ...options,
    })
    rooms.push(room)
    return { room, statuses, positions }
  }

  it('a phone with the audience\'s login follows the speaker, and cannot publish', async () => {
    const speaker = phone({ credential: venue.credential })
    const reader = phone({ audience })
    await expect.poll(() => [speaker.statuses.at(-1)?.status, reader.statuses.at(-1)?.status]).toEqual(['live', 'live'])
    await speaker.room.publish({ page: 6, clicks: 1 })
    await expect.poll(() => reader.positions.at(-1)).toMatchObject({ page: 6, clicks: 1 })
    await expect(reader.room.publish({ page: 1, clicks: 0 })).rejects.toMatchObject({ code: 135 })
  })

  it('a phone without a login is refused in words, and asks again after a wait that doubles each time', async () => {
    // The dice at their top: each wait is its whole window (100, 200, 400, 800 ms here).
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    const anonymous = phone({
      backoff: { baseMs: 100, capMs: 800, floorMs: 10 },
    })
    await expect.poll(() => anonymous.statuses.filter(s => s.status === 'refused').length, { timeout: 4000 }).toBeGreaterThanOrEqual(5)
    const refusals = anonymous.statuses.filter(s => s.status === 'refused')
    expect(refusals[0]).toMatchObject({ detail: 'not allowed in (not authorised, code 135)', code: 135 })
    const gaps = refusals.slice(1, 5).map((s, i) => s.at - refusals[i]!.at)
    // Each gap is the wait plus the broker's answer. Mosquitto 2.0 serves WebSocket clients on its
    // 100 ms tick, and a refused phone waits on it for the upgrade, its CONNECT's answer and the close:
    // up to about 300 ms more (a run measured 303, 503, 503 and 904 ms for these four waits).
    gaps.forEach((gap, i) => expect(gap, `gap ${i}: ${gaps.join(', ')}`).toBeGreaterThanOrEqual([100, 200, 400, 800][i]! - 5))
    gaps.forEach((gap, i) => expect(gap, `gap ${i}: ${gaps.join(', ')}`).toBeLessThan([100, 200, 400, 800][i]! + 450))
    // Refused throughout: the bar never says "connecting" between two refusals.
    expect(anonymous.statuses.slice(1).every(s => s.status === 'refused')).toBe(true)
  })

  it('over the connection cap a phone is turned away, and gets in when a place is free', async () => {
    const backoff = { baseMs: 100, capMs: 400, floorMs: 10 }
    const tcp = (login: Partial<RoomOptions>) => phone({
      broker: venue.tcpUrl!,
      audience,
      backoff,
      ...login,
    })
    const inside = [
      tcp({}),
      tcp({}),
      tcp({}),
    ]
    await expect.poll(() => inside.map(p => p.statuses.at(-1)?.status)).toEqual(['live', 'live', 'live'])
    const fourth = tcp({})
    // Mosquitto closes the socket over the cap without a word: the phone says it is connecting again.
    await expect.poll(() => fourth.statuses.filter(s => s.status === 'connecting').length).toBeGreaterThan(2)
    expect(fourth.statuses.map(s => s.status)).not.toContain('live')
    await inside[0]!.room.close()
    await expect.poll(() => fourth.statuses.at(-1)?.status, { timeout: 3000 }).toBe('live')
  })
})
