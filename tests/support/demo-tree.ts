import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The demo repository's file list as the deck keeps it: `tree.txt` of kjuulh/building-rust-for-production
 * at the commit `demoRepo.commit` names, with `#` comment lines on top.
 */
export const demoTreeFile = join(dirname(fileURLToPath(import.meta.url)), '../../data/demo-repo-tree.txt')

/** Every folder of the demo repository, from its file list. */
export function demoRepoFolders(file = demoTreeFile): Set<string> {
  const folders = new Set<string>()
  for (const path of readFileSync(file, 'utf8').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++)
      folders.add(parts.slice(0, i).join('/'))
  }
  return folders
}
