import type { KeyDeclaration } from 'slidev-addons-kit/keys'
import { readOptions } from 'slidev-addons-kit/keys'

/** The headmatter's `offlineApp:` options. */
export interface OfflineAppOptions {
  /** The name under the app's icon (default: the title). */
  shortName?: string
  /** The colour of the installed app's title bar, `#rrggbb` (default white). */
  themeColor: string
  /** The splash screen's colour, `#rrggbb` (default white). */
  backgroundColor: string
}

const colour = { test: /^#(?:[\da-f]{3}|[\da-f]{6}|[\da-f]{8})$/i, words: 'a colour written #rrggbb' }

/**
 * The keys the offline app reads of its own, declared once (slidev-addons-kit/keys):
 * `offlineAppOptions` reads `offlineApp:` through them at build time, and setup/deck-check.ts gives
 * them to the deck check, which names a wrong or misspelt one by its line in `npm run check`.
 */
export const offlineAppKeys: KeyDeclaration[] = [
  {
    where: 'headmatter',
    path: 'offlineApp',
    type: 'map',
    description: 'the installed app\'s name and colours',
  },
  {
    where: 'headmatter',
    path: 'offlineApp.shortName',
    type: 'string',
    description: 'the name under the app\'s icon (default: the title)',
  },
  {
    where: 'headmatter',
    path: 'offlineApp.themeColor',
    type: 'string',
    pattern: colour,
    description: 'the colour of the installed app\'s title bar',
  },
  {
    where: 'headmatter',
    path: 'offlineApp.backgroundColor',
    type: 'string',
    pattern: colour,
    description: 'the splash screen\'s colour',
  },
]

/** Reads `offlineApp:` from the headmatter as `offlineAppKeys` declares it; a wrong value is an error that names the file and key. */
export function offlineAppOptions(raw: unknown, file = 'slides.md'): OfflineAppOptions {
  const options = readOptions<Partial<OfflineAppOptions>>(offlineAppKeys, 'offlineApp', raw, file) ?? {}
  return {
    shortName: options.shortName,
    themeColor: options.themeColor ?? '#ffffff',
    backgroundColor: options.backgroundColor ?? '#ffffff',
  }
}
