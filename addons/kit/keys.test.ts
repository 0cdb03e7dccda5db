// @vitest-environment node
import type { KeyDeclaration } from './keys'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { closestKey, optionProblems, readOptions, slidevFrontmatterKeys, slidevHeadmatterKeys, validateKeys } from './keys'

const keys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'site',
    type: 'map',
    description: 'the site',
  },
  {
    where: 'headmatter',
    path: 'site.fonts',
    type: 'string list',
    description: 'fonts',
  },
  {
    where: 'headmatter',
    path: 'site.remote',
    type: 'boolean',
    description: 'remote',
  },
  {
    where: 'headmatter',
    path: 'site.colour',
    type: 'string',
    pattern: { test: /^#[\da-f]{6}$/i, words: 'a colour written #rrggbb' },
    description: 'colour',
  },
  {
    where: 'headmatter',
    path: 'site.links',
    type: 'list of maps',
    description: 'links',
  },
  {
    where: 'headmatter',
    path: 'site.links[].text',
    type: 'string',
    required: true,
    description: 'the link\'s text',
  },
  {
    where: 'headmatter',
    path: 'site.links[].href',
    type: 'string',
    required: true,
    description: 'the address',
  },
  {
    where: 'slide',
    path: 'part',
    type: 'string',
    unique: true,
    needs: ['planned'],
    description: 'the part that starts here',
  },
  {
    where: 'slide',
    path: 'planned',
    type: ['string', 'number'],
    needs: ['part'],
    check: v => v === 'soon'
      ? '"soon" cannot be read as a time'
      : undefined,
    description: 'the part\'s planned time',
  },
  {
    where: 'slide',
    path: 'backup',
    type: 'boolean',
    description: 'a backup slide',
  },
  {
    where: 'slide',
    path: 'demo',
    type: 'string',
    values: () => ['local', 'production'],
    valuesFrom: 'data/deck.ts',
    needs: [
      { path: 'backup', value: true },
      { path: 'layout', value: 'backup' },
    ],
    description: 'the demo of a backup slide',
  },
]

function check(markdown: string) {
  const { slides } = parseSync(markdown, 'slides.md')
  return validateKeys(keys, {
    file: 'slides.md',
    slides,
    lines: markdown.split('\n'),
  }).map(p => `${p.line} (${p.slide}): ${p.message}`)
}

describe('key declarations', () => {
  it('read an addon\'s options, or name the key that is wrong', () => {
    expect(readOptions(keys, 'site', {
      fonts: ['a'],
    })).toEqual({
      fonts: ['a'],
    })
    expect(readOptions(keys, 'site', undefined)).toBeUndefined()
    expect(() => readOptions(keys, 'site', { remote: 'no' }, 'talk.md')).toThrow('talk.md: the headmatter\'s site.remote must be true or false, not "no".')
    expect(() => readOptions(keys, 'site', 3)).toThrow(TypeError)
    expect(optionProblems(keys, 'site', {
      font: [],
      colour: 'red',
      links: [
        { text: 'x' },
        'y',
      ],
    })).toEqual([
      'the headmatter\'s site has "font", which it does not know. Did you mean "fonts"? It takes { fonts, remote, colour, links }.',
      'the headmatter\'s site.colour must be a colour written #rrggbb, not "red".',
      'the headmatter\'s site.links[0] needs href (the address).',
      'the headmatter\'s site.links[1] must be a map of { text, href }, not "y".',
    ])
  })

  it('name the line of each key, nested ones too, and the slide', () => {
    expect(check([
      '---',
      'layuot: cover',
      'site:',
      '  fonts: [a]',
      '  remot: true',
      '  links:',
      '    - text: x',
      '      href: 3',
      '---',
      '',
      '# One',
      '',
      '---',
      'part: Intro',
      'planned: soon',
      '---',
      '',
      '---',
      'hide: true',
      'backup: yes',
      '---',
      '',
      '---',
      'part: Intro',
      'planed: 3min',
      'demo: productoin',
      'site: {}',
      '---',
      '',
      '```yaml',
      '---',
      '```',
    ].join('\n'))).toEqual([
      '2 (1): unknown headmatter key "layuot". Did you mean "layout"?',
      '5 (1): the headmatter\'s site has "remot", which it does not know. Did you mean "remote"? It takes { fonts, remote, colour, links }.',
      '8 (1): the headmatter\'s site.links[0].href must be text, not 3.',
      '15 (2): planned "soon" cannot be read as a time',
      '20 (2): backup must be true or false, not "yes".',
      '24 (3): part needs planned on the same slide (part: the part that starts here).',
      '24 (3): part "Intro" is already the part of slide 2 (line 14): each slide\'s part must be its own.',
      '25 (3): unknown frontmatter key "planed". Did you mean "planned"?',
      '26 (3): demo "productoin" is not one it takes. Did you mean "production"? It takes: local, production (data/deck.ts).',
      '26 (3): demo needs backup: true or layout: backup on the same slide (demo: the demo of a backup slide).',
      '27 (3): site is read from the headmatter (the first slide\'s frontmatter) only, so here it does nothing. Move it to the headmatter.',
    ])
  })

  it('name a key without a value, unless it may have none, and place a frontmatter written as a yaml block', () => {
    expect(readOptions(keys, 'site', null)).toBeUndefined()
    expect(() => readOptions(keys, 'site', { colour: null })).toThrow('slides.md: the headmatter\'s site.colour has no value.')
    expect(check('---\nsite:\n  colour: #b7410e\n---\n\n# One\n\n---\n\n```yaml\nbackup: 1\nplanned:\n```\n\n# Two\n')).toEqual([
      '3 (1): the headmatter\'s site.colour has no value. YAML reads what follows " #" as a comment: put the value in quotes (\'#b7410e\').',
      '11 (2): backup must be true or false, not 1.',
      '12 (2): planned has no value.',
      '12 (2): planned needs part on the same slide (planned: the part\'s planned time).',
    ])
  })

  it('name a nested key written as one dotted key', () => {
    expect(check('---\nsite.remote: false\n---\n\n# One\n')).toEqual([
      '2 (1): "site.remote" is one key here, not remote inside site: write "site:" and, indented below it, "remote:".',
    ])
  })

  it('say nothing of a key of the deck\'s own that is close to no known key', () => {
    expect(check('---\nlevel: 2\nmyOwnThing: 3\ncolor: red\n---\n\n# x\n\n---\nlayout: backup\ndemo: local\nbackground: /x.png\n---\n')).toEqual([])
  })

  it('guess only near misses for short keys', () => {
    expect(closestKey('clas', ['class'])).toBe('class')
    expect(closestKey('name', ['hide', 'zoom'])).toBeUndefined()
    expect(closestKey('layuot', ['layout'])).toBe('layout')
  })

  it('list Slidev\'s own keys as its installed types declare them', () => {
    const require = createRequire(import.meta.url)
    const types = readFileSync(join(dirname(require.resolve('@slidev/types/package.json')), 'dist/index.d.mts'), 'utf8')
    const keysOf = (name: string) => {
      const start = types.indexOf('{', types.indexOf(`export interface ${name} `)) + 1
      const names: string[] = []
      let depth = 0
      let end = start
      for (; depth >= 0; end++) {
        if (types[end] === '{' || types[end] === '(')
          depth++
        if (types[end] === '}' || types[end] === ')')
          depth--
        if (depth === 0 && types[end] === '\n') {
          const match = types.slice(end + 1).match(/^ {2}(\w+)\??:/)
          if (match)
            names.push(match[1])
        }
      }
      return names
    }
    const transition = keysOf('TransitionOptions')
    expect([...slidevFrontmatterKeys].sort()).toEqual([
      ...keysOf('Frontmatter'),
      ...transition,
    ].sort())
    expect([...slidevHeadmatterKeys].sort()).toEqual([
      ...keysOf('HeadmatterConfig'),
      ...transition,
      ...keysOf('Headmatter'),
    ].sort())
  })
})
