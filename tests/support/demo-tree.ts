import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A copy of the demo repository's file list (shared demo-repo notes, tree.txt). */
const fixture = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/demo-repo-tree.txt')

/** Every folder of the demo repository, from the file list kept as a fixture. */
export function demoRepoFolders(file = fixture): Set<string> {
  const folders = new Set<string>()
  for (const path of readFileSync(file, 'utf8').split('\n').map(l => l.trim()).filter(Boolean)) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++)
      folders.add(parts.slice(0, i).join('/'))
  }
  return folders
}
