import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { buildSite, exportFilename, root } from './slidev.ts'

export interface HandoutOptions {
  /** A site built by `npm run build`: take its handout PDF instead of building the deck. */
  site?: string
  /** Where to write the PDF. Default: `<exportFilename>-handout.pdf` at the repository root. */
  output?: string
  /** Show Slidev's output only if the build fails. */
  quiet?: boolean
}

/**
 * The handout PDF, as `slidev build` prints it into the site (slidev-addon-handout): taken from a
 * site built already (`site`), or from a build into a temporary folder (without the slides PDF,
 * which the handout does not need).
 */
export async function exportHandout({ site, output, quiet }: HandoutOptions = {}): Promise<string> {
  const name = `${exportFilename()}-handout.pdf`
  const target = resolve(root, output ?? name)
  const temp = site
    ? undefined
    : mkdtempSync(join(tmpdir(), 'deck-handout-'))
  try {
    const dir = site
      ? resolve(root, site)
      : await buildSite({ out: temp, download: false, quiet })
    const pdf = join(dir, name)
    if (!existsSync(pdf)) {
      throw new Error(site
        ? `${relative(root, pdf)} is missing: build the site first (npm run build)`
        : `slidev build wrote no ${name}: the headmatter's addons do not list handout, or the build had no browser (its output says which)`)
    }
    if (site && statSync(pdf).mtimeMs < statSync(join(root, 'slides.md')).mtimeMs)
      throw new Error(`${relative(root, pdf)} is older than slides.md: build the site again (npm run build)`)
    copyFileSync(pdf, target)
  }
  finally {
    if (temp)
      rmSync(temp, { recursive: true, force: true })
  }
  console.log(`Handout PDF: ${relative(process.cwd(), target)} (${(statSync(target).size / 1024).toFixed(0)} KiB)`)
  return target
}
