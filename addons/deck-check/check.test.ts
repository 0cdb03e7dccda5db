import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkDeck, formatProblem, highlightSteps, packageDir } from './check'

const dir = mkdtempSync(join(tmpdir(), 'deck-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The problems of a deck written as `markdown`, one line each, relative to its folder. */
function problemsOf(markdown: string, options: Parameters<typeof checkDeck>[1] = {}): string[] {
  const file = join(dir, 'slides.md')
  writeFileSync(file, markdown)
  return checkDeck(file, {
    root: dir,
    roots: [dir],
    ...options,
  }).map(problem => formatProblem(problem, dir))
}

describe('the deck check on any deck', () => {
  it('names an emoji shortcode that does not exist, with the one meant', () => {
    expect(problemsOf('# Hi :rabbit:\n\n---\n\n## Two :rabit: and 10:30:45\n')).toEqual([
      'slides.md:5 (slide 2): no emoji ":rabit:", so it shows as text. Did you mean ":rabbit:"?',
    ])
  })

  it('leaves shortcodes alone in a deck that writes none that exist, unless told', () => {
    expect(problemsOf('# Hi :rabit:\n')).toEqual([])
    expect(problemsOf('# Hi :rabit:\n', { emojiShortcodes: true })).toHaveLength(1)
    expect(problemsOf('# Hi :rabbit: :rabit:\n', { emojiShortcodes: false })).toEqual([])
  })

  it('ignores shortcodes in code, URLs and times', () => {
    expect(problemsOf('# :rabbit:\n\n`:nope:` http://host:8080:x 12:30:\n\n```txt\n:nope:\n```\n')).toEqual([])
  })

  it('names a line-highlight step past the end of its code block', () => {
    const code = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`).join('\n')
    expect(problemsOf(`# Code\n\n\`\`\`rust {1-2|40-50|all}\n${code}\n\`\`\`\n`)).toEqual([
      'slides.md:3 (slide 1): the line-highlight step 2 "40-50" of {1-2|40-50|all} is past the end of the 13-line code block, so that click highlights nothing. Lines are counted from 1 in the block.',
    ])
    expect(problemsOf(`# Code\n\n\`\`\`rust {1,13|*|none|hide}\n${code}\n\`\`\`\n`)).toEqual([])
  })

  it('reads the steps of an info string, and not its options', () => {
    expect(highlightSteps('ts {1|2-3|all}')).toEqual(['1', '2-3', 'all'])
    expect(highlightSteps('ts {monaco}')).toEqual(['monaco'])
    expect(highlightSteps('ts {lines:true}')).toBeUndefined()
    expect(highlightSteps('ts')).toBeUndefined()
  })

  it('names a code language the highlighter does not know, with the one meant', () => {
    expect(problemsOf('# Config\n\n```tomll\na = 1\n```\n')).toEqual([
      'slides.md:3 (slide 1): the code block\'s language "tomll" is not one the highlighter knows, so the build stops. Did you mean "toml"? Write "text" for code without highlighting.',
    ])
  })

  it('knows shiki\'s languages and aliases, plain text, diagrams, and the languages it is told of', () => {
    expect(problemsOf('# A\n\n```ts\n```\n\n```sh\n```\n\n```text\n```\n\n```mermaid\n```\n\n```\nplain\n```\n')).toEqual([])
    expect(problemsOf('# A\n\n```mylang\nx\n```\n', {
      languages: ['mylang'],
    })).toEqual([])
  })

  it('runs a deck\'s own rules after its own, in line order', () => {
    expect(problemsOf('# A\n\n<Nope />\n', {
      rules: [
        deck => [
          { line: 1, slide: 1, message: `the deck's rule saw ${deck.slides.length} slide` },
        ],
      ],
    })).toEqual([
      'slides.md:1 (slide 1): the deck\'s rule saw 1 slide',
      'slides.md:3 (slide 1): unknown component <Nope>. Slidev would leave it blank. Components live in components/.',
    ])
  })
})

describe('a deck installed as npm installs it', () => {
  it('finds its theme\'s layouts and icon sets in a parent folder\'s node_modules, even when the theme exports no package.json', () => {
    const consumer = mkdtempSync(join(tmpdir(), 'deck-check-consumer-'))
    try {
      const theme = join(consumer, 'node_modules/slidev-theme-tiny')
      mkdirSync(join(theme, 'layouts'), { recursive: true })
      writeFileSync(join(theme, 'package.json'), JSON.stringify({
        name: 'slidev-theme-tiny',
        exports: { '.': './index.js' },
      }))
      writeFileSync(join(theme, 'layouts/fancy-cover.vue'), '<template><slot /></template>')
      mkdirSync(join(consumer, 'node_modules/@iconify-json/ri'), { recursive: true })
      const deck = join(consumer, 'decks/talk')
      mkdirSync(deck, { recursive: true })
      writeFileSync(join(deck, 'package.json'), '{}')
      expect(packageDir(deck, 'slidev-theme-tiny')).toBe(theme)
      writeFileSync(join(deck, 'slides.md'), '---\ntheme: slidev-theme-tiny\nlayout: fancy-cover\n---\n\n# Hi <ri-github-line />\n\n---\nlayout: fancy-covr\n---\n\n# Typo\n')
      expect(checkDeck(join(deck, 'slides.md'), { root: deck }).map(problem => formatProblem(problem, deck))).toEqual([
        // No Slidev in this folder: the theme's layout is the only one; the icon is known.
        'slides.md:9 (slide 2): unknown layout "fancy-covr". Did you mean "fancy-cover"? Layouts: fancy-cover.',
      ])
    }
    finally {
      rmSync(consumer, { recursive: true, force: true })
    }
  })
})
