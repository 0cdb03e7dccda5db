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

/**
 * A Mosquitto broker of one's own, for rehearsing and testing the follow addon on one machine: one
 * WebSocket listener on 127.0.0.1 only, anonymous clients that may only read `slidev/#`, and one
 * speaker (username and password) that may also write there. Retained positions are kept on disk, so
 * they survive `restart()`. Nothing of the system's Mosquitto service is used: it starts its own
 * process with its own configuration in a temporary folder.
 */

export type { Credential }

export interface MosquittoOptions {
  /** The WebSocket port; a free one when not given. */
  port?: number
  /** The only address it listens on. */
  host?: '127.0.0.1'
  /** Where the broker keeps retained messages across restarts; a temporary folder (removed by `stop()`) when not given. */
  dataDir?: string
  /** The speaker's login; username `speaker` and a fresh random password when not given. */
  credential?: Credential
}

export interface LocalMosquitto {
  /** `ws://127.0.0.1:<port>`, for MQTT.js and the browser. */
  url: string
  port: number
  credential: Credential
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
export function mosquittoConfig({ port, host, dir, dataDir }: { port: number, host: string, dir: string, dataDir: string }): string {
  return [
    // Run as whoever starts it: as root, Mosquitto would otherwise switch to the `mosquitto` user,
    // who cannot read these files.
    `user ${userInfo().username}`,
    'per_listener_settings false',
    'allow_anonymous true',
    `password_file ${join(dir, 'passwd')}`,
    `acl_file ${join(dir, 'acl')}`,
    'persistence true',
    `persistence_location ${dataDir}/`,
    'persistence_file mosquitto.db',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    // Mosquitto 2.0 does not start with WebSocket listeners alone ("Unable to start any listening
    // sockets", mosquitto issue #2284): a plain MQTT listener on a Unix socket in this private folder
    // satisfies it without opening another port.
    `listener 0 ${join(dir, 'mqtt.sock')}`,
    `listener ${port} ${interfaceOf(host)}`,
    'protocol websockets',
    '',
  ].join('\n')
}

/** Anonymous clients (the lines before any `user`) read `slidev/#`; the speaker reads and writes it. */
export function mosquittoAcl(username: string): string {
  return [
    'topic read slidev/#',
    '',
    `user ${username}`,
    'topic readwrite slidev/#',
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
async function launch(binary: string, config: string, host: string, port: number, timeoutMs = 10_000): Promise<ChildProcess> {
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
async function end(child: ChildProcess): Promise<void> {
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
    username: 'speaker',
    password: randomBytes(18).toString('base64url'),
  }
  if (!/^[\w.-]+$/.test(credential.username))
    throw new Error(`The speaker's username may hold letters, digits, "_", "." and "-" only (a line of the ACL file), got "${credential.username}"`)
  const dir = mkdtempSync(join(tmpdir(), 'mosquitto-'))
  const dataDir = options.dataDir ?? dir
  try {
    writeFileSync(join(dir, 'acl'), mosquittoAcl(credential.username), { mode: 0o600 })
    await promisify(execFile)(passwd, [
      '-c',
      '-b',
      join(dir, 'passwd'),
      credential.username,
      credential.password,
    ])
    const config = join(dir, 'mosquitto.conf')
    let port = options.port ?? await freePort(host)
    let child: ChildProcess | undefined
    // A free port may be taken between looking and binding: try another one, unless the port was given.
    for (let attempt = 1; !child; attempt++) {
      writeFileSync(config, mosquittoConfig({ port, host, dir, dataDir }), { mode: 0o600 })
      try {
        child = await launch(mosquitto, config, host, port)
      }
      catch (error) {
        if (options.port !== undefined || attempt >= 3)
          throw error
        port = await freePort(host)
      }
    }
    let stopped = false
    return {
      url: `ws://${host}:${port}`,
      port,
      credential,
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
