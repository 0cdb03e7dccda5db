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

/**
 * axe, every rule, on the page as it is now. Legacy mode runs axe.run in the page, the page and its
 * frames in one go; the default mode would run each frame apart and open a blank page to merge the
 * results, more than doubling the time of every check. The deck's pages have no frames of another origin.
 */
export function axe(page: Page): AxeBuilder {
  // @axe-core/playwright is typed against its own copy of playwright-core's Page.
  return new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).setLegacyMode()
}

/** Serious and critical axe violations on the page as it is now (or in `within` alone), one line each. */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const { violations } = await (within
    ? axe(page).include(within)
    : axe(page)).analyze()
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

/**
 * Records the page's content security policy violations from its first script on, in every page
 * the page loads; `cspViolations` reads those of the page loaded now.
 */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', e => seen.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`))
  })
}

/** The violations `recordCspViolations` has seen in the page loaded now, one line each. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
}
