// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { checkDeck, formatProblem } from '../../addons/deck-check/check'
import { deckRoots, deckRules } from '../../addons/deck-check/deck'
import { checkPlan, readPlan } from '../../addons/road/plan'
import { downStop, nextStop, readRoad } from '../../addons/road/road'
import { readSlides, slideNumber } from '../support/slides'

const root = join(__dirname, '../..')
const deck = (markdown: string) => parseSync(markdown, 'slides.md').slides

describe('the road through slides.md', () => {
  const slides = readSlides()
  const real = readRoad(slides.map(s => ({ layout: s.layout })))
  const at = (heading: string) => slideNumber(slides, heading)

  it('→ goes from each demo slide on with the talk', () => {
    expect(nextStop(real, at('Cargo is your friend'))).toBe(at('Rust in CI'))
    expect(nextStop(real, at('The new kid on the block Dagger'))).toBe(at('CI: A little of the same as local'))
    expect(nextStop(real, at('Prod: Tune those binary settings!'))).toBe(at('Bonus: Actually statically linked binaries'))
    expect(nextStop(real, at('Bonus: Actually statically linked binaries'))).toBe(at('Bonus: Wasm the weird compile target'))
    expect(nextStop(real, at('Bonus: Wasm the weird compile target'))).toBe(at('Questions?'))
  })

  it('↓ on the wasm slide enters its backups', () => {
    expect(slides[downStop(real, at('Bonus: Wasm the weird compile target'))! - 1].heading).toBe('Wasm demo: one .wasm file, run by wasmtime')
  })

  it('walking only →, the speaker sees no backup slide', () => {
    const walked: string[] = []
    for (let no: number | undefined = 1; no !== undefined; no = nextStop(real, no))
      walked.push(slides[no - 1].layout)
    expect(walked).not.toContain('backup')
    expect(walked.length).toBe(slides.filter(s => s.layout !== 'backup').length)
  })
})

describe('the pace plan of slides.md', () => {
  it('finds nothing wrong with the plan in slides.md, which adds up to its duration', () => {
    const slides = deck(readFileSync(join(root, 'slides.md'), 'utf8'))
    expect(checkPlan(slides)).toEqual([])
    const total = readPlan(slides.map(s => s.frontmatter)).reduce((sum, p) => sum + p.seconds, 0)
    expect(total).toBe(30 * 60)
    expect(slides[0].frontmatter?.duration).toBe('30min')
  })

  it('names the duration line when the parts do not add up (npm run check)', async () => {
    const roots = deckRoots(join(root, 'slides.md'))
    expect(checkDeck(join(root, 'tests/fixtures/bad-decks/pace-plan.md'), { root, roots, rules: await deckRules(roots) }).map(p => formatProblem(p, root))).toEqual([
      'tests/fixtures/bad-decks/pace-plan.md:4 (slide 1): the planned times add up to 17:00 (Intro 2:00 + The middle 10:00 + The end 5:00), but duration is 20min (20:00). Make them add up.',
    ])
  })
})
