// @vitest-environment node
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deckCheck, deckProblems } from '../../plugins/deck-check'
import { checkDeck, formatProblem } from '../../scripts/check-deck'

const root = join(__dirname, '../..')
const fixture = (name: string) => join(root, 'tests/fixtures/bad-decks', name)
const check = (name: string) => checkDeck(fixture(name), { root }).map(p => formatProblem(p, root))

describe('the deck check', () => {
  it('finds nothing wrong with the real slides.md', () => {
    expect(checkDeck(join(root, 'slides.md'), { root })).toEqual([])
  })

  it('finds nothing wrong with a good deck full of look-alikes (code, inline code, notes)', () => {
    expect(check('good.md')).toEqual([])
  })

  it('names the slide and line of frontmatter that is not valid YAML', () => {
    const [problem, ...rest] = check('frontmatter-yaml.md')
    expect(rest).toEqual([])
    expect(problem).toMatch(/^tests\/fixtures\/bad-decks\/frontmatter-yaml\.md:10 \(slide 2\): the frontmatter between the --- lines is not valid YAML \(.+\)\. Each line is "key: value"/)
  })

  it('names an unknown component and suggests the one meant', () => {
    expect(check('unknown-component.md')).toEqual([
      'tests/fixtures/bad-decks/unknown-component.md:14 (slide 2): unknown component <DemoLnk>. Did you mean <DemoLink>? Slidev would leave it blank. Components live in components/.',
    ])
  })

  it('names an image that does not exist', () => {
    expect(check('missing-image.md')).toEqual([
      'tests/fixtures/bad-decks/missing-image.md:18 (slide 3): image "/charts/binary-size.png" not found: there is no public/charts/binary-size.png. Images go in public/ (and are written "/name.png") or next to the slides file.',
    ])
  })

  it('names a link to a demo folder that the demo repository lacks, and the folder meant', () => {
    expect(check('demo-folder-missing.md')).toEqual([
      'tests/fixtures/bad-decks/demo-folder-missing.md:14 (slide 2): the link to the demo repository points at "02-cross-compile/cross-compile-musl", which it does not have (tests/fixtures/demo-repo-tree.txt). Did you mean "02-ci/musl/cross-compile-musl"?',
    ])
  })

  it('names a demo id that data/deck.ts does not have', () => {
    expect(check('unknown-demo.md')).toEqual([
      'tests/fixtures/bad-decks/unknown-demo.md:12 (slide 2): <DemoLink id="locl">: no such demo. Did you mean "local"? Demos (data/deck.ts): local, ci, production, musl, wasm.',
    ])
  })

  it('names a demo whose folder in data/deck.ts is not in the demo repository', () => {
    const problems = checkDeck(fixture('good.md'), {
      root,
      demos: {
        local: { folder: '01-locale' },
      },
    })
    expect(problems.map(p => formatProblem(p, root))).toEqual([
      'tests/fixtures/bad-decks/good.md:20 (slide 3): <DemoLink id="local"> links to the folder "01-locale", which the demo repository does not have (tests/fixtures/demo-repo-tree.txt). Fix its folder in data/deck.ts.',
    ])
  })

  it('names the line where a code block is opened and never closed', () => {
    expect(check('unclosed-fence.md')).toEqual([
      'tests/fixtures/bad-decks/unclosed-fence.md:12 (slide 2): the code block opened here with ``` is never closed, so the rest of the slide shows as code. Add a line with ``` where the code ends.',
    ])
  })

  it('stops `slidev build` with the problems (the Vite plugin)', () => {
    const plugin = deckCheck({
      entry: fixture('unknown-component.md'),
      userRoot: root,
    })
    const context = {
      error: (message: string) => { throw new Error(message) },
    }
    expect(() => (plugin.buildStart as (this: typeof context) => void).call(context))
      .toThrow(/The deck has problems:\ntests\/fixtures\/bad-decks\/unknown-component\.md:14 \(slide 2\): unknown component <DemoLnk>/)
    expect(deckProblems(join(root, 'slides.md'), root)).toBe('')
  })
})
