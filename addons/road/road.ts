/**
 * The path the speaker walks through the deck with the keyboard: the talk is the road, and the
 * backup slides of a demo are a detour below its demo slide, as reveal.js stacks slides vertically.
 *
 * The rule comes from the slides' frontmatter alone: a slide with `backup: true` (or the road's
 * layout, `layout: backup`) is a backup of the nearest slide before it that is not a backup (its
 * demo slide). Deep links, slide numbers, the
 * PDF and the handout keep every slide in file order; only the keys follow this path.
 *
 * Pure functions over slide numbers (1-based, as in the URL); `useRoad.ts` binds them to Slidev.
 */

/** What the road needs to know of a slide: its frontmatter (undefined for none). */
export type RoadFrontmatter = Readonly<Record<string, unknown>> | undefined

export interface Stop {
  /** 1-based number, as in the slide's URL. */
  no: number
  /** For a backup slide: the number of its demo slide. */
  demoSlide?: number
  /** For a demo slide: the numbers of its backup slides, in order. */
  backups: readonly number[]
}

export interface Road {
  /** One stop per slide, in file order (`stops[no - 1]`). */
  stops: readonly Stop[]
}

/**
 * The slides walked to reach the current one, latest last: it lets ← retrace a detour that was
 * taken and skip one that was not. Kept short; entries that no longer fit the path are ignored.
 */
export type Trail = readonly number[]

const TRAIL_LENGTH = 64

/** The road's own frontmatter key of a backup slide; its layout `backup` says the same. */
export const backupKey = 'backup'

export function isBackupSlide(frontmatter: RoadFrontmatter): boolean {
  return frontmatter?.[backupKey] === true || frontmatter?.layout === 'backup'
}

/** Reads the road from the slides' frontmatter, in file order. */
export function readRoad(frontmatters: readonly RoadFrontmatter[]): Road {
  const stops: Stop[] = []
  let demo: Stop | undefined
  frontmatters.forEach((frontmatter, index) => {
    const no = index + 1
    if (isBackupSlide(frontmatter) && demo) {
      stops.push({ no, demoSlide: demo.no, backups: [] })
      ;(demo.backups as number[]).push(no)
    }
    else {
      demo = { no, backups: [] }
      stops.push(demo)
    }
  })
  return { stops }
}

function stop(road: Road, no: number): Stop | undefined {
  return road.stops[no - 1]
}

/** The slide's demo slide if it is a backup, else the slide itself. */
export function demoSlideOf(road: Road, no: number): number {
  return stop(road, no)?.demoSlide ?? no
}

/** The backup slides below a demo slide (none for other slides). */
export function backupsOf(road: Road, no: number): readonly number[] {
  return stop(road, no)?.backups ?? []
}

/**
 * → after the slide's last click (also space, page down, a clicker): a demo slide continues the
 * talk past its backups; a backup goes to the next backup, and after the last one on with the talk.
 */
export function nextStop(road: Road, no: number): number | undefined {
  const here = stop(road, no)
  if (!here)
    return undefined
  const next = here.demoSlide === undefined
    ? no + 1 + here.backups.length
    : no + 1
  return next <= road.stops.length
    ? next
    : undefined
}

/** ↓: into the detour of a demo slide; elsewhere the next slide on the path. */
export function downStop(road: Road, no: number): number | undefined {
  return backupsOf(road, no)[0] ?? nextStop(road, no)
}

/** ↑: from a backup back to its demo slide; elsewhere the previous slide on the path. */
export function upStop(road: Road, no: number, trail: Trail = []): number | undefined {
  const here = stop(road, no)
  return here?.demoSlide ?? previousStop(road, no, trail)
}

/**
 * ← before the slide's first click: the previous slide on the path just walked. Inside a detour
 * that is the slide above; on the talk it is the previous slide of the talk, or the last backup
 * of its detour when the speaker came that way (the trail's latest entry says so).
 */
export function previousStop(road: Road, no: number, trail: Trail = []): number | undefined {
  const here = stop(road, no)
  if (!here || no <= 1)
    return undefined
  if (here.demoSlide !== undefined)
    return no - 1
  const previousTalkSlide = demoSlideOf(road, no - 1)
  const lastBackup = backupsOf(road, previousTalkSlide).at(-1)
  return lastBackup !== undefined && trail.at(-1) === lastBackup
    ? lastBackup
    : previousTalkSlide
}

/** The trail after the speaker moved from `from` to `to` by a key. */
export function walk(trail: Trail, from: number, to: number): Trail {
  if (to < from && trail.at(-1) === to)
    return trail.slice(0, -1)
  return [...trail, from].slice(-TRAIL_LENGTH)
}
