import { copyFileSync, existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { ogImage } from '../plugins/head-meta.ts'
import { isMain, parseArgs, root } from './slidev.ts'

/** The picture at the top of README.md: slide 1 as the build renders it for link previews. */
export const readmePicture = join(root, 'docs/deck.png')

/**
 * `npm run readme:picture [-- --site dist]`: copies the built site's og-image.png (slide 1, rendered
 * by the build) to docs/deck.png. `npm test` fails while the two differ.
 */
export function updateReadmePicture(site = join(root, 'dist')): string {
  const source = join(site, ogImage.file)
  if (!existsSync(source))
    throw new Error(`${relative(root, source)} is missing: run npm run build first.`)
  copyFileSync(source, readmePicture)
  return readmePicture
}

if (isMain(import.meta.url)) {
  const { options } = parseArgs(process.argv.slice(2), ['site'])
  try {
    const written = updateReadmePicture(options.site && resolve(root, options.site))
    console.log(`${relative(root, written)}: slide 1 of the built deck`)
  }
  catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
