import { describe, expect, it } from 'vitest'
import { fenceLanguage, scanMarkdown } from './markdown'

describe('the markdown scanner', () => {
  it('blanks out fenced code, inline code and comments, keeping each line\'s length', () => {
    const lines = [
      'Before `<Inline />` after',
      '```vue {1|2}',
      '<Component />',
      '```',
      'Text <!-- <InComment /> --> <After />',
      '<!--',
      '<Hidden />',
      '-->',
    ]
    const { masked, fences } = scanMarkdown(lines)
    expect(masked.map(line => line.length)).toEqual(lines.map(line => line.length))
    expect(masked.join('\n')).not.toMatch(/Inline|Component|InComment|Hidden/)
    expect(masked[4]).toContain('<After />')
    expect(fences).toEqual([
      {
        start: 1,
        end: 3,
        marker: '```',
        info: 'vue {1|2}',
        lang: 'vue',
        code: ['<Component />'],
      },
    ])
  })

  it('closes a fence only with the same character, at least as long, and nothing after it', () => {
    const { fences } = scanMarkdown([
      '````md',
      '```',
      '~~~~',
      '```` not a close',
      '````',
    ])
    expect(fences).toEqual([
      {
        start: 0,
        end: 4,
        marker: '````',
        info: 'md',
        lang: 'md',
        code: ['```', '~~~~', '```` not a close'],
      },
    ])
  })

  it('reports a fence that is never closed', () => {
    const [fence] = scanMarkdown(['~~~ts', 'const a = 1']).fences
    expect(fence).toMatchObject({
      start: 0,
      lang: 'ts',
      code: ['const a = 1'],
    })
    expect(fence.end).toBeUndefined()
  })

  it('takes a backtick run with a backtick in its info string for inline code, not a fence', () => {
    expect(scanMarkdown(['``` `x` ```', '<After />']).fences).toEqual([])
  })

  it('masks a double-backtick code span with a backtick inside it', () => {
    expect(scanMarkdown(['``a ` <NotAComponent />`` <Real />']).masked[0]).toMatch(/^\s+<Real \/>$/)
  })

  it('leaves a lone backtick as text', () => {
    expect(scanMarkdown(['a ` b <Tag />']).masked[0]).toBe('a ` b <Tag />')
  })

  it('reads the language of an info string', () => {
    expect(fenceLanguage('rust {1-2|all}')).toBe('rust')
    expect(fenceLanguage('ts [main.ts] {2}')).toBe('ts')
    expect(fenceLanguage('{1|2}')).toBe('')
    expect(fenceLanguage('')).toBe('')
  })
})
