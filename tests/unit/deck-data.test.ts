import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { deck, demoRepo, demos, fileUrl, folderUrl, repoLabel, repoUrl } from '../../data/deck'
import { demoFolders, demoFolderUrl, publicUrl } from '../fixtures/demo-repo'
import { demoRepoFolders } from '../support/demo-tree'

describe('the deck data module', () => {
  const folders = demoRepoFolders()

  it('names only folders that exist in the demo repository', () => {
    expect(folders.size).toBeGreaterThan(10)
    for (const [id, demo] of Object.entries(demos))
      expect(folders.has(demo.folder), `${id}: ${demo.folder}`).toBe(true)
  })

  it('links each of the talk\'s demos to the folder that holds it', () => {
    for (const [id, folder] of Object.entries(demoFolders))
      expect(demos[id as keyof typeof demos]?.folder, id).toBe(folder)
  })

  it('does not link the musl demo to the path the original slides got wrong', () => {
    expect(folders.has('02-cross-compile/cross-compile-musl')).toBe(false)
  })

  it('links the demo repository on github.com, its default branch, with a scheme', () => {
    expect(repoUrl).toBe('https://github.com/kjuulh/building-rust-for-production')
    expect(repoLabel).toBe('github.com/kjuulh/building-rust-for-production')
    expect(folderUrl('02-ci/musl/cross-compile-musl')).toBe('https://github.com/kjuulh/building-rust-for-production/tree/main/02-ci/musl/cross-compile-musl')
    for (const id of Object.keys(demoFolders))
      expect(folderUrl(demos[id as keyof typeof demos].folder), id).toBe(demoFolderUrl(id))
    expect(fileUrl('03-production/README.md')).toBe('https://github.com/kjuulh/building-rust-for-production/blob/main/03-production/README.md')
    expect(demoRepo.commit).toBe('9900a470f71d31e5774193c04958e3cfd5c8d5a0')
  })

  it('has a one-line description and the talk\'s label for every demo', () => {
    for (const [id, demo] of Object.entries(demos)) {
      expect(demo.description, id).toMatch(/^\S.*\.$/)
      expect(demo.description, id).not.toContain('\n')
      expect(demo.label, id).toMatch(/^kjuulh\/building-rust-for-production\/[\w-]+$/)
    }
    // The labels the talk itself printed.
    expect(demos.local.label).toBe('kjuulh/building-rust-for-production/local')
    expect(demos.musl.label).toBe('kjuulh/building-rust-for-production/cross-compile-musl')
  })

  it('names the talk, its speaker and where the deck is hosted', () => {
    expect(deck.title).toBe('Building Rust for Production')
    expect(deck.speaker).toBe('Kasper Juul Hermansen')
    expect(deck.role).toBe('Platform Engineer @ Lunar')
    expect(deck.publicUrl).toBe(publicUrl)
    expect(deck.feedbackEmail).toBe('contact@kasperhermansen.com')
  })

  it('gives the addons the same facts in the headmatter: public URL, demo repository, accent colour, title, speaker', () => {
    const root = join(__dirname, '../..')
    const headmatter = parseSync(readFileSync(join(root, 'slides.md'), 'utf8'), 'slides.md').slides[0].frontmatter
    expect(headmatter.seoMeta.ogUrl).toBe(deck.publicUrl)
    expect(headmatter.handout.links).toEqual([
      { label: 'Demos:', text: repoLabel, href: repoUrl },
    ])
    const accent = readFileSync(join(root, 'styles/index.css'), 'utf8').match(/--deck-accent:\s*(#[\da-f]{6})/i)?.[1]
    expect(headmatter.offlineApp.themeColor).toBe(accent)
    expect(headmatter.title).toBe(deck.title)
    expect(headmatter.author).toBe(deck.speaker)
  })
})
