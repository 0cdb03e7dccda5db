import { describe, expect, it } from 'vitest'
import { deck, demoRepo, demos, folderUrl, repoUrl } from '../../data/deck'
import { demoRepoFolders } from '../support/demo-tree'

describe('the deck data module', () => {
  const folders = demoRepoFolders()

  it('names only folders that exist in the demo repository', () => {
    for (const [id, demo] of Object.entries(demos))
      expect(folders.has(demo.folder), `${id}: ${demo.folder}`).toBe(true)
  })

  it('does not link the musl demo to the path the original slides got wrong', () => {
    expect(folders.has('02-cross-compile/cross-compile-musl')).toBe(false)
    expect(demos.musl.folder).toBe('02-ci/musl/cross-compile-musl')
  })

  it('builds well-formed https links into the repository', () => {
    expect(new URL(repoUrl).href).toBe(`https://github.com/${demoRepo.owner}/${demoRepo.name}`)
    for (const demo of Object.values(demos)) {
      const url = new URL(folderUrl(demo.folder))
      expect(url.protocol).toBe('https:')
      expect(url.pathname).toBe(`/${demoRepo.owner}/${demoRepo.name}/tree/${demoRepo.branch}/${demo.folder}`)
    }
  })

  it('has a one-line description and the talk\'s label for every demo', () => {
    for (const demo of Object.values(demos)) {
      expect(demo.description).toMatch(/^\S.*\.$/)
      expect(demo.description).not.toContain('\n')
      expect(demo.label.startsWith(`${demoRepo.owner}/${demoRepo.name}/`)).toBe(true)
    }
  })

  it('has an absolute https public URL that ends in a slash', () => {
    const url = new URL(deck.publicUrl)
    expect(url.protocol).toBe('https:')
    expect(url.pathname.endsWith('/')).toBe(true)
  })

  it('has a feedback address that is an e-mail address', () => {
    expect(deck.feedbackEmail).toMatch(/^[^@\s]+@[^@\s]+\.\w+$/)
  })
})
