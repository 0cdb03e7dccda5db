import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { buildSite, exportFilename, root } from './slidev.ts'

export interface ExportOptions {
  /** A site built by `npm run build`: take its PDF instead of building one. */
  site?: string
  /** Where to write the PDF. Default: `<exportFilename>.pdf` at the repository root. */
  output?: string
  /** Show Slidev's output only if it fails. */
  quiet?: boolean
}

/**
 * The slides PDF: one page per slide, selectable text, live links, an outline of the slide titles.
 * It is the PDF that Slidev exports into the built site (`download`), so the file offered on the
 * hosted deck and this one are the same. Without `site`, the deck is built into a temporary
 * folder first.
 */
export async function exportSlidesPdf({ site, output, quiet }: ExportOptions = {}): Promise<string> {
  const name = `${exportFilename()}.pdf`
  const target = resolve(root, output ?? name)
  if (site) {
    const pdf = join(resolve(root, site), name)
    if (!existsSync(pdf))
      throw new Error(`${relative(root, pdf)} is missing: build the site first (npm run build)`)
    if (statSync(pdf).mtimeMs < statSync(join(root, 'slides.md')).mtimeMs)
      throw new Error(`${relative(root, pdf)} is older than slides.md: build the site again (npm run build)`)
    copyFileSync(pdf, target)
  }
  else {
    const temp = mkdtempSync(join(tmpdir(), 'deck-export-'))
    try {
      const dir = await buildSite({ out: temp, quiet })
      copyFileSync(join(dir, name), target)
    }
    finally {
      rmSync(temp, { recursive: true, force: true })
    }
  }
  console.log(`Slides PDF: ${relative(process.cwd(), target)} (${(statSync(target).size / 1024).toFixed(0)} KiB)`)
  return target
}
