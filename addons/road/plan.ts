import { parseTimeString } from '@slidev/parser/utils'
import { isBackupSlide } from './road'

/**
 * The pace plan: a planned time for each part of the talk, set in the frontmatter of the part's
 * first slide (`part: Rust in CI` and `planned: 7min`), adding up to the headmatter's `duration`.
 * The presenter view compares the timer with the current part's planned window.
 *
 * Pure arithmetic on seconds and slide numbers (1-based, as in the URL).
 */

export interface Part {
  title: string
  /** The part's first slide; it runs until the next part's first slide. */
  firstSlide: number
  /** Planned length, in seconds. */
  seconds: number
  /** Planned start and end, in seconds on the timer. */
  start: number
  end: number
}

export interface Pace {
  part: Part
  /** Whole seconds behind the part's planned end, or ahead of its planned start; 0 inside it. */
  seconds: number
  status: 'ahead' | 'behind' | 'on time'
  /** Behind by more than a minute: the presenter view shows it in a warning colour. */
  late: boolean
}

/** How far behind the speaker may be before the pace line turns to a warning colour. */
export const LATE_AFTER_SECONDS = 60

type Frontmatter = Readonly<Record<string, unknown>> | undefined

/** Seconds of a time as Slidev writes `duration` (`30min`, `1h 30m`, `90s`, `12:30`), or undefined. */
export function parseSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number')
    return undefined
  try {
    const { seconds, relative } = parseTimeString(typeof value === 'string'
      ? value.trim()
      : value)
    return !relative && Number.isFinite(seconds) && seconds > 0
      ? seconds
      : undefined
  }
  catch {
    return undefined
  }
}

/** The parts of the plan, from the slides' frontmatter in order; parts without a name or a valid time are left out. */
export function readPlan(frontmatters: readonly Frontmatter[]): Part[] {
  const parts: Part[] = []
  let start = 0
  frontmatters.forEach((frontmatter, index) => {
    const seconds = parseSeconds(frontmatter?.planned)
    if (typeof frontmatter?.part !== 'string' || !frontmatter.part.trim() || seconds === undefined)
      return
    parts.push({
      title: frontmatter.part,
      firstSlide: index + 1,
      seconds,
      start,
      end: start + seconds,
    })
    start += seconds
  })
  return parts
}

/** The part a slide belongs to: the last part starting at or before it. */
export function partOf(parts: readonly Part[], no: number): Part | undefined {
  return parts.filter(part => part.firstSlide <= no).at(-1)
}

/** Where the speaker stands against the plan of the part on screen, `elapsed` seconds into the talk. */
export function paceOf(part: Part, elapsed: number): Pace {
  const now = Math.floor(elapsed)
  if (now > part.end) {
    const seconds = now - part.end
    return {
      part,
      seconds,
      status: 'behind',
      late: seconds > LATE_AFTER_SECONDS,
    }
  }
  if (now < part.start) {
    return {
      part,
      seconds: part.start - now,
      status: 'ahead',
      late: false,
    }
  }
  return {
    part,
    seconds: 0,
    status: 'on time',
    late: false,
  }
}

/** `80` → `1:20`, `3725` → `1:02:05`. */
export function formatSeconds(total: number): string {
  const seconds = Math.max(0, Math.floor(total))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor(seconds / 60) % 60
  const s = String(seconds % 60).padStart(2, '0')
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${s}`
    : `${m}:${s}`
}

/** `1:20 behind`, `0:30 ahead`, `on time`. */
export function describePace(pace: Pace): string {
  return pace.status === 'on time'
    ? 'on time'
    : `${formatSeconds(pace.seconds)} ${pace.status}`
}

/** A slide as Slidev's parser (`@slidev/parser`) reads it. */
export interface PlanSourceSlide {
  /** 0-based index of the slide's opening `---` line in the file. */
  start: number
  frontmatter: Frontmatter
  /** The frontmatter as written, between the `---` lines. */
  frontmatterRaw?: string
}

export interface PlanProblem {
  /** 1-based line in the slides file. */
  line: number
  /** 1-based slide number, as in its URL. */
  slide: number
  message: string
}

/**
 * The mistakes in a pace plan, naming the line: a time that cannot be read, a part without a
 * time or a time without a part, slides before the first part, a part starting on a backup slide
 * (backups count to their demo slide's part), and parts that do not add up to `duration`.
 * A deck without parts has no plan and no problems.
 */
export function checkPlan(slides: readonly PlanSourceSlide[]): PlanProblem[] {
  const problems: PlanProblem[] = []
  const lineOf = (slide: PlanSourceSlide, key: string) => {
    const index = (slide.frontmatterRaw ?? '').split('\n').findIndex(line => line.startsWith(`${key}:`))
    return slide.start + 2 + Math.max(index, 0)
  }
  let visible = 0
  const numbered = slides.map((slide) => {
    if (slide.frontmatter?.hide !== true && slide.frontmatter?.disabled !== true)
      visible++
    return {
      slide,
      no: Math.max(visible, 1),
    }
  })
  const planned = numbered.filter(({ slide }) => slide.frontmatter?.part !== undefined || slide.frontmatter?.planned !== undefined)
  if (!planned.length)
    return problems

  for (const { slide, no } of planned) {
    const { part, planned: time } = slide.frontmatter ?? {}
    const report = (key: string, message: string) => problems.push({
      line: lineOf(slide, key),
      slide: no,
      message,
    })
    if (time === undefined)
      report('part', `part "${String(part)}" has no planned time. Add "planned: 5min" (any time Slidev's duration takes) below it.`)
    else if (parseSeconds(time) === undefined)
      report('planned', `planned time "${String(time)}" cannot be read. Write it as Slidev's duration is written: "5min", "90s", "1h 5min" or "4:30".`)
    if (part === undefined)
      report('planned', `a planned time with no part. Add "part: <name>" above it.`)
    else if (typeof part !== 'string' || !part.trim())
      report('part', `the part needs a name ("part: Rust in CI").`)
    if (isBackupSlide(slide.frontmatter))
      report('part', `a part starts on a backup slide. Backups count to their demo slide's part: put "part" on a slide of the talk.`)
  }

  const first = slides[0]
  if (first && first.frontmatter?.part === undefined)
    problems.push({ line: 1, slide: 1, message: `the first slide starts no part, so the slides before "${String(planned[0].slide.frontmatter?.part)}" have no planned time. Give the first slide a "part" and "planned" time.` })

  const parts = readPlan(slides.map(slide => slide.frontmatter))
  const total = parts.reduce((sum, part) => sum + part.seconds, 0)
  const durationRaw = first?.frontmatter?.duration
  const duration = parseSeconds(durationRaw)
  const listed = parts.map(part => `${part.title} ${formatSeconds(part.seconds)}`).join(' + ')
  if (first && duration === undefined) {
    problems.push({
      line: durationRaw === undefined
        ? 1
        : lineOf(first, 'duration'),
      slide: 1,
      message: `the pace plan needs the talk's length: add "duration: ${formatSeconds(total)}" (or e.g. "30min") to the headmatter.`,
    })
  }
  else if (first && duration !== total) {
    problems.push({
      line: lineOf(first, 'duration'),
      slide: 1,
      message: `the planned times add up to ${formatSeconds(total)} (${listed}), but duration is ${String(durationRaw)} (${formatSeconds(duration!)}). Make them add up.`,
    })
  }
  return problems.sort((a, b) => a.line - b.line)
}
