// @vitest-environment node
import type { AddressInfo, Server, Socket } from 'node:net'
import type { Room, RoomStatus } from './room.ts'
import { Buffer } from 'node:buffer'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { joinRoom } from './room.ts'

// joinRoom against a broker that only refuses: a TCP server that answers every MQTT CONNECT with a
// CONNACK carrying one reason code (MQTT 5: type 2, length 3, no session, the code, no properties).
// A real broker's refusals (Mosquitto's 135) are tried in node/mosquitto.test.ts.

const servers: Server[] = []
const rooms: Room[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(rooms.splice(0).map(room => room.close()))
  await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))))
})

/** A broker that answers each connection with `answers(n)`'s reason code, n counting from 0; the times it was asked. */
async function refusingBroker(answer: (attempt: number) => number) {
  const attempts: number[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.once('data', () => {
      attempts.push(Date.now())
      socket.end(Buffer.from([
        0x20,
        0x03,
        0x00,
        answer(attempts.length - 1),
        0x00,
      ]))
    })
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('close', () => sockets.forEach(socket => socket.destroy()))
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, attempts }
}

/**
 * A broker that lets the device in (CONNACK 0), then answers as `after` says: a SUBACK refusing the
 * subscription with 135, or a DISCONNECT with 137 (busy). Counts the connections.
 */
async function acceptingBroker(after: 'refuse the subscription' | 'disconnect busy') {
  const attempts: number[] = []
  const server = createServer((socket) => {
    socket.on('data', (data) => {
      // One packet per read is enough here: the client sends CONNECT, waits, then SUBSCRIBE.
      if (data[0] === 0x10) {
        attempts.push(Date.now())
        socket.write(Buffer.from([0x20, 0x03, 0x00, 0x00, 0x00]))
        if (after === 'disconnect busy')
          socket.end(Buffer.from([0xE0, 0x02, 0x89, 0x00]))
      }
      else if (data[0] === 0x82 && after === 'refuse the subscription') {
        // The packet id follows the remaining length (one byte for a packet this small).
        socket.write(Buffer.from([
          0x90,
          0x04,
          data[2]!,
          data[3]!,
          0x00,
          0x87,
        ]))
      }
    })
    socket.on('error', () => {})
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, attempts }
}

function follow(broker: string, backoff = { baseMs: 100, capMs: 800, floorMs: 10 }) {
  const statuses: Array<{ status: RoomStatus, detail?: string, code?: number }> = []
  rooms.push(joinRoom({
    broker,
    room: 'talk',
    backoff,
    onStatus: (status, detail, code) => statuses.push({ status, detail, code }),
  }))
  return statuses
}

describe('a phone that the broker refuses', () => {
  it('a full broker (151 quota exceeded) is said in words, and asked again after waits that double: 100, 200, 400, 800 ms', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    const broker = await refusingBroker(() => 151)
    const statuses = follow(broker.url)
    await expect.poll(() => broker.attempts.length, { timeout: 4000 }).toBeGreaterThanOrEqual(5)
    expect(statuses[0]).toEqual({ status: 'connecting', detail: undefined, code: undefined })
    expect(statuses[1]).toEqual({ status: 'refused', detail: 'the broker is full (quota exceeded, code 151)', code: 151 })
    const gaps = broker.attempts.slice(1, 5).map((at, i) => at - broker.attempts[i]!)
    gaps.forEach((gap, i) => {
      expect(gap, gaps.join(', ')).toBeGreaterThanOrEqual([100, 200, 400, 800][i]! - 5)
      expect(gap, gaps.join(', ')).toBeLessThan([100, 200, 400, 800][i]! + 200)
    })
  })

  it('a busy broker, then one that takes too many at once, each said as the broker gave it; the words follow the latest answer', async () => {
    const broker = await refusingBroker(attempt => attempt === 0
      ? 137
      : 159)
    const statuses = follow(broker.url)
    await expect.poll(() => statuses.filter(s => s.status === 'refused').length).toBeGreaterThanOrEqual(2)
    expect(statuses.filter(s => s.status === 'refused').slice(0, 2).map(s => s.detail)).toEqual([
      'the broker is busy (code 137)',
      'too many connections at once (connection rate exceeded, code 159)',
    ])
  })

  it('no broker at all: connecting, with no refusal, and never a tight loop even when the dice say 0', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const broker = await refusingBroker(() => 151)
    const url = broker.url
    await new Promise(resolve => servers.pop()!.close(resolve))
    const statuses = follow(url, { baseMs: 100, capMs: 800, floorMs: 50 })
    await new Promise(resolve => setTimeout(resolve, 520))
    // At most one attempt per 50 ms floor: 11 in 520 ms, counting the first.
    expect(statuses.length).toBeGreaterThan(3)
    expect(statuses.length).toBeLessThanOrEqual(12)
    expect(statuses.every(s => s.status === 'connecting' && s.code === undefined)).toBe(true)
  })

  it('a broker that lets the device in but refuses it the room (SUBACK 135) is said so, and asked again later', async () => {
    const broker = await acceptingBroker('refuse the subscription')
    const statuses = follow(broker.url)
    await expect.poll(() => broker.attempts.length).toBeGreaterThanOrEqual(2)
    expect(statuses.find(s => s.status === 'refused')).toEqual({ status: 'refused', detail: 'not allowed in (not authorised, code 135)', code: 135 })
    expect(statuses.map(s => s.status)).not.toContain('live')
  })

  it('a broker that drops the device as busy (DISCONNECT 137) is said so, and asked again later', async () => {
    const broker = await acceptingBroker('disconnect busy')
    const statuses = follow(broker.url)
    await expect.poll(() => broker.attempts.length).toBeGreaterThanOrEqual(2)
    expect(statuses.find(s => s.status === 'refused')).toEqual({ status: 'refused', detail: 'the broker is busy (code 137)', code: 137 })
  })
})
