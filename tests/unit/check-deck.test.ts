// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDeck, formatProblem, projectOf } from '../../addons/deck-check/check'
import { deckRoots, deckRules, main } from '../../addons/deck-check/deck'
import { deckCheck, deckProblems } from '../../addons/deck-check/vite-plugin'
import { demoRules } from '../../setup/deck-check'

const root = join(__dirname, '../..')
const fixture = (name: string) => join(root, 'tests/fixtures/bad-decks', name)
/** The deck's roots and rules, as `npm run check` and the build have them: the talk's demo rules, the road's pace plan. */
const roots = deckRoots(join(root, 'slides.md'))
const rules = await deckRules(roots)
const check = (name: string) => checkDeck(fixture(name), { root, roots, rules }).map(p => formatProblem(p, root))

describe('the deck check', () => {
  it('finds nothing wrong with the real slides.md', () => {
    expect(checkDeck(join(root, 'slides.md'), { root, roots, rules })).toEqual([])
  })

  it('finds nothing wrong with a good deck full of look-alikes (code, inline code, notes, icons, images that exist)', () => {
    expect(check('good.md')).toEqual([])
  })

  it('names the slide and line of frontmatter that is not valid YAML', () => {
    const [problem, ...rest] = check('frontmatter-yaml.md')
    expect(rest).toEqual([])
    expect(problem).toMatch(/^tests\/fixtures\/bad-decks\/frontmatter-yaml\.md:10 \(slide 2\): the frontmatter between the --- lines is not valid YAML \(.+\)\. Each line is "key: value"/)
  })

  it('names frontmatter that YAML reads but that is not "key: value" lines', () => {
    expect(check('frontmatter-not-key-value.md')).toEqual([
      'tests/fixtures/bad-decks/frontmatter-not-key-value.md:9 (slide 2): the frontmatter between the --- lines must be "key: value" lines (is a space missing after a colon?).',
    ])
  })

  it('names an unknown layout, suggests the one meant and lists the layouts there are', () => {
    const [problem, ...rest] = check('unknown-layout.md')
    expect(rest).toEqual([])
    expect(problem).toMatch(/^tests\/fixtures\/bad-decks\/unknown-layout\.md:9 \(slide 2\): unknown layout "secton"\. Did you mean "section"\? Layouts: .+\.$/)
    // The deck's own layout, the theme's and Slidev's built-in ones are all offered.
    for (const layout of ['backup', 'cover', 'two-cols'])
      expect(problem).toMatch(new RegExp(`Layouts: (.+, )?${layout}(,|\\.$)`))
  })

  it('names an unknown component and suggests the one meant', () => {
    expect(check('unknown-component.md')).toEqual([
      'tests/fixtures/bad-decks/unknown-component.md:14 (slide 2): unknown component <DemoLnk>. Did you mean <DemoLink>? Slidev would leave it blank. Components live in components/.',
      'tests/fixtures/bad-decks/unknown-component.md:16 (slide 2): unknown component <fancy-box>. Slidev would leave it blank. Components live in components/.',
    ])
  })

  it('names images that do not exist, in markdown, in an <img> tag and in the frontmatter', () => {
    expect(check('missing-image.md')).toEqual([
      'tests/fixtures/bad-decks/missing-image.md:18 (slide 3): image "/charts/binary-size.png" not found: there is no public/charts/binary-size.png. Images go in public/ (and are written "/name.png") or next to the slides file.',
      'tests/fixtures/bad-decks/missing-image.md:24 (slide 4): image "photos/ferris.png" not found: there is no tests/fixtures/bad-decks/photos/ferris.png. Images go in public/ (and are written "/name.png") or next to the slides file.',
    ])
    expect(check('frontmatter-image-missing.md')).toEqual([
      'tests/fixtures/bad-decks/frontmatter-image-missing.md:10 (slide 2): image "/charts/binary-size.png" not found: there is no public/charts/binary-size.png. Images go in public/ (and are written "/name.png") or next to the slides file.',
      'tests/fixtures/bad-decks/frontmatter-image-missing.md:17 (slide 3): image "./photos/rustacean.jpg" not found: there is no tests/fixtures/bad-decks/photos/rustacean.jpg. Images go in public/ (and are written "/name.png") or next to the slides file.',
      'tests/fixtures/bad-decks/frontmatter-image-missing.md:24 (slide 4): image "/photos/ferris.png" not found: there is no public/photos/ferris.png. Images go in public/ (and are written "/name.png") or next to the slides file.',
    ])
  })

  it('names a link to a demo folder that the demo repository lacks, and the folder meant', () => {
    expect(check('demo-folder-missing.md')).toEqual([
      'tests/fixtures/bad-decks/demo-folder-missing.md:14 (slide 2): the link to the demo repository points at "02-cross-compile/cross-compile-musl", which it does not have (data/demo-repo-tree.txt). Did you mean "02-ci/musl/cross-compile-musl"?',
    ])
  })

  it('names a <DemoLink> id that data/deck.ts does not have, and the demo meant', () => {
    const [first, second, ...rest] = check('unknown-demo.md')
    expect(rest).toEqual([])
    expect(first).toMatch(/^tests\/fixtures\/bad-decks\/unknown-demo\.md:12 \(slide 2\): <DemoLink id="locl">: no such demo\. Did you mean "local"\? Demos \(data\/deck\.ts\): .+\.$/)
    expect(first).toMatch(/Demos \(data\/deck\.ts\): (.+, )?production(,|\.$)/)
    // Other attributes before it, spaces around =, single quotes.
    expect(second).toMatch(/^tests\/fixtures\/bad-decks\/unknown-demo\.md:14 \(slide 2\): <DemoLink id="muls">: no such demo\. Did you mean "musl"\? /)
  })

  it('names a frontmatter demo: that data/deck.ts does not have, and the demo meant', () => {
    const [problem, ...rest] = check('unknown-frontmatter-demo.md')
    expect(rest).toEqual([])
    expect(problem).toMatch(/^tests\/fixtures\/bad-decks\/unknown-frontmatter-demo\.md:10 \(slide 2\): no demo "productoin"\. Did you mean "production"\? Demos \(data\/deck\.ts\): .+\.$/)
    expect(problem).toMatch(/Demos \(data\/deck\.ts\): (.+, )?local(,|\.$)/)
  })

  it('names a demo whose folder in data/deck.ts is not in the demo repository', () => {
    const problems = checkDeck(fixture('good.md'), {
      root,
      roots,
      rules: [
        demoRules({
          demos: {
            local: { folder: '01-locale' },
            ci: { folder: '02-ci' },
            production: { folder: '03-production' },
          },
        }),
      ],
    })
    expect(problems.map(p => formatProblem(p, root))).toEqual([
      'tests/fixtures/bad-decks/good.md:20 (slide 3): <DemoLink id="local"> links to the folder "01-locale", which the demo repository does not have (data/demo-repo-tree.txt). Fix its folder in data/deck.ts.',
    ])
  })

  it('reads the demo repository\'s file list it is given, comments and all', () => {
    const tree = '# a comment line\n01-local/Cargo.toml\n  02-ci/musl/cross-compile-musl/Cargo.toml  \n\n03-production/\n'
    const demos = {
      local: { folder: '01-local' },
      ci: { folder: '02-ci' },
      production: { folder: '03-production' },
    }
    expect(checkDeck(fixture('good.md'), {
      root,
      roots,
      rules: [
        demoRules({ demos, demoTree: tree }),
      ],
    }).map(p => formatProblem(p, root))).toEqual([])
    expect(checkDeck(fixture('good.md'), {
      root,
      roots,
      rules: [
        demoRules({
          demos: {
            ...demos,
            local: { folder: '# a comment line' },
          },
          demoTree: tree,
        }),
      ],
    }).map(p => p.line)).toEqual([20])
  })

  it('names the line where a code block is opened and never closed', () => {
    expect(check('unclosed-fence.md')).toEqual([
      'tests/fixtures/bad-decks/unclosed-fence.md:12 (slide 2): the code block opened here with ``` is never closed, so the rest of the slide shows as code. Add a line with ``` where the code ends.',
    ])
  })

  it('counts slides as their URLs do: a hidden or disabled slide has no number of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-'))
    try {
      const file = join(dir, 'slides.md')
      writeFileSync(file, '# One\n\n---\nhide: true\n---\n\n## Hidden <Nope />\n\n---\ndisabled: true\n---\n\n## Disabled\n\n---\n\n## Two <Neither />\n')
      expect(checkDeck(file, { root, roots, rules }).map(p => formatProblem(p, dir))).toEqual([
        'slides.md:7 (slide 1): unknown component <Nope>. Slidev would leave it blank. Components live in components/.',
        'slides.md:17 (slide 2): unknown component <Neither>. Slidev would leave it blank. Components live in components/.',
      ])
      // Problems come in the order of their lines, whatever the order of the rules.
      writeFileSync(file, '# One\n\n---\ndemo: nope\nlayout: nope\n---\n\n## Two\n')
      expect(checkDeck(file, { root, roots, rules }).map(p => `${p.line}: ${p.message.split('.')[0]}`)).toEqual([
        '4: no demo "nope"',
        '5: unknown layout "nope"',
      ])
      // A file in no project: the deck is its folder.
      expect(projectOf(file)).toBe(dir)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('skips code blocks, inline code and comments, and reads everything after them', () => {
    expect(check('masking.md').map(p => p.replace(/\. Slidev would leave it blank\. Components live in components\/\.$/, ''))).toEqual([
      'tests/fixtures/bad-decks/masking.md:23 (slide 2): unknown component <AfterInlineCode>',
      'tests/fixtures/bad-decks/masking.md:25 (slide 2): unknown component <AfterCode>',
      'tests/fixtures/bad-decks/masking.md:25 (slide 2): unknown component <AfterDoubleTick>',
      'tests/fixtures/bad-decks/masking.md:27 (slide 2): unknown component <AfterComment>',
      'tests/fixtures/bad-decks/masking.md:31 (slide 2): unknown component <AfterMultiLineComment>',
      'tests/fixtures/bad-decks/masking.md:36 (slide 2): unknown component <AfterIndentedClose>',
      'tests/fixtures/bad-decks/masking.md:42 (slide 2): unknown component <AfterTilde>',
    ])
  })

  it('knows the layouts and components of a theme in the deck\'s folder, and images in its public/', () => {
    const deck = fixture('.')
    expect(checkDeck(fixture('theme-local.md'), {
      root: deck,
      roots: [
        fixture('theme'),
        deck,
      ],
    }).map(p => formatProblem(p, root))).toEqual([
      // A test file beside the theme's components is not a component.
      'tests/fixtures/bad-decks/theme-local.md:16 (slide 2): unknown component <ThemeBadge.test>. Did you mean <ThemeBadge>? Slidev would leave it blank. Components live in components/.',
    ])
    expect(checkDeck(fixture('theme-missing.md'), { root: deck }).map(p => formatProblem(p, root).replace(/ Layouts: .*/, ''))).toEqual([
      'tests/fixtures/bad-decks/theme-missing.md:9 (slide 2): unknown layout "poster".',
      'tests/fixtures/bad-decks/theme-missing.md:14 (slide 2): unknown component <ThemeBadge>. Slidev would leave it blank. Components live in components/.',
    ])
  })

  it('runs from the command line: problems and a summary, exit code 1; or a word that all is well', async () => {
    const out = { log: [] as string[], error: [] as string[] }
    const io = {
      log: (l: string) => out.log.push(l),
      error: (l: string) => out.error.push(l),
    }
    expect(await main([
      fixture('unknown-layout.md'),
    ], io)).toBe(1)
    expect(out.error).toHaveLength(2)
    expect(out.error[0]).toMatch(/^tests\/fixtures\/bad-decks\/unknown-layout\.md:9 \(slide 2\): unknown layout "secton"/)
    expect(out.error[1]).toBe('\n1 problem in the deck: fix it and run again.')
    out.error.length = 0
    expect(await main([
      fixture('unknown-layout.md'),
      fixture('unclosed-fence.md'),
    ], io)).toBe(1)
    expect(out.error.at(-1)).toBe('\n2 problems in the deck: fix them and run again.')
    expect(out.log).toEqual([])
    expect(await main([
      fixture('good.md'),
      'slides.md',
    ], io)).toBe(0)
    expect(await main([], io)).toBe(0)
    expect(out.log).toEqual([
      `deck check: ${fixture('good.md')}, slides.md has no problems`,
      'deck check: slides.md has no problems',
    ])
  })

  it('stops `slidev build` with the problems (the Vite plugin)', async () => {
    const plugin = deckCheck({
      entry: fixture('unknown-component.md'),
      userRoot: root,
      roots,
    })
    const context = {
      error: (message: string) => { throw new Error(message) },
    }
    await expect((plugin.buildStart as (this: typeof context) => Promise<void>).call(context))
      .rejects
      .toThrow(/The deck has problems:\ntests\/fixtures\/bad-decks\/unknown-component\.md:14 \(slide 2\): unknown component <DemoLnk>/)
    expect(await deckProblems(join(root, 'slides.md'), root, roots)).toBe('')
  })
})
