// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hintsFor, lineInSlide, loadSlides, slideProblem, unclosedTags } from '../../addons/deck-check/slide-source'

const root = join(__dirname, '../..')
const fixture = (name: string) => join(root, 'tests/fixtures/bad-decks', name)

describe('a slide seen in the browser, found again in slides.md', () => {
  it('finds the element a speaker opened and never closed, not the slide\'s outer one', async () => {
    const slides = await loadSlides(fixture('unclosed-tag.md'))
    // Line 14 of the fixture: <div class="x">
    expect(unclosedTags(slides[1].source)).toEqual([
      { tag: 'div', line: 14 },
    ])
    expect(unclosedTags(slides[0].source)).toEqual([])
  })

  it('ignores tags in code blocks, inline code and comments, self-closing and void elements', async () => {
    const slides = await loadSlides(fixture('good.md'))
    for (const slide of slides)
      expect(unclosedTags(slide.source)).toEqual([])
  })

  it('points at the expression that read a property of undefined', async () => {
    const slides = await loadSlides(fixture('render-problems.md'))
    const hints = hintsFor({ message: 'TypeError: Cannot read properties of undefined (reading \'nope\')' })
    expect(lineInSlide(slides[1].source, hints)).toBe(14)
  })

  it('points at the component that threw', async () => {
    const slides = await loadSlides(fixture('render-problems.md'))
    const problem = slideProblem(slides, 3, 'it threw', hintsFor({ component: 'BarChart', message: 'TypeError: Cannot read properties of undefined (reading \'map\')' }))
    expect(problem).toMatchObject({ line: 22, slide: 3, message: 'it threw' })
  })

  it('falls back to the slide\'s first line with something on it', async () => {
    const slides = await loadSlides(fixture('render-problems.md'))
    expect(slideProblem(slides, 4, 'empty')?.line).toBe(26)
    expect(slideProblem(slides, 9, 'no such slide')).toBeUndefined()
  })

  it('numbers the slides of the real deck as their URLs do', async () => {
    const slides = await loadSlides(join(root, 'slides.md'))
    // Slide 2 of the talk is "## Goal".
    expect(slides[1].source.content).toMatch(/^## Goal/m)
    const goalLine = readFileSync(join(root, 'slides.md'), 'utf8').split('\n').indexOf('## Goal') + 1
    expect(lineInSlide(slides[1].source)).toBe(goalLine)
  })
})
