import type { ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { Credential } from '../protocol.ts'
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { networkInterfaces, tmpdir, userInfo } from 'node:os'
import { delimiter, join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { roomPattern } from '../protocol.ts'

/**
 * A Mosquitto broker of one's own, for rehearsing and testing the follow addon on one machine: one
 * WebSocket listener on 127.0.0.1 only, and the ACL of a real venue (`mosquittoAcl`): each talk's
 * login may write its own room only (`slidev/<login>/…`), anonymous clients and the audience's
 * login may only read `slidev/#`. Retained positions are kept on disk, so they survive `restart()`.
 * Nothing of the system's Mosquitto service is used: it starts its own process with its own
 * configuration in a temporary folder.
 */

export type { Credential }

export interface MosquittoOptions {
  /** The WebSocket port; a free one when not given. */
  port?: number
  /** The only address it listens on. */
  host?: '127.0.0.1'
  /** Where the broker keeps retained messages across restarts; a temporary folder (removed by `stop()`) when not given. */
  dataDir?: string
  /**
   * The speaker's login; its user name is the room it may write to. User name `room` and a fresh
   * random password when not given.
   */
  credential?: Credential
  /** The talk's room: the speaker's user name when `credential` is not given; `speaker` when neither is. */
  room?: string
  /** A read-only login for the audience (`follow.audience`), as a broker without anonymous clients needs. */
  audience?: Credential
  /** Whether clients without a login may connect (and read `slidev/#`); true when not given. */
  anonymous?: boolean
  /**
   * A plain MQTT listener on 127.0.0.1 too (`tcpUrl`), with at most this many connections. Mosquitto
   * 2.0 enforces `max_connections` on plain listeners only: on a WebSocket listener it is ignored
   * (mosquitto issue #3455), so a cap for the phones is a proxy's or the operating system's.
   */
  maxConnections?: number
  /** Seconds between the broker's `$SYS/#` reports; Mosquitto's default (10) when not given. */
  sysIntervalS?: number
  /** A login that reads the broker's own reports (`$SYS/#`) and nothing else, for a monitor. */
  monitor?: Credential
}

export interface LocalMosquitto {
  /** `ws://127.0.0.1:<port>`, for MQTT.js and the browser. */
  url: string
  port: number
  /** `mqtt://127.0.0.1:<port>` when `maxConnections` was given: the plain listener with the cap. */
  tcpUrl?: string
  credential: Credential
  audience?: Credential
  /**
   * Adds a talk's login without a restart, as on a server: `mosquitto_passwd`, then SIGHUP, on
   * which Mosquitto reads its password and ACL files again.
   */
  addSpeaker: (credential: Credential) => Promise<void>
  /** Stops the broker and starts it again on the same port, with its retained messages. */
  restart: () => Promise<void>
  /** Stops the broker and removes its temporary files. Safe to call twice. */
  stop: () => Promise<void>
}

/** Where Debian (`/usr/sbin/mosquitto`), Homebrew and others install the binaries, besides `PATH`. */
const extraDirs = [
  '/usr/sbin',
  '/usr/local/sbin',
  '/opt/homebrew/sbin',
  '/usr/local/opt/mosquitto/sbin',
]

/** The executable `name` on `PATH` or in the usual sbin folders, which are often not on a user's `PATH`. */
export function findBinary(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of [
    ...path.split(delimiter).filter(Boolean),
    ...extraDirs,
  ]) {
    const file = join(dir, name)
    try {
      accessSync(file, constants.X_OK)
      return file
    }
    catch {}
  }
  return undefined
}

/** `mosquitto` and `mosquitto_passwd`, or an error naming what is missing and how to install it. */
export function mosquittoBinaries(): { mosquitto: string, passwd: string } {
  const mosquitto = findBinary('mosquitto')
  const passwd = findBinary('mosquitto_passwd')
  if (mosquitto && passwd)
    return { mosquitto, passwd }
  const missing = [
    mosquitto ? undefined : 'mosquitto',
    passwd ? undefined : 'mosquitto_passwd',
  ].filter(Boolean).join(' and ')
  throw new Error(`${missing} not found (looked on PATH and in ${extraDirs.join(', ')}). `
    + `Install the Mosquitto broker: scripts/setup.sh does it on Debian (apt-get install mosquitto); `
    + `elsewhere, your system's mosquitto package (brew install mosquitto).`)
}

/**
 * The name of the network interface that holds `address` (`lo` on Linux, `lo0` on a Mac).
 *
 * Mosquitto 2.0 hands its WebSocket listeners to libwebsockets, which binds to an interface, not an
 * address: Debian's 2.0.11 takes `listener 9001 127.0.0.1` and listens on every address of the
 * machine (`*:9001`, mosquitto issue #3045), but `listener 9001 lo` listens on 127.0.0.1 only.
 */
export function interfaceOf(address: string): string {
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    if (addresses?.some(a => a.address === address))
      return name
  }
  throw new Error(`No network interface of this machine has the address ${address}`)
}

/**
 * The broker's configuration: the WebSocket listener on the interface of `host` only, the password and
 * ACL files, retained messages kept in `dataDir`.
 */
export function mosquittoConfig({ port, host, dir, dataDir, anonymous = true, tcpPort, maxConnections, sysIntervalS }: {
  port: number
  host: string
  dir: string
  dataDir: string
  anonymous?: boolean
  tcpPort?: number
  maxConnections?: number
  sysIntervalS?: number
}): string {
  return [
    // Run as whoever starts it: as root, Mosquitto would otherwise switch to the `mosquitto` user,
    // who cannot read these files.
    `user ${userInfo().username}`,
    'per_listener_settings false',
    `allow_anonymous ${anonymous}`,
    `password_file ${join(dir, 'passwd')}`,
    `acl_file ${join(dir, 'acl')}`,
    'persistence true',
    `persistence_location ${dataDir}/`,
    'persistence_file mosquitto.db',
    'message_size_limit 4096',
    ...(sysIntervalS === undefined
      ? []
      : [`sys_interval ${sysIntervalS}`]),
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    // Mosquitto 2.0 does not start with WebSocket listeners alone ("Unable to start any listening
    // sockets", mosquitto issue #2284): a plain MQTT listener on a Unix socket in this private folder
    // satisfies it without opening another port.
    `listener 0 ${join(dir, 'mqtt.sock')}`,
    ...(tcpPort === undefined
      ? []
      : [
          `listener ${tcpPort} ${host}`,
          `max_connections ${maxConnections ?? -1}`,
        ]),
    `listener ${port} ${interfaceOf(host)}`,
    'protocol websockets',
    '',
  ].join('\n')
}

/**
 * One room per talk, enforced by the broker. Anonymous clients (the lines before any `user`) and the
 * audience's login read `slidev/#`, and nothing else: not `#`, not `$SYS/#`. Every other login is
 * one talk's: it reads and writes `slidev/<its user name>/…`, its own room, and no other room. So a
 * talk's login is named as its room (`follow.room`), and a new talk needs a new password line only
 * (`mosquitto_passwd`, then SIGHUP), not a new ACL.
 *
 * The pattern gives the audience's login a room of its own name too: name it so no deck's room can
 * be named so (a `_`, which `follow.room` does not take, as in `public_audience`).
 */
export function mosquittoAcl({ audience, monitor }: { audience?: string, monitor?: string } = {}): string {
  return [
    '# Anonymous clients: read every room, nothing else.',
    'topic read slidev/#',
    '',
    ...(audience
      ? [
          '# The audience\'s login (public, in the built site): the same.',
          `user ${audience}`,
          'topic read slidev/#',
          '',
        ]
      : []),
    ...(monitor
      ? [
          '# A monitor: the broker\'s own reports, nothing else.',
          `user ${monitor}`,
          'topic read $SYS/#',
          '',
        ]
      : []),
    '# Every other login is one talk\'s: its own room, slidev/<login>/..., read and write.',
    'pattern readwrite slidev/%u/#',
    '',
  ].join('\n')
}

/** A port that was free a moment ago on `host`. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Whether something accepts TCP connections on `host:port`. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Processes that `stop()` has not ended yet: killed when Node exits, so no broker outlives a crashed test. */
const running = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of running)
    child.kill('SIGKILL')
})

/** Starts `mosquitto -c config` and resolves once `host:port` accepts connections; rejects with its output if it exits first. */
export async function launch(binary: string, config: string, host: string, port: number, timeoutMs = 10_000): Promise<ChildProcess> {
  const child = spawn(binary, ['-c', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  running.add(child)
  let output = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    output = (output + chunk).slice(-4000)
  })
  /** Why the process is gone, once it is. */
  const gone: { why?: string } = {}
  child.once('exit', (code, signal) => {
    running.delete(child)
    gone.why = `exit ${code ?? signal}`
  })
  child.once('error', (error) => {
    running.delete(child)
    gone.why = error.message
  })
  const deadline = Date.now() + timeoutMs
  while (gone.why === undefined && Date.now() < deadline) {
    if (await accepts(host, port))
      return child
    await sleep(25)
  }
  const why = gone.why ?? `nothing listened on ${host}:${port} within ${timeoutMs} ms`
  await end(child)
  throw new Error(`mosquitto did not start (${why}):\n${output.trim()}`)
}

/** Ends the process (SIGTERM: Mosquitto writes its retained messages to disk), SIGKILL after 5 s. */
export async function end(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
    return
  const exited = new Promise(resolve => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/**
 * Starts a Mosquitto broker on `ws://127.0.0.1:<port>` (see the module comment) and resolves once it
 * accepts connections. Throws, naming the binary, when Mosquitto is not installed.
 */
export async function startMosquitto(options: MosquittoOptions = {}): Promise<LocalMosquitto> {
  const { mosquitto, passwd } = mosquittoBinaries()
  const host = options.host ?? '127.0.0.1'
  const credential = options.credential ?? {
    username: options.room ?? 'speaker',
    password: randomBytes(18).toString('base64url'),
  }
  if (!roomPattern.test(credential.username))
    throw new Error(`The speaker's username is the talk's room, so it takes lower-case letters, digits and "-" only (follow.room), got "${credential.username}"`)
  if (options.room !== undefined && options.room !== credential.username)
    throw new Error(`The speaker's username "${credential.username}" must be the room "${options.room}": the broker lets a login write its own room only`)
  for (const [who, login] of [
    ['audience', options.audience],
    ['monitor', options.monitor],
  ] as const) {
    if (login && (!/^[\w.-]+$/.test(login.username) || roomPattern.test(login.username)))
      throw new Error(`The ${who}'s username must not be a room's name (give it a "_", e.g. public_${who}) and may hold letters, digits, "_", "." and "-" only, got "${login.username}"`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'mosquitto-'))
  const dataDir = options.dataDir ?? dir
  const passwordFile = join(dir, 'passwd')
  try {
    writeFileSync(join(dir, 'acl'), mosquittoAcl({ audience: options.audience?.username, monitor: options.monitor?.username }), { mode: 0o600 })
    const addLogin = (login: Credential, create = false) => promisify(execFile)(passwd, [
      ...(create
        ? ['-c']
        : []),
      '-b',
      passwordFile,
      login.username,
      login.password,
    ])
    await addLogin(credential, true)
    for (const login of [options.audience, options.monitor]) {
      if (login)
        await addLogin(login)
    }
    const config = join(dir, 'mosquitto.conf')
    let port = options.port ?? await freePort(host)
    let tcpPort = options.maxConnections === undefined
      ? undefined
      : await freePort(host)
    const write = () => writeFileSync(config, mosquittoConfig({
      port,
      host,
      dir,
      dataDir,
      anonymous: options.anonymous,
      tcpPort,
      maxConnections: options.maxConnections,
      sysIntervalS: options.sysIntervalS,
    }), { mode: 0o600 })
    let child: ChildProcess | undefined
    // A free port may be taken between looking and binding: try another one, unless the port was given.
    for (let attempt = 1; !child; attempt++) {
      write()
      try {
        child = await launch(mosquitto, config, host, port)
      }
      catch (error) {
        if (options.port !== undefined || attempt >= 3)
          throw error
        port = await freePort(host)
        if (tcpPort !== undefined)
          tcpPort = await freePort(host)
      }
    }
    let stopped = false
    return {
      url: `ws://${host}:${port}`,
      port,
      ...(tcpPort === undefined
        ? {}
        : { tcpUrl: `mqtt://${host}:${tcpPort}` }),
      credential,
      ...(options.audience
        ? { audience: options.audience }
        : {}),
      async addSpeaker(login) {
        if (!roomPattern.test(login.username))
          throw new Error(`A talk's username is its room: lower-case letters, digits and "-" only, got "${login.username}"`)
        await addLogin(login)
        child!.kill('SIGHUP')
        // Mosquitto reads the files again on its next loop: a moment, not a restart.
        await sleep(200)
      },
      async restart() {
        if (stopped)
          throw new Error('restart() after stop()')
        await end(child!)
        child = await launch(mosquitto, config, host, port)
      },
      async stop() {
        if (stopped)
          return
        stopped = true
        await end(child!)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
