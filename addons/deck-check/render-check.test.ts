import { describe, expect, it } from 'vitest'
import { renderView } from './render-check'

describe('the view the build renders every slide in', () => {
  it('is Slidev\'s print view when the build has it (download), as the PDF export renders', () => {
    expect(renderView({ download: true, presenter: true })).toBe('print')
    expect(renderView({ download: 'auto', presenter: false })).toBe('print')
  })

  it('is the overview without download, which every build with the presenter has', () => {
    expect(renderView({ download: false, presenter: true })).toBe('overview')
    expect(renderView({ presenter: 'build' })).toBe('overview')
  })

  it('is none when the build has neither', () => {
    expect(renderView({ download: false, presenter: 'dev' })).toBeUndefined()
    expect(renderView({ presenter: false })).toBeUndefined()
  })
})
