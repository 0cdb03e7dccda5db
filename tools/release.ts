import type { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './slidev.ts'

interface Manifest {
  name: string
  version: string
  private?: boolean
  license?: string
  repository?: { type?: string, url?: string, directory?: string }
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** The packages the release workflow publishes: every workspace under addons/. */
export function releasedPackages(): Array<{ dir: string, manifest: Manifest }> {
  return readdirSync(join(root, 'addons')).sort().map((name) => {
    const dir = join(root, 'addons', name)
    return {
      dir,
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
    }
  })
}

/**
 * What stops `npm publish --workspaces` from releasing `version` as promised: a package at another
 * version, one that depends on another of ours at another version, one without a licence file or a
 * repository folder, and whatever `npm publish --dry-run` refuses.
 */
export async function releaseProblems(version: string): Promise<string[]> {
  const packages = releasedPackages()
  const ours = new Set(packages.map(p => p.manifest.name))
  const problems: string[] = []
  for (const { dir, manifest } of packages) {
    const where = `addons/${dir.split('/').at(-1)}/package.json`
    if (manifest.version !== version)
      problems.push(`${where}: version ${manifest.version}, not ${version}`)
    if (manifest.private)
      problems.push(`${where}: private, so npm would not publish it`)
    for (const [dep, range] of Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    })) {
      if (ours.has(dep) && ![version, `^${version}`, `~${version}`].includes(range))
        problems.push(`${where}: depends on ${dep} ${range}, not ${version}`)
    }
    if (!readdirSync(dir).includes('LICENSE'))
      problems.push(`${where}: no LICENSE file beside it`)
    if (!manifest.repository?.directory)
      problems.push(`${where}: no repository.directory, so the registry cannot link to its folder`)
  }
  try {
    execFileSync('npm', [
      'publish',
      '--dry-run',
      '--workspaces',
      '--tag',
      'dry-run',
    ], { cwd: root, stdio: 'pipe' })
  }
  catch (error) {
    problems.push(`npm publish --dry-run: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n').slice(-5).join(' | ')}`)
  }
  return problems
}
