// @vitest-environment node
import { globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { checkDeck, formatProblem, projectOf } from '../../addons/deck-check/check'
import { deckRoots, deckRules, deckSetup, main } from '../../addons/deck-check/deck'
import { deckCheck, deckProblems } from '../../addons/deck-check/vite-plugin'
import { validateKeys } from '../../addons/kit/keys'
import { demoRules } from '../../setup/deck-check'

const root = join(__dirname, '../..')
const fixture = (name: string) => join(root, 'tests/fixtures/bad-decks', name)
/**
 * The deck's roots, rules and keys, as `npm run check` and the build have them: the talk's demo
 * rules and `demo:` key, the road's pace plan and keys, the other addons' headmatter keys.
 */
const roots = deckRoots(join(root, 'slides.md'))
const { rules, keys } = await deckSetup(roots)
const check = (name: string) => checkDeck(fixture(name), { root, roots, rules, keys }).map(p => formatProblem(p, root))

describe('the deck check', () => {
  it('finds nothing wrong with the real slides.md', () => {
    expect(checkDeck(join(root, 'slides.md'), { root, roots, rules, keys })).toEqual([])
  })

  it('raises no false alarm on the keys of real decks no one here wrote (their own keys, Slidev\'s, their themes\')', () => {
    const decks = globSync('tests/real-decks/*/slides.md', { cwd: root })
    expect(decks.length).toBeGreaterThan(5)
    for (const deck of decks) {
      const source = readFileSync(join(root, deck), 'utf8')
      expect(validateKeys(keys, {
        file: deck,
        slides: parseSync(source, deck).slides,
        lines: source.split('\n'),
      }), deck).toEqual([])
    }
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
    expect(check('unknown-frontmatter-demo.md')).toEqual([
      'tests/fixtures/bad-decks/unknown-frontmatter-demo.md:10 (slide 2): demo "productoin" is not one it takes. Did you mean "production"? It takes: local, ci, production, musl, wasm (the demos in data/deck.ts).',
    ])
  })

  it('names a demo: on a slide that is not a backup, and none on a backup by layout or by key', () => {
    expect(check('demo-not-backup.md')).toEqual([
      'tests/fixtures/bad-decks/demo-not-backup.md:9 (slide 2): demo needs backup: true or layout: backup on the same slide (demo: the demo a backup slide belongs to; its backup layout names the demo\'s folder).',
    ])
  })

  it('names a misspelt key of Slidev\'s own, with the key meant, and no key of the deck\'s own that is close to none', () => {
    expect(check('misspelt-slidev-key.md')).toEqual([
      'tests/fixtures/bad-decks/misspelt-slidev-key.md:4 (slide 1): unknown headmatter key "colorSchem". Did you mean "colorSchema"?',
      'tests/fixtures/bad-decks/misspelt-slidev-key.md:10 (slide 2): unknown frontmatter key "layuot". Did you mean "layout"?',
      'tests/fixtures/bad-decks/misspelt-slidev-key.md:16 (slide 3): unknown frontmatter key "clas". Did you mean "class"?',
    ])
  })

  it('names a misspelt key of an addon on its own line, nested ones too, with the key meant', () => {
    expect(check('misspelt-addon-key.md')).toEqual([
      'tests/fixtures/bad-decks/misspelt-addon-key.md:5 (slide 1): the headmatter\'s staticSite has "preloadFont", which it does not know. Did you mean "preloadFonts"? It takes { preloadFonts, textFrom, allowRemote }.',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:8 (slide 1): the headmatter\'s offlineApp has "themeColour", which it does not know. Did you mean "themeColor"? It takes { shortName, themeColor, backgroundColor }.',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:10 (slide 1): the headmatter\'s follow has "brokr", which it does not know. Did you mean "broker"? It takes { broker, room, audience }.',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:13 (slide 1): the headmatter\'s handout.links[0] needs text (the link\'s text).',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:14 (slide 1): the headmatter\'s handout.links[0] has "txt", which it does not know. Did you mean "text"? It takes { label, text, href }.',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:22 (slide 2): unknown frontmatter key "backpu". Did you mean "backup"?',
      'tests/fixtures/bad-decks/misspelt-addon-key.md:23 (slide 2): unknown frontmatter key "planed". Did you mean "planned"?',
    ])
  })

  it('names a key of the wrong type', () => {
    expect(check('wrong-type.md')).toEqual([
      'tests/fixtures/bad-decks/wrong-type.md:5 (slide 1): the headmatter\'s staticSite.allowRemote must be true or false, not "no".',
      'tests/fixtures/bad-decks/wrong-type.md:6 (slide 1): the headmatter\'s staticSite.preloadFonts must be a list of strings, not "inter-latin-400-normal".',
      'tests/fixtures/bad-decks/wrong-type.md:8 (slide 1): the headmatter\'s deckCheck.emojiShortcodes must be true or false, not "yes".',
      'tests/fixtures/bad-decks/wrong-type.md:10 (slide 1): the headmatter\'s handout.links must be a list of { label, text, href }, not "github.com/kjuulh".',
      'tests/fixtures/bad-decks/wrong-type.md:16 (slide 2): backup must be true or false, not "yes".',
    ])
  })

  it('names a value a key does not take, and a key with none (a colour YAML read as a comment)', () => {
    expect(check('value-not-allowed.md')).toEqual([
      'tests/fixtures/bad-decks/value-not-allowed.md:4 (slide 1): the headmatter\'s duration "half an hour" cannot be read as a time. Write it as Slidev\'s duration is written: "5min", "90s", "1h 5min" or "4:30".',
      'tests/fixtures/bad-decks/value-not-allowed.md:6 (slide 1): the headmatter\'s offlineApp.themeColor must be a colour written #rrggbb, not "rust".',
      'tests/fixtures/bad-decks/value-not-allowed.md:7 (slide 1): the headmatter\'s offlineApp.backgroundColor has no value. YAML reads what follows " #" as a comment: put the value in quotes (\'#b7410e\').',
      'tests/fixtures/bad-decks/value-not-allowed.md:9 (slide 1): the headmatter\'s follow.broker "https://broker.example.org/mqtt" must use ws:// or wss:// (MQTT over WebSocket), not https.',
      'tests/fixtures/bad-decks/value-not-allowed.md:10 (slide 1): the headmatter\'s follow.room must be lower-case letters, digits and dashes (one MQTT topic level), not "My Talk".',
      'tests/fixtures/bad-decks/value-not-allowed.md:17 (slide 2): demo has no value.',
    ])
  })

  it('names a key without its companion, and two parts of one name', () => {
    expect(check('missing-companion.md')).toEqual([
      'tests/fixtures/bad-decks/missing-companion.md:12 (slide 2): part needs planned on the same slide (part: the part of the talk that starts on this slide, with its planned time).',
      'tests/fixtures/bad-decks/missing-companion.md:18 (slide 3): planned needs part on the same slide (planned: the planned length of the part that starts here, as duration is written).',
    ])
    expect(check('duplicate-part.md')).toEqual([
      'tests/fixtures/bad-decks/duplicate-part.md:12 (slide 2): part "Rust locally" is already the part of slide 1 (line 5): each slide\'s part must be its own.',
    ])
  })

  it('loads the keys of a root\'s setup/deck-check.ts: a named export, or the default export { rules, keys }', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-keys-'))
    try {
      for (const [name, source] of Object.entries({
        named: `export const keys = [{ where: 'slide', path: 'mood', type: 'string', values: ['calm'], description: 'the mood' }]\nexport default () => []\n`,
        both: `export default { rules: [() => [{ line: 1, slide: 1, message: 'a rule' }]], keys: [{ where: 'headmatter', path: 'pace', type: 'number', description: 'the pace' }] }\n`,
        rules: `export default [() => []]\n`,
      })) {
        mkdirSync(join(dir, name, 'setup'), { recursive: true })
        writeFileSync(join(dir, name, 'setup/deck-check.ts'), source)
      }
      const setup = await deckSetup(['named', 'both', 'rules'].map(name => join(dir, name)))
      expect(setup.keys.map(key => key.path)).toEqual(['mood', 'pace'])
      expect(setup.rules).toHaveLength(3)
      expect(await deckRules(['named', 'both', 'rules'].map(name => join(dir, name)))).toHaveLength(3)
      const file = join(dir, 'slides.md')
      writeFileSync(file, '---\npace: fast\n---\n\n# One\n\n---\nmood: clam\n---\n\n## Two\n')
      expect(checkDeck(file, {
        root: dir,
        roots: [dir],
        ...setup,
      }).map(p => formatProblem(p, dir))).toEqual([
        'slides.md:1 (slide 1): a rule',
        'slides.md:2 (slide 1): the headmatter\'s pace must be a number, not "fast".',
        'slides.md:8 (slide 2): mood "clam" is not one it takes. Did you mean "calm"? It takes: calm.',
      ])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
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
      expect(checkDeck(file, { root, roots, rules, keys }).map(p => formatProblem(p, dir))).toEqual([
        'slides.md:7 (slide 1): unknown component <Nope>. Slidev would leave it blank. Components live in components/.',
        'slides.md:17 (slide 2): unknown component <Neither>. Slidev would leave it blank. Components live in components/.',
      ])
      // Problems come in the order of their lines, whatever the order of the rules.
      writeFileSync(file, '# One\n\n---\ndemo: nope\nlayout: nope\n---\n\n## Two\n')
      expect(checkDeck(file, { root, roots, rules, keys }).map(p => `${p.line}: ${p.message.split('.')[0]}`)).toEqual([
        '4: demo "nope" is not one it takes',
        '4: demo needs backup: true or layout: backup on the same slide (demo: the demo a backup slide belongs to; its backup layout names the demo\'s folder)',
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
