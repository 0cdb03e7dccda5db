import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { parseTimeString } from '@slidev/parser/utils'
import { optionProblems } from 'slidev-addons-kit/keys'
import { backupKey, isBackupSlide } from './road.ts'

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

/** What is wrong with a time as Slidev's duration is written, or undefined. */
function timeProblem(value: unknown): string | undefined {
  return parseSeconds(value) === undefined
    ? `"${String(value)}" cannot be read as a time. Write it as Slidev's duration is written: "5min", "90s", "1h 5min" or "4:30".`
    : undefined
}

/**
 * The keys the road reads, declared once (slidev-addons-kit/keys): `readPlan` reads `part` and
 * `planned` through them, and setup/deck-check.ts gives them to the deck check, which names a
 * wrong one by its line (a time it cannot read, a part without a time or a time without a part,
 * two parts of one name, `backup: yes`).
 */
export const roadKeys: KeyDeclaration[] = [
  {
    where: 'slide',
    path: 'part',
    type: 'string',
    pattern: { test: /\S/, words: 'a name ("part: Rust in CI")' },
    needs: ['planned'],
    unique: true,
    description: 'the part of the talk that starts on this slide, with its planned time',
  },
  {
    where: 'slide',
    path: 'planned',
    type: ['string', 'number'],
    check: timeProblem,
    needs: ['part'],
    description: 'the planned length of the part that starts here, as duration is written',
  },
  {
    where: 'slide',
    path: backupKey,
    type: 'boolean',
    description: 'a backup slide of the demo slide before it (backup: true)',
  },
  {
    where: 'headmatter',
    path: 'duration',
    type: ['string', 'number'],
    check: timeProblem,
    description: 'the talk\'s length, which the parts\' planned times add up to',
  },
]

/** Whether a slide's `key` is given and as `roadKeys` declares it. */
const valid = (key: string, value: unknown) => value !== undefined && value !== null && !optionProblems(roadKeys, key, value).length

/** The parts of the plan, from the slides' frontmatter in order; parts without a name or a valid time are left out. */
export function readPlan(frontmatters: readonly Frontmatter[]): Part[] {
  const parts: Part[] = []
  let start = 0
  frontmatters.forEach((frontmatter, index) => {
    if (!valid('part', frontmatter?.part) || !valid('planned', frontmatter?.planned) || typeof frontmatter?.part !== 'string')
      return
    const seconds = parseSeconds(frontmatter.planned)!
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
 * The mistakes in a pace plan as a whole, naming the line: slides before the first part, a part
 * starting on a backup slide (backups count to their demo slide's part), a plan without
 * `duration`, and parts that do not add up to it. A deck without parts has no plan and no
 * problems. What is wrong with one key (a time that cannot be read, a part without a time or a
 * time without a part, two parts of one name) is declared in `roadKeys`, and the deck check names it.
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
    if (slide.frontmatter?.part !== undefined && isBackupSlide(slide.frontmatter)) {
      problems.push({
        line: lineOf(slide, 'part'),
        slide: no,
        message: `a part starts on a backup slide. Backups count to their demo slide's part: put "part" on a slide of the talk.`,
      })
    }
  }

  const first = slides[0]
  if (first && first.frontmatter?.part === undefined)
    problems.push({ line: 1, slide: 1, message: `the first slide starts no part, so the slides before "${String(planned[0].slide.frontmatter?.part)}" have no planned time. Give the first slide a "part" and "planned" time.` })

  const parts = readPlan(slides.map(slide => slide.frontmatter))
  const total = parts.reduce((sum, part) => sum + part.seconds, 0)
  const durationRaw = first?.frontmatter?.duration
  const duration = parseSeconds(durationRaw)
  const listed = parts.map(part => `${part.title} ${formatSeconds(part.seconds)}`).join(' + ')
  // A duration that cannot be read is named by its key's declaration (roadKeys).
  if (first && durationRaw === undefined) {
    problems.push({
      line: 1,
      slide: 1,
      message: `the pace plan needs the talk's length: add "duration: ${formatSeconds(total)}" (or e.g. "30min") to the headmatter.`,
    })
  }
  else if (first && duration !== undefined && duration !== total) {
    problems.push({
      line: lineOf(first, 'duration'),
      slide: 1,
      message: `the planned times add up to ${formatSeconds(total)} (${listed}), but duration is ${String(durationRaw)} (${formatSeconds(duration)}). Make them add up.`,
    })
  }
  return problems.sort((a, b) => a.line - b.line)
}
