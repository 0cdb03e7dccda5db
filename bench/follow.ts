import type { Room, RoomOptions, RoomStatus } from '../addons/follow/room.ts'
import type { Budget } from './budgets.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join as joinPath, relative, resolve } from 'node:path'
import process from 'node:process'
import { startMosquitto } from '../addons/follow/node/mosquitto.ts'
import { joinRoom } from '../addons/follow/room.ts'
import { isMain, parseArgs, root } from '../tools/slidev.ts'
import { budgetTable, followBudgets, withinBudget } from './budgets.ts'

/**
 * `npm run bench:follow [-- --followers N --steps N --interval MS --batch N --timeout S]`: a talk's audience
 * following the speaker through a real broker, on this machine.
 *
 * 1. A local Mosquitto on 127.0.0.1 (addons/follow/node/mosquitto.ts), fresh, with a speaker login.
 * 2. The speaker publishes slide 1 (retained), then `followers` anonymous clients join the room in
 *    batches of `batch`, each with the addon's own client as the phones run it (`joinRoom` of
 *    addons/follow/room.ts: MQTT.js, v5 over WebSocket); each gets slide 1 on joining.
 * 3. The speaker moves on `steps` times, every `interval` ms (QoS 1, retained, as the addon does);
 *    each follower notes when each position arrives: latency is that time minus the `at` the speaker
 *    wrote into the position just before publishing (one clock, one machine).
 * 4. Once the last position is sent, up to 10 s for it to reach everyone; then the followers not on
 *    the last slide are counted (budget: none), and the positions that never reached a follower.
 * 5. The broker restarts under them (every connection drops at once). The speaker moves on as soon as
 *    its own client is back; the time until every follower is on that slide (budget: 10 s), and the
 *    followers' reconnections in each second after the restart, whose busiest second is the figure
 *    (in % of the followers): each phone waits a random part of a doubling window (backoff.ts), so
 *    the room comes back spread out, not in one burst.
 *
 * Everything runs under one hard time limit (90 s by default): the broker is stopped and every client
 * closed whatever happens. Prints a table against `followBudgets`, writes bench/follow.json, and exits
 * 1 if a budget is exceeded, 2 if the run failed.
 */

export interface FollowBenchmark {
  date: string
  /** `loadAvg`: the machine's 1-minute load average when the run started (other work skews the latency). */
  machine: { cpus: number, node: string, loadAvg: number }
  settings: { followers: number, steps: number, intervalMs: number, batch: number }
  figures: Record<FollowFigure, number>
  /**
   * The broker's restart: how long it was away (ms), how many followers were back on the speaker's
   * slide, and the followers' reconnections in each second after it went away (the first second first).
   */
  reconnect: { brokerDownMs: number, back: number, perSecond: number[], peakPerSecond: number }
  /** Latency percentiles of every delivery of a moved-on position, in ms. */
  latencyMs: { p50: number, p95: number, p99: number, max: number }
  exceeded: FollowFigure[]
}

type FollowFigure = keyof typeof followBudgets

const room = 'bench'

/** How long the followers have to be back on the speaker's slide after the broker restarts; measured up to twice that. */
const reconnectLimitMs = 20_000

/** The reconnections in each second from `since` on: how the room's return spreads over time. */
export function reconnectionsPerSecond(times: number[], since: number): number[] {
  const counts: number[] = []
  for (const at of times) {
    if (at < since)
      continue
    const second = Math.floor((at - since) / 1000)
    while (counts.length <= second)
      counts.push(0)
    counts[second]!++
  }
  return counts
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  if (!sorted.length)
    return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Joins the room with slidev-addon-follow's own client (room.ts) and resolves once it is live;
 * `onLive` hears of each time it is live, the first and every one after a reconnection.
 */
async function join(options: RoomOptions, rooms: Room[], { timeoutMs = 15_000, onLive }: { timeoutMs?: number, onLive?: () => void } = {}): Promise<Room> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a client did not join within ${timeoutMs / 1000} s`)), timeoutMs)
    const room = joinRoom({
      ...options,
      onStatus(status: RoomStatus, detail?: string) {
        if (status === 'live')
          onLive?.()
        if (status === 'live') {
          clearTimeout(timer)
          resolve(room)
        }
        else if (status === 'refused') {
          clearTimeout(timer)
          reject(new Error(`the broker refused a client: ${detail}`))
        }
      },
    })
    rooms.push(room)
  })
}

export async function benchFollow({ followers = 1000, steps = 30, intervalMs = 200, batch = 50, timeoutMs = 90_000, log = console.log } = {}): Promise<FollowBenchmark> {
  const loadAvg = loadavg()[0]!
  const broker = await startMosquitto({ room })
  const rooms: Room[] = []
  /** Set once the run is over (or timed out): what is still under way joins and publishes no more. */
  let over = false
  const check = () => {
    if (over)
      throw new Error('bench:follow is over')
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench:follow did not finish within ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    return await Promise.race([
      timeout,
      run(),
    ])
  }
  finally {
    over = true
    clearTimeout(timer)
    // Closing waits for nothing the broker owes once it is gone: 5 s at most, then the broker stops.
    await Promise.race([
      Promise.allSettled(rooms.map(room => room.close())),
      sleep(5000),
    ])
    await broker.stop()
  }

  async function run(): Promise<FollowBenchmark> {
    /** When the speaker's client is live again after the restart. */
    let speakerBack: (() => void) | undefined
    const speaker = await join({ broker: broker.url, room, credential: broker.credential }, rooms, {
      onLive: () => speakerBack?.(),
    })
    await speaker.publish({ page: 1, clicks: 0 })

    log(`bench:follow: ${followers} followers join ${broker.url}, ${batch} at a time …`)
    const latencies: number[] = []
    const onPage: number[] = Array.from({ length: followers }).fill(0) as number[]
    /** The positions after slide 1 that each follower received (a QoS 1 duplicate counts once). */
    const received = Array.from({ length: followers }, () => new Set<number>())
    /** Each time a follower became live (epoch ms), across the run: the reconnections are those after the restart. */
    const liveAt: number[] = []
    const connectStart = performance.now()
    for (let first = 0; first < followers; first += batch) {
      check()
      await Promise.all(Array.from({
        length: Math.min(batch, followers - first),
      }, (_, i) => {
        const index = first + i
        return join({
          broker: broker.url,
          room,
          onPosition(position) {
            const at = Date.now()
            onPage[index] = position.page
            if (position.page > 1) {
              latencies.push(at - position.at)
              received[index]!.add(position.page)
            }
          },
        }, rooms, {
          onLive: () => liveAt.push(Date.now()),
        })
      }))
    }
    const connectSeconds = (performance.now() - connectStart) / 1000

    log(`bench:follow: the speaker moves on ${steps} times, every ${intervalMs} ms …`)
    const finalPage = steps + 1
    for (let page = 2; page <= finalPage; page++) {
      check()
      const next = sleep(intervalMs)
      await speaker.publish({ page, clicks: 0 })
      await next
    }
    const settleEnd = Date.now() + 10_000
    while (Date.now() < settleEnd && onPage.some(page => page !== finalPage))
      await sleep(50)

    const missed = followers * steps - received.reduce((sum, pages) => sum + pages.size, 0)
    const wrongSlide = onPage.filter(page => page !== finalPage).length

    // The broker restarts (every connection drops at once); the speaker moves on as soon as it is
    // back, and each follower must land on that slide: through its own reconnection (backoff.ts) and
    // the retained position, or live.
    check()
    log(`bench:follow: the broker restarts under ${followers} followers …`)
    const restartedAt = Date.now()
    const speakerLive = new Promise<void>((resolve) => {
      speakerBack = resolve
    })
    await broker.restart()
    const brokerDownMs = Date.now() - restartedAt
    await speakerLive
    const afterRestart = finalPage + 1
    await speaker.publish({ page: afterRestart, clicks: 0 })
    const reconnectEnd = restartedAt + reconnectLimitMs
    while (Date.now() < reconnectEnd && onPage.some(page => page !== afterRestart))
      await sleep(50)
    const back = onPage.filter(page => page === afterRestart).length
    // Not all back within the limit: the limit, over budget, and `reconnect.back` says how many were.
    const reconnectSeconds = (Date.now() - restartedAt) / 1000
    const perSecond = reconnectionsPerSecond(liveAt, restartedAt)

    const sorted = [...latencies].sort((a, b) => a - b)
    const figures: Record<FollowFigure, number> = {
      followConnectSeconds: connectSeconds,
      followP95Ms: percentile(sorted, 0.95),
      followMissed: missed,
      followWrongSlide: wrongSlide,
      followReconnectSeconds: reconnectSeconds,
      followReconnectPeakShare: Math.round(100 * Math.max(0, ...perSecond) / followers),
    }
    return {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        loadAvg,
      },
      settings: {
        followers,
        steps,
        intervalMs,
        batch,
      },
      figures,
      reconnect: {
        brokerDownMs,
        back,
        perSecond,
        peakPerSecond: Math.max(0, ...perSecond),
      },
      latencyMs: {
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
        max: sorted.at(-1) ?? Number.NaN,
      },
      exceeded: (Object.keys(followBudgets) as FollowFigure[]).filter(figure => !withinBudget(followBudgets[figure], figures[figure])),
    }
  }
}

function format(budget: Budget, value: number): string {
  if (budget.unit === 's')
    return `${value.toFixed(1)} s`
  if (budget.unit === 'ms')
    return `${Math.round(value)} ms`
  if (budget.unit === '%')
    return `${value} %`
  return String(value)
}

export function formatFollowBenchmark(result: FollowBenchmark): string {
  const rows = (Object.keys(followBudgets) as FollowFigure[]).map((figure) => {
    const budget: Budget = followBudgets[figure]
    return [
      budget.what,
      format(budget, result.figures[figure]),
      format(budget, budget.limit),
      result.exceeded.includes(figure)
        ? 'OVER'
        : 'ok',
    ]
  })
  const { p50, p95, p99, max } = result.latencyMs
  const { followers, steps, intervalMs } = result.settings
  return [
    budgetTable(rows),
    '',
    `Delivery latency over ${followers} × ${steps} deliveries: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms `
    + `(a position every ${intervalMs} ms). ${result.machine.cpus} CPUs, load average ${result.machine.loadAvg.toFixed(1)} at the start, `
    + `Node ${result.machine.node}; broker and clients on this machine: compare runs made on a quiet one.`,
    '',
    `Broker restart: away ${result.reconnect.brokerDownMs} ms; ${result.reconnect.back} of ${followers} back on the speaker's slide; `
    + `reconnections per second from the restart on: ${result.reconnect.perSecond.join(', ')} (at most ${result.reconnect.peakPerSecond} in one second).`,
  ].join('\n')
}

if (isMain(import.meta.url)) {
  const { options, rest } = parseArgs(process.argv.slice(2), [
    'followers',
    'steps',
    'interval',
    'batch',
    'timeout',
    'json',
  ])
  if (rest.length) {
    console.error(`Unknown arguments: ${rest.join(' ')} (known: --followers N, --steps N, --interval MS, --batch N, --timeout S, --json FILE)`)
    process.exit(2)
  }
  const json = resolve(root, options.json ?? 'bench/follow.json')
  benchFollow({
    followers: Number(options.followers ?? 1000),
    steps: Number(options.steps ?? 30),
    intervalMs: Number(options.interval ?? 200),
    batch: Number(options.batch ?? 50),
    timeoutMs: Number(options.timeout ?? 90) * 1000,
  }).then((result) => {
    console.log(`\n${formatFollowBenchmark(result)}`)
    mkdirSync(joinPath(json, '..'), { recursive: true })
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`)
    console.log(`\nWritten to ${relative(process.cwd(), json)}`)
    if (result.exceeded.length) {
      console.error(`\nOver budget: ${result.exceeded.map(f => followBudgets[f].what).join('; ')}`)
      process.exitCode = 1
    }
  }).catch((error: Error) => {
    console.error(error.message)
    process.exit(2)
  })
}
