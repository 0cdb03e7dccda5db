import type { Component } from 'vue'
import type { SlideInfo } from '../support/slides'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { readSlides, visibleText } from '../support/slides'
import { normalize, readTalk } from '../support/talk'

/**
 * The talk (tests/fixtures/talk.md, as the speaker wrote it) against slides.md as Slidev's parser
 * reads it: the same check as the browser's "every line of the original talk" test, in a second.
 */

const slides = readSlides()
const talk = readTalk()

// Components that ask Slidev where they are (ReadingViewLink: in the PDF or not) see a plain slide.
vi.mock('@slidev/client', () => ({
  useNav: () => ({
    isPrintMode: ref(false),
  }),
}))

/** The deck's components that slides.md uses (loaded by name: some others need a running Slidev). */
const componentFiles = import.meta.glob<{ default: Component }>('../../components/*.vue')
const used = new Set(slides.flatMap(s => [
  ...s.content.matchAll(/<([A-Z]\w*)/g),
].map(m => m[1])))
const components = Object.fromEntries(await Promise.all(Object.entries(componentFiles)
  .filter(([file]) => used.has(file.replace(/^.*\/|\.vue$/g, '')))
  .map(async ([file, load]) => [
    file.replace(/^.*\/|\.vue$/g, ''),
    (await load()).default,
  ] as const)))

/** The text a component tag shows on the slide: the component mounted with the tag's plain attributes. */
function renderTag(name: string, attributes: string): string {
  const component = components[name]
  if (!component)
    return ''
  const props = Object.fromEntries([
    ...attributes.matchAll(/(?:^|\s)([\w-]+)="([^"]*)"/g),
  ].map(m => [m[1], m[2]]))
  return mount(component, { props }).text()
}

/** A line of a slide's markdown as a reader sees it: no list or heading marks, links as their text, components rendered. */
function readerLine(line: string): string {
  const plain = line.trim()
    .replace(/^(?:[-*+]|\d+\.)\s+/, '')
    .replace(/^#+\s*/, '')
    .replace(/^>\s*/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<([A-Z]\w*)((?:\s+[:@\w-]+="[^"]*")*)\s*\/>/g, (_, name: string, attributes: string) => ` ${renderTag(name, attributes)} `)
  return normalize(visibleText(plain))
}

/** Everything a reader reads on a slide, one entry a line, code blocks left out. */
function slideLines(markdown: string): string[] {
  let inCode = false
  return markdown.split('\n').filter((line) => {
    if (/^\s*```/.test(line))
      inCode = !inCode
    return !inCode && !/^\s*```/.test(line)
  }).map(readerLine).filter(Boolean)
}

const shown = slides.map(slide => slideLines(slide.content).join('\n'))
const missing = (lines: string[], text: string) => lines.filter(line => !text.includes(normalize(line)))

/** Each slide of the talk with the slide of the deck that shows it: the first, in order, that has all its lines. */
const matched = (() => {
  const pairs: Array<{ talk: typeof talk[number], deck?: SlideInfo }> = []
  let next = 0
  for (const original of talk) {
    const index = shown.findIndex((text, i) => i >= next && missing(original.lines, text).length === 0)
    pairs.push({
      talk: original,
      deck: index >= 0
        ? slides[index]
        : undefined,
    })
    if (index >= 0)
      next = index + 1
  }
  return pairs
})()

describe('the talk in slides.md', () => {
  it('reads the talk and the deck at all', () => {
    expect(talk.length).toBeGreaterThan(15)
    expect(talk.flatMap(s => s.lines).length).toBeGreaterThan(60)
    expect(shown.every(text => text.length > 0)).toBe(true)
  })

  it('has every line of every slide of the talk, in the talk\'s order', () => {
    let after = 0
    for (const { talk: original, deck } of matched) {
      // On a failure, name the lines the slide where the talk's slide should be lacks.
      const expectedAt = slides[after]
      expect(deck, `slide ${original.no} of the talk is not on the deck after slide ${after}; slide ${expectedAt?.no} "${expectedAt?.heading}" lacks: ${missing(original.lines, shown[after] ?? '').join(' / ')}`).toBeDefined()
      after = deck!.no
    }
  })

  it('keeps every speaker note of the talk on its slide', () => {
    const notesOf = (slide: SlideInfo) => normalize(slideLines(slide.note).join('\n'))
    const withNotes = matched.filter(m => m.talk.notes.length > 0)
    expect(withNotes.length).toBeGreaterThan(0)
    for (const { talk: original, deck } of withNotes) {
      expect(deck, `slide ${original.no} of the talk`).toBeDefined()
      expect(missing(original.notes, notesOf(deck!)), `notes of deck slide ${deck!.no} "${deck!.heading}"`).toEqual([])
    }
  })

  it('adds only demo backup slides, and no slide before the talk\'s first', () => {
    const ofTheTalk = new Set(matched.map(m => m.deck?.no))
    expect(ofTheTalk.has(1)).toBe(true)
    const added = slides.filter(s => !ofTheTalk.has(s.no))
    expect(added.length).toBeGreaterThan(0)
    for (const slide of added)
      expect(slide.layout, `slide ${slide.no} "${slide.heading}" is not in the talk`).toBe('backup')
    expect(slides.length).toBe(talk.length + added.length)
  })
})
