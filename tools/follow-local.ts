import type { ChildProcess } from 'node:child_process'
import type { Credential } from '../addons/follow/node/mosquitto.ts'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { parseSync } from '@slidev/parser'
import { startMosquitto } from '../addons/follow/node/mosquitto.ts'
import { brokerVariable, followOptions } from '../addons/follow/options.ts'
import { speakerFragment } from '../addons/follow/protocol.ts'
import { portInUse, root } from './slidev.ts'

/**
 * A rehearsal of following on one machine (`npm run follow:local`): a local Mosquitto with a fresh
 * speaker login named as the deck's room (addons/follow/node/mosquitto.ts), and `slidev` (the dev server, as `npm run dev`)
 * pointed at it with SLIDEV_FOLLOW_BROKER instead of the headmatter's `follow.broker`.
 */
export interface FollowLocal {
  /** The presenter view with the speaker's login in the fragment: it publishes the position. */
  presenter: string
  /** The follow page the audience opens. */
  audience: string
  broker: string
  credential: Credential
  /** Resolves when the dev server ends by itself, with why. */
  ended: Promise<string>
  /** Stops the dev server and the broker. */
  stop: () => Promise<void>
}

/**
 * The deck's room (`follow.room`, or its title's): the broker lets a talk's login write its own
 * room only, the room named as the login, so the rehearsal's speaker login is named so.
 */
export function deckRoom(entry = join(root, 'slides.md')): string {
  const headmatter = parseSync(readFileSync(entry, 'utf8'), entry).slides[0]?.frontmatter ?? {}
  // Any address will do here: only the room is read.
  return followOptions(headmatter.follow, {
    title: headmatter.title,
    env: { [brokerVariable]: 'ws://127.0.0.1' },
  })!.room
}

/** The two links, as `npm run follow:local` prints them. */
export function followLinks(origin: string, credential: Credential): { presenter: string, audience: string } {
  return {
    presenter: `${origin}/presenter/1${speakerFragment(credential)}`,
    audience: `${origin}/follow/`,
  }
}

/** Ends the dev server and what it started (its process group). */
function end(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve()
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGTERM')
    }
    catch {
      child.kill('SIGTERM')
    }
  })
}

/**
 * Starts the broker, then the dev server on `port`, and resolves once the deck answers there. Slidev
 * would move to another port if `port` were taken, and the links would be wrong: a taken port is an error.
 */
export async function startFollowLocal({ port = 3030, timeoutMs = 120_000 } = {}): Promise<FollowLocal> {
  if (await portInUse(port, 'localhost'))
    throw new Error(`Port ${port} is in use (another \`npm run dev\`?): stop it first, the links name that port.`)
  const broker = await startMosquitto({
    room: deckRoom(),
  })
  const origin = `http://localhost:${port}`
  const dev = spawn(process.execPath, [
    join(root, 'node_modules/@slidev/cli/bin/slidev.mjs'),
    '--open=false',
    '--port',
    String(port),
  ], {
    cwd: root,
    env: {
      ...process.env,
      [brokerVariable]: broker.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  // Slidev's banner is held back, so the links are what a speaker reads; what it says later is passed on.
  let ready = false
  let held = ''
  for (const [stream, out] of [
    [dev.stdout!, process.stdout],
    [dev.stderr!, process.stderr],
  ] as const) {
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      if (ready)
        out.write(chunk)
      else
        held = (held + chunk).slice(-20_000)
    })
  }
  const ended = new Promise<string>((resolve) => {
    dev.once('exit', (code, signal) => resolve(`slidev ended (${signal ?? `exit code ${code}`})`))
    dev.once('error', error => resolve(`slidev did not start: ${error.message}`))
  })
  const stop = async () => {
    await end(dev)
    await broker.stop()
  }
  try {
    const deadline = Date.now() + timeoutMs
    let gone: string | undefined
    void ended.then((why) => {
      gone = why
    })
    while (!(await fetch(origin).then(response => response.ok, () => false))) {
      if (gone)
        throw new Error(`${gone} before the deck was served:\n${held.trim()}`)
      if (Date.now() > deadline)
        throw new Error(`The deck was not served at ${origin} within ${timeoutMs / 1000} s:\n${held.trim()}`)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
    ready = true
  }
  catch (error) {
    await stop()
    throw error
  }
  return {
    ...followLinks(origin, broker.credential),
    broker: broker.url,
    credential: broker.credential,
    ended,
    stop,
  }
}
