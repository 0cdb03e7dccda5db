// @vitest-environment node
import type { PlanSourceSlide } from './plan'
import { parseSync } from '@slidev/parser'
import { validateKeys } from 'slidev-addons-kit/keys'
import { describe, expect, it } from 'vitest'
import { checkPlan, describePace, formatSeconds, paceOf, parseSeconds, partOf, readPlan, roadKeys } from './plan'
import pacePlan from './setup/deck-check'

// Slides 1-2 intro (2 min), 3-5 demo part (5 min), 6 questions (3 min).
const parts = readPlan([
  { part: 'Intro', planned: '2min' },
  {},
  { part: 'Demo', planned: '5min', layout: 'section' },
  { layout: 'backup' },
  undefined,
  { part: 'Questions', planned: '3:00' },
])
const [intro, demo, questions] = parts

/** A deck as Slidev's parser reads it, from markdown. */
const deck = (markdown: string): PlanSourceSlide[] => parseSync(markdown, 'slides.md').slides

/** What the deck check says of the road's keys (roadKeys) in a deck. */
const keyCheck = (markdown: string) => validateKeys(roadKeys, { file: 'slides.md', slides: parseSync(markdown, 'slides.md').slides })

describe('the pace plan', () => {
  it('lays the parts end to end, each from its first slide', () => {
    expect(parts.map(p => [p.title, p.firstSlide, p.start, p.end])).toEqual([
      ['Intro', 1, 0, 120],
      ['Demo', 3, 120, 420],
      ['Questions', 6, 420, 600],
    ])
  })

  it('reads times as Slidev reads duration', () => {
    expect(parseSeconds('30min')).toBe(1800)
    expect(parseSeconds('1h 5min')).toBe(3900)
    expect(parseSeconds('4:30')).toBe(270)
    expect(parseSeconds('90s')).toBe(90)
    expect(parseSeconds(45)).toBe(45)
    expect(parseSeconds('three minutes')).toBeUndefined()
    expect(parseSeconds('0min')).toBeUndefined()
    expect(parseSeconds('+5min')).toBeUndefined()
    expect(parseSeconds(undefined)).toBeUndefined()
  })

  it('puts every slide in the last part starting at or before it', () => {
    expect([1, 2, 3, 4, 5, 6].map(no => partOf(parts, no)?.title)).toEqual([
      'Intro',
      'Intro',
      'Demo',
      'Demo',
      'Demo',
      'Questions',
    ])
    expect(partOf(readPlan([
      {},
      { part: 'Late', planned: '1min' },
    ]), 1)).toBeUndefined()
  })

  it('is on time anywhere inside the part\'s planned window', () => {
    for (const elapsed of [120, 200, 420]) {
      expect(describePace(paceOf(demo, elapsed))).toBe('on time')
      expect(paceOf(demo, elapsed).late).toBe(false)
    }
  })

  it('counts how far behind the part\'s planned end the speaker is', () => {
    const pace = paceOf(demo, 500)
    expect(describePace(pace)).toBe('1:20 behind')
    expect(pace.late).toBe(true)
  })

  it('turns late only after more than a minute behind', () => {
    expect(paceOf(intro, 180).late).toBe(false)
    expect(describePace(paceOf(intro, 180))).toBe('1:00 behind')
    expect(paceOf(intro, 181).late).toBe(true)
    expect(paceOf(intro, 180.9).seconds).toBe(60)
  })

  it('counts how far ahead of the part\'s planned start the speaker is', () => {
    const pace = paceOf(questions, 390)
    expect(describePace(pace)).toBe('0:30 ahead')
    expect(pace.late).toBe(false)
  })

  it('writes times as a clock does', () => {
    expect(formatSeconds(0)).toBe('0:00')
    expect(formatSeconds(80)).toBe('1:20')
    expect(formatSeconds(600)).toBe('10:00')
    expect(formatSeconds(3725)).toBe('1:02:05')
    expect(formatSeconds(-5)).toBe('0:00')
  })
})

describe('the pace plan check', () => {
  it('has nothing to say about a deck without a plan', () => {
    expect(checkPlan(deck('# One\n\n---\n\n# Two\n'))).toEqual([])
  })

  it('names the duration line when the parts do not add up, through the deck check\'s rule', () => {
    const slides = deck('---\npart: Intro\nplanned: 2min\nduration: 20min\n---\n\n# One\n\n---\npart: End\nplanned: 5min\n---\n\n# Two\n')
    expect(pacePlan({
      slides: slides.map(info => ({ info })),
    })).toEqual([
      { line: 4, slide: 1, message: 'the planned times add up to 7:00 (Intro 2:00 + End 5:00), but duration is 20min (20:00). Make them add up.' },
    ])
  })

  it('names a time it cannot read, and a part without a time, as its keys declare them', () => {
    const problems = keyCheck([
      '---',
      'duration: 10min',
      'part: Intro',
      'planned: five minutes',
      '---',
      '',
      '# Intro',
      '',
      '---',
      'part: Rest',
      '---',
      '',
      '# Rest',
    ].join('\n'))
    expect(problems.map(p => [p.line, p.slide, p.message])).toEqual([
      [4, 1, 'planned "five minutes" cannot be read as a time. Write it as Slidev\'s duration is written: "5min", "90s", "1h 5min" or "4:30".'],
      [10, 2, 'part needs planned on the same slide (part: the part of the talk that starts on this slide, with its planned time).'],
    ])
  })

  it('names a plan without duration, slides before the first part, and a part on a backup slide', () => {
    const problems = checkPlan(deck([
      '# Cover',
      '',
      '---',
      'part: Demo',
      'planned: 5min',
      '---',
      '',
      '# Demo',
      '',
      '---',
      'layout: backup',
      'demo: local',
      'part: Backup',
      'planned: 1min',
      '---',
      '',
      '## Backup',
    ].join('\n')))
    expect(problems.map(p => p.message)).toEqual([
      expect.stringContaining('the first slide starts no part'),
      expect.stringContaining('add "duration: 6:00"'),
      expect.stringContaining('a part starts on a backup slide'),
    ])
    expect(problems.map(p => p.line)).toEqual([1, 1, 13])
    expect(problems.at(-1)).toMatchObject({ line: 13, slide: 3 })
  })

  it('names a time with no part', () => {
    expect(keyCheck('---\nduration: 1min\nplanned: 1min\n---\n\n# Only\n')).toMatchObject([
      {
        line: 3,
        slide: 1,
        message: expect.stringContaining('planned needs part on the same slide'),
      },
    ])
  })

  it('names a duration it cannot read, once', () => {
    const markdown = '---\ntitle: T\nduration: half an hour\npart: All\nplanned: 5min\n---\n\n# All\n'
    expect(checkPlan(deck(markdown))).toEqual([])
    expect(keyCheck(markdown)).toEqual([
      {
        file: 'slides.md',
        line: 3,
        slide: 1,
        message: expect.stringContaining('the headmatter\'s duration "half an hour" cannot be read as a time'),
      },
    ])
  })

  it('names a part that is not a name, and leaves it out of the plan', () => {
    const markdown = '---\nduration: 5min\npart: Intro\nplanned: 5min\n---\n\n# Intro\n\n---\npart: 42\nplanned: 1min\n---\n\n# Numbered\n'
    expect(keyCheck(markdown).map(p => [p.line, p.slide, p.message])).toEqual([
      [10, 2, 'part must be text, not 42.'],
    ])
    expect(readPlan(deck(markdown).map(s => s.frontmatter)).map(p => p.title)).toEqual(['Intro'])
  })

  it('names a blank part on its own line, and leaves a part without a time out of the plan', () => {
    const markdown = '---\nduration: 5min\npart: Intro\nplanned: 5min\n---\n\n# Intro\n\n---\nlayout: default\npart: " "\nplanned: 1min\n---\n\n# Blank\n\n---\nlayout: default\npart: Untimed\n---\n\n# Untimed\n'
    expect(keyCheck(markdown).map(p => [p.line, p.slide, p.message])).toEqual([
      [11, 2, 'part must be a name ("part: Rust in CI"), not " ".'],
      [
        19,
        3,
        expect.stringContaining('part needs planned on the same slide'),
      ],
    ])
    expect(readPlan(deck(markdown).map(s => s.frontmatter)).map(p => p.title)).toEqual(['Intro'])
    expect(readPlan([
      { part: 'Untimed' },
      { part: 'Unreadable', planned: 'soon' },
    ])).toEqual([])
  })

  it('names two parts of one name, at the second', () => {
    expect(keyCheck('---\nduration: 2min\npart: Intro\nplanned: 1min\n---\n\n# One\n\n---\npart: Intro\nplanned: 1min\n---\n\n# Two\n').map(p => [p.line, p.slide, p.message])).toEqual([
      [10, 2, 'part "Intro" is already the part of slide 1 (line 3): each slide\'s part must be its own.'],
    ])
  })

  it('numbers a problem\'s slide as its URL does, past hidden and disabled slides', () => {
    const problems = keyCheck('---\nduration: 1min\npart: Intro\nplanned: 1min\n---\n\n# Intro\n\n---\nhide: true\n---\n\n# Hidden\n\n---\ndisabled: true\n---\n\n# Disabled\n\n---\nplanned: 1min\n---\n\n# Orphan time\n')
    expect(problems.map(p => [p.line, p.slide, p.message])).toEqual([
      [
        22,
        2,
        expect.stringContaining('planned needs part on the same slide'),
      ],
    ])
  })

  it('numbers slides as their URLs do, without hidden slides', () => {
    const problems = checkPlan(deck('---\nduration: 2min\npart: Intro\nplanned: 1min\n---\n\n# Intro\n\n---\nhide: true\n---\n\n# Hidden\n\n---\npart: End\nplanned: 2min\n---\n\n# End\n'))
    expect(problems.map(p => [p.line, p.slide])).toEqual([
      [2, 1],
    ])
    expect(problems[0].message).toContain('add up to 3:00 (Intro 1:00 + End 2:00), but duration is 2min (2:00)')
  })

  it('is ahead by whole seconds until the part\'s planned start', () => {
    expect(describePace(paceOf(demo, 119.5))).toBe('0:01 ahead')
    expect(describePace(paceOf(demo, 0))).toBe('2:00 ahead')
  })
})
