import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { deck } from '../../data/deck'
import { comparePngs, pngSize } from '../support/images'
import { currentSlide, expect, openSlide, test } from './fixtures'

/** The tags of the built index.html a link preview reads, by property or name. */
function metaTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const match of html.matchAll(/<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"/g))
    tags[match[1]] = match[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"')
  return tags
}

/**
 * Pixels (of 1200×630) that may differ clearly between two renders of slide 1. Two renders in the
 * same Chromium differ by none; one changed letter in the subtitle ("Lunar" to "Lunas") changes about 60.
 */
const maxDifferingPixels = 20

const headmatter = parseSync(readFileSync('slides.md', 'utf8'), 'slides.md').slides[0].frontmatter as Record<string, string>

test.describe('a link to the deck, pasted into a chat', () => {
  test('shows the talk\'s title, its description and a large picture from the deck\'s public address', async ({ request }) => {
    const html = await (await request.get('')).text()
    const tags = metaTags(html)
    expect(html.match(/<title>([^<]*)<\/title>/)?.[1]).toBe(deck.title)
    expect(headmatter.title).toBe(deck.title)
    expect(tags['og:title']).toBe(deck.title)
    expect(tags['twitter:title']).toBe(deck.title)
    expect(html).not.toMatch(/Slidev<\/title>|content="[^"]*- Slidev"/)
    const description = headmatter.info.replace(/\s+/g, ' ').trim()
    expect(tags['og:description']).toBe(description)
    expect(tags['twitter:description']).toBe(description)
    expect(tags['og:type']).toBe('website')
    expect(tags['og:url']).toBe(deck.publicUrl)
    expect(tags['twitter:card']).toBe('summary_large_image')
    const image = tags['og:image']
    expect(image).toMatch(/\.png$/)
    expect(image.startsWith(deck.publicUrl)).toBe(true)
    expect(tags['twitter:image']).toBe(image)
    expect(tags['og:image:alt']).toContain(deck.title)

    // The picture is published in the site, at the same place below the site's root.
    const response = await request.get(image.slice(deck.publicUrl.length))
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('image/png')
    const png = await response.body()
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 })
    expect(Number(tags['og:image:width'])).toBe(1200)
    expect(Number(tags['og:image:height'])).toBe(630)
  })

  test('shows the title slide as a visitor sees it at that size', async ({ page, request }) => {
    const png = await (await request.get('og-image.png')).body()
    await page.setViewportSize({ width: 1200, height: 630 })
    await openSlide(page, 1)
    await expect(currentSlide(page).locator('h1')).toHaveText(deck.title)
    await expect(currentSlide(page).locator('.slidev-layout')).toContainText(deck.speaker)
    await page.evaluate(() => document.fonts.ready.then(() => {}))
    const visitor = await page.screenshot()
    const { differing, inked } = await comparePngs(page, png, visitor)
    expect(inked, 'share of the picture that is not blank').toBeGreaterThan(0.01)
    expect(differing, 'pixels that differ from slide 1 in the browser').toBeLessThanOrEqual(maxDifferingPixels)
  })
})

test('the README\'s picture is the title slide as the deck builds it now', async ({ page, request }) => {
  const readme = readFileSync('README.md', 'utf8')
  const firstScreen = readme.split('\n').slice(0, 20).join('\n')
  const picture = firstScreen.match(/!\[[^\]]+\]\(([^)]+\.png)\)/)?.[1]
  expect(picture, 'a picture in the first 20 lines of README.md').toBeTruthy()
  const committed = readFileSync(picture!)
  const built = await (await request.get('og-image.png')).body()
  expect(pngSize(committed)).toEqual(pngSize(built))
  await page.goto('about:blank')
  const { differing, inked } = await comparePngs(page, committed, built)
  expect(inked).toBeGreaterThan(0.01)
  expect(differing, `${picture} differs from the built og-image.png: run npm run readme:picture`).toBeLessThanOrEqual(maxDifferingPixels)
})
