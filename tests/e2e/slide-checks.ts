import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import AxeBuilder from '@axe-core/playwright'
import { deckRoots } from '../../addons/deck-check/deck'
import { deckCharacters } from '../../addons/static-site/subset-fonts'

/** The characters the build keeps in the deck's subset fonts. */
export const fontCharacters = new Set(deckCharacters(deckRoots(join(process.cwd(), 'slides.md')), [
  readFileSync('slides.md', 'utf8'),
], [
  join(process.cwd(), 'data'),
]))
export const emoji = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\s]/u

/** Serious and critical axe violations on the page as it is now (or in `within` alone), one line each. */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // @axe-core/playwright is typed against its own copy of playwright-core's Page.
  const axe = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] })
  const { violations } = await (within
    ? axe.include(within)
    : axe).analyze()
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`))
}

/** Characters of `text` that the deck's subset fonts lack (emoji and white space aside). */
export function missingGlyphs(text: string): string[] {
  return [
    ...new Set(text),
  ].filter(c => !emoji.test(c) && !fontCharacters.has(c))
}
