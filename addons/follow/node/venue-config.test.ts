import type { IClientOptions, MqttClient } from 'mqtt'
import type { Buffer } from 'node:buffer'
// @vitest-environment node
import type { ChildProcess } from 'node:child_process'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import mqtt from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { end, freePort, interfaceOf, launch, mosquittoBinaries } from './mosquitto.ts'

// The README's configuration for a server, exactly as written there (`## A broker for a venue`): its
// mosquitto.conf and ACL blocks, with a certificate made here (openssl, self-signed: its own CA), a
// temporary folder and free ports in place of the server's paths and ports, the TLS listener on the
// loopback interface only. Then the probes a venue needs: who may write where, who reads what, TLS.

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The fenced block of the README whose first line is `first`. */
function block(first: string): string {
  const found = readme.split(/^```\w*\n/m).find(part => part.startsWith(`${first}\n`))
  if (!found)
    throw new Error(`README.md has no block that starts with "${first}"`)
  return found.slice(0, found.indexOf('```'))
}

/** `text` with each `[from, to]` replaced; a `from` the text lacks is an error (the README changed). */
function substitute(text: string, pairs: Array<[string | RegExp, string]>): string {
  for (const [from, to] of pairs) {
    const matches = typeof from === 'string'
      ? text.includes(from)
      : text.match(from) !== null
    if (!matches)
      throw new Error(`The README's configuration has no ${String(from)}: update this test with it`)
    text = text.replaceAll(from, to)
  }
  return text
}

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'venue-'))
const logins = {
  audience: {
    username: 'public_audience',
    password: randomBytes(9).toString('base64url'),
  },
  first: {
    username: 'first-talk',
    password: randomBytes(9).toString('base64url'),
  },
  second: {
    username: 'second-talk',
    password: randomBytes(9).toString('base64url'),
  },
  later: {
    username: 'later-talk',
    password: randomBytes(9).toString('base64url'),
  },
}
let broker: ChildProcess | undefined
let ca: Buffer
let wss: string
let plain: number
const clients: MqttClient[] = []

beforeAll(async () => {
  const { mosquitto, passwd } = mosquittoBinaries()
  // A certificate of its own, as a server has one: openssl (Debian's `openssl` package).
  await run('openssl', ['version']).catch((error: Error) => {
    throw new Error(`openssl is needed to make the test's certificate (apt-get install openssl): ${error.message}`)
  })
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(dir, 'privkey.pem'),
    '-out',
    join(dir, 'fullchain.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ])
  ca = readFileSync(join(dir, 'fullchain.pem'))
  const wssPort = await freePort()
  plain = await freePort()
  wss = `wss://127.0.0.1:${wssPort}`
  mkdirSync(join(dir, 'data'))
  const config = substitute(block('# /etc/mosquitto/mosquitto.conf'), [
    ['/etc/mosquitto/certs/', `${dir}/`],
    [
      '/etc/mosquitto/passwd',
      join(dir, 'passwd'),
    ],
    [
      '/etc/mosquitto/acl',
      join(dir, 'acl'),
    ],
    ['/var/lib/mosquitto/', `${dir}/data/`],
    [
      '/run/mosquitto/mosquitto.pid',
      join(dir, 'mosquitto.pid'),
    ],
    ['log_dest syslog', 'log_dest stderr'],
    ['listener 1883 127.0.0.1', `listener ${plain} 127.0.0.1`],
    // On the server, every interface; here, the loopback one only.
    [/^listener 8081$/gm, `listener ${wssPort} ${interfaceOf('127.0.0.1')}`],
  ])
  // As root, Mosquitto would switch to the `mosquitto` user, who cannot read this folder.
  writeFileSync(join(dir, 'mosquitto.conf'), `user ${userInfo().username}\n${config}`)
  writeFileSync(join(dir, 'acl'), block('# /etc/mosquitto/acl'))
  await run(passwd, [
    '-c',
    '-b',
    join(dir, 'passwd'),
    logins.audience.username,
    logins.audience.password,
  ])
  for (const login of [logins.first, logins.second]) {
    await run(passwd, [
      '-b',
      join(dir, 'passwd'),
      login.username,
      login.password,
    ])
  }
  broker = await launch(mosquitto, join(dir, 'mosquitto.conf'), '127.0.0.1', wssPort)
}, 20_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true)))
  if (broker)
    await end(broker)
  rmSync(dir, { recursive: true, force: true })
})

/** Connects and resolves once connected; rejects with the broker's or the TLS refusal. */
function connect(url: string, options: IClientOptions = {}): Promise<MqttClient> {
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
    client.once('close', () => reject(new Error('closed')))
  })
}

const overTls = (login: { username: string, password: string } | Record<string, never> = {}) => connect(wss, { ca, ...login })
function position(page: number) {
  return JSON.stringify({
    page,
    clicks: 0,
    at: Date.now(),
    from: 'probe',
  })
}
const room = (name: string) => `slidev/${name}/position`
const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: Error & { code?: unknown }) => error.code ?? error.message)

describe('the README\'s Mosquitto configuration, on this machine', () => {
  it('a follower over wss, trusting the certificate, receives the speaker\'s slide; the speaker writes its own room', async () => {
    const speaker = await overTls(logins.first)
    const follower = await overTls()
    const slides: number[] = []
    follower.on('message', (_topic, payload) => slides.push(JSON.parse(payload.toString()).page))
    await follower.subscribeAsync(room('first-talk'), { qos: 1 })
    expect(await refusal(speaker.publishAsync(room('first-talk'), position(4), { qos: 1, retain: true }))).toBe('accepted')
    await expect.poll(() => slides).toEqual([4])
  })

  it('a second talk\'s login is refused on the first talk\'s room; readers may write nowhere', async () => {
    const second = await overTls(logins.second)
    const anonymous = await overTls()
    const audience = await overTls(logins.audience)
    expect(await refusal(second.publishAsync(room('first-talk'), position(66), { qos: 1, retain: true }))).toBe(135)
    expect(await refusal(second.publishAsync(room('second-talk'), position(1), { qos: 1, retain: true }))).toBe('accepted')
    expect(await refusal(anonymous.publishAsync(room('first-talk'), position(77), { qos: 1 }))).toBe(135)
    expect(await refusal(audience.publishAsync(room('first-talk'), position(88), { qos: 1 }))).toBe(135)
    // The first talk's room still holds the first talk's slide.
    const late = await overTls(logins.audience)
    const slides: number[] = []
    late.on('message', (_topic, payload) => slides.push(JSON.parse(payload.toString()).page))
    await late.subscribeAsync(room('first-talk'), { qos: 1 })
    await expect.poll(() => slides).toEqual([4])
  })

  it('a message larger than message_size_limit reaches no follower', async () => {
    const speaker = await overTls(logins.first)
    const follower = await overTls()
    const slides: number[] = []
    follower.on('message', (_topic, payload) => slides.push(JSON.parse(payload.toString()).page))
    await follower.subscribeAsync(room('first-talk'), { qos: 1 })
    await expect.poll(() => slides).toEqual([4])
    const large = JSON.stringify({
      page: 5,
      clicks: 0,
      at: Date.now(),
      from: 'x'.repeat(5000),
    })
    // Mosquitto 2.0.11 drops it (its log: "Dropped too large PUBLISH", PUBACK 149). MQTT.js 5.16
    // called back neither that publish nor the next one on that connection when tried here: the next
    // slide goes on a connection of its own.
    speaker.publish(room('first-talk'), large, { qos: 1, retain: true })
    const next = await overTls(logins.first)
    await next.publishAsync(room('first-talk'), position(6), { qos: 1, retain: true })
    await expect.poll(() => slides).toEqual([4, 6])
  })

  it('the phones\' port speaks TLS only, with a certificate the phone must trust', async () => {
    await expect(connect(wss)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    await expect(connect(wss.replace('wss:', 'ws:'))).rejects.toBeTruthy()
  })

  it('the plain listener answers on 127.0.0.1 only', async () => {
    const local = await connect(`mqtt://127.0.0.1:${plain}`)
    expect(local.connected).toBe(true)
    const answers = (host: string) => new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port: plain })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    expect(await answers('127.0.0.2')).toBe(false)
  })

  it('a talk\'s login added with mosquitto_passwd and a reload connects, and nobody connected is dropped', async () => {
    const follower = await overTls()
    await expect(overTls(logins.later)).rejects.toMatchObject({ code: 135 })
    const { passwd } = mosquittoBinaries()
    await run(passwd, [
      '-b',
      join(dir, 'passwd'),
      logins.later.username,
      logins.later.password,
    ])
    // What `systemctl reload mosquitto` does.
    broker!.kill('SIGHUP')
    await expect.poll(() => refusal(overTls(logins.later)), { timeout: 3000 }).toBe('accepted')
    expect(follower.connected).toBe(true)
  })
})
