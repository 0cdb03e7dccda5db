import { describe, expect, it } from 'vitest'
import { handoutFile, handoutOptions } from './options'

describe('what the handout shows of the headmatter', () => {
  it('takes the title, the author, the public address and the footer links', () => {
    expect(handoutOptions({
      title: 'A Small Tour',
      author: 'Ada',
      seoMeta: { ogUrl: 'https://example.org/tour/' },
      handout: {
        links: [
          { label: 'Code:', text: 'example.org/code', href: 'https://example.org/code' },
        ],
      },
    })).toEqual({
      title: 'A Small Tour',
      author: 'Ada',
      url: 'https://example.org/tour/',
      links: [
        { label: 'Code:', text: 'example.org/code', href: 'https://example.org/code' },
      ],
    })
  })

  it('shows no address and no links when the headmatter has none', () => {
    expect(handoutOptions({ title: 'T' })).toEqual({
      title: 'T',
      author: undefined,
      url: undefined,
      links: [],
    })
  })

  it('names the link it cannot show', () => {
    expect(() => handoutOptions({
      handout: { links: 'x' },
    })).toThrow(/handout\.links must be a list/)
    expect(() => handoutOptions({
      handout: {
        links: [
          { text: 'a' },
        ],
      },
    })).toThrow('slides.md: the headmatter\'s handout.links[0] needs href (the link\'s address).')
  })
})

describe('the handout PDF\'s name', () => {
  it('is the slides PDF\'s with -handout, Slidev\'s default name when the headmatter has no exportFilename', () => {
    expect(handoutFile({ exportFilename: 'sqlite-tour' })).toBe('sqlite-tour-handout.pdf')
    expect(handoutFile({ exportFilename: '' })).toBe('slidev-exported-handout.pdf')
    expect(handoutFile({})).toBe('slidev-exported-handout.pdf')
  })
})
