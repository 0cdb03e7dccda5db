import jsQR from 'jsqr'
import { demoFolders, demoFolderUrl, demoRepository, publicUrl } from '../fixtures/demo-repo'
import { readSlides, slideNumber } from '../support/slides'
import { normalize, readTalk } from '../support/talk'
import { currentSlide, expect, openSlide, printedSlides, slideHeadings, test } from './fixtures'

const slides = readSlides()
const talk = readTalk()

// A shared link to each slide, and its images' text alternatives: tests/e2e/pages.spec.ts.

test.describe('the talk', () => {
  test('every line of the original talk is on the deck, in order, with only demo backups added between', async ({ page }) => {
    // The deck keeps the talk's slides in order; slides it adds sit between them and are tagged as demo backups.
    const slide = await printedSlides(page, slides.length)
    let deckNo = 1
    const added: string[] = []
    for (const original of talk) {
      let found = false
      while (!found && deckNo <= slides.length) {
        // textContent, not innerText: styling (an uppercase badge) must not change the words.
        const text = normalize(await slide(deckNo).textContent() ?? '')
        found = original.lines.every(line => text.includes(normalize(line)))
        if (!found)
          added.push(`${deckNo}: ${normalize(await slide(deckNo).locator('.backup-tag').textContent({ timeout: 1000 }).catch(() => null) ?? 'not a demo backup')}`)
        deckNo++
      }
      expect(found, `slide ${original.no} of the talk: ${original.lines.join(' / ')}`).toBe(true)
    }
    expect(deckNo - 1, 'the last slide of the talk is the last of the deck').toBe(slides.length)
    expect(added.length).toBeGreaterThan(0)
    for (const slide of added)
      expect(slide).toMatch(/^\d+: Demo backup · \S+$/)
  })

  test('emoji show as emoji, never as :shortcodes:', async ({ page }) => {
    for (const [heading, emoji] of [
      ['Rust locally', '🐰'],
      ['Rust in CI', '🔥'],
      ['CI is a different 👽', '👽'],
    ]) {
      await openSlide(page, slideNumber(slides, heading))
      const text = await currentSlide(page).innerText()
      expect(text).toContain(emoji)
      expect(text).not.toMatch(/:[a-z_]+:/)
    }
  })

  test('the two man pages read as terminal prompts', async ({ page }) => {
    for (const command of ['man Rust', 'man cargo']) {
      await openSlide(page, slideNumber(slides, `$ ${command}`))
      const prompt = slideHeadings(page).locator('.shell-prompt')
      await expect(prompt).toHaveText(`$ ${command}`)
      expect(await prompt.evaluate(el => getComputedStyle(el).fontFamily)).toContain('JetBrains Mono')
    }
  })
})

test.describe('the speaker', () => {
  test('moves one slide with ArrowRight and back with ArrowLeft', async ({ page }) => {
    await openSlide(page, 2)
    await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(/\/3$/)
    await expect(slideHeadings(page)).toHaveText(slides[2].heading)
    await page.keyboard.press('ArrowLeft')
    await expect(page).toHaveURL(/\/2$/)
    await expect(slideHeadings(page)).toHaveText(slides[1].heading)
  })

  test('stays on the same slide after a reload', async ({ page }) => {
    await openSlide(page, 9)
    await page.reload()
    await expect(page).toHaveURL(/\/9$/)
    await expect(slideHeadings(page)).toHaveText(slides[8].heading)
  })

  test('sees the notes of "Cargo is your friend" in the presenter view', async ({ page }) => {
    const no = slideNumber(slides, 'Cargo is your friend')
    await page.goto(`presenter/${no}`)
    const notes = page.locator('.slidev-note').first()
    await expect(notes).toContainText('Show sample app')
    await expect(notes).toContainText('Show timings')
    await expect(notes.locator('ol > li')).toHaveCount(2)
  })

  test('opens the overview with "o" and sees every slide', async ({ page }) => {
    await openSlide(page, 1)
    await page.keyboard.press('o')
    // Backups sit under their demo slide (tests/e2e/detour.spec.ts); each slide has its card.
    const overview = page.locator('.z-modal [data-slide-no]')
    await expect(overview).toHaveCount(slides.length)
    await page.keyboard.press('Escape')
    await expect(overview).toHaveCount(0)
  })
})

test.describe('the audience', () => {
  test('follows each demo card to its folder of the demo repository', async ({ page }) => {
    // The talk's link texts, and the folders the demo repository has.
    const cards = [
      ['Cargo is your friend', 'local', 'kjuulh/building-rust-for-production/local'],
      ['The new kid on the block Dagger', 'ci', 'kjuulh/building-rust-for-production/ci'],
      ['Prod: Tune those binary settings!', 'production', 'kjuulh/building-rust-for-production/production'],
      ['Bonus: Actually statically linked binaries', 'musl', 'kjuulh/building-rust-for-production/cross-compile-musl'],
    ] as const
    for (const [heading, id, label] of cards) {
      await openSlide(page, slideNumber(slides, heading))
      const card = currentSlide(page).locator('a.demo-link')
      await expect(card).toHaveAttribute('href', demoFolderUrl(id))
      await expect(card).toContainText(label)
      await expect(card).toContainText(`${demoFolders[id]}/`)
    }
  })

  test('can write to the speaker and find the repository from the closing slide', async ({ page }) => {
    await openSlide(page, slideNumber(slides, 'Questions?'))
    await expect(currentSlide(page).locator('a[href="mailto:contact@kasperhermansen.com"]')).toHaveText('contact@kasperhermansen.com')
    await expect(currentSlide(page).locator(`a[href="${demoRepository}"]`)).toHaveText('github.com/kjuulh/building-rust-for-production')
  })

  test('scans the QR code on the last slide and gets the deck\'s public URL', async ({ page }) => {
    await openSlide(page, slides.length)
    const code = currentSlide(page).locator('.slides-qr__code')
    await expect(code).toHaveAttribute('role', 'img')
    const shot = await code.screenshot()
    const { width, height, data } = await page.evaluate(async (png) => {
      const bitmap = await createImageBitmap(new Blob([
        new Uint8Array(png),
      ], { type: 'image/png' }))
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(bitmap, 0, 0)
      const image = ctx.getImageData(0, 0, bitmap.width, bitmap.height)
      return {
        width: image.width,
        height: image.height,
        data: Array.from(image.data),
      }
    }, Array.from(shot))
    const decoded = jsQR(new Uint8ClampedArray(data), width, height)
    expect(decoded?.data).toBe(publicUrl)
    await expect(currentSlide(page).locator('figcaption')).toHaveText(publicUrl)
  })

  test('sees the deck in English', async ({ page }) => {
    await openSlide(page, 1)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('gets a plain description and author when the link is shared', async ({ page }) => {
    await openSlide(page, 1)
    await expect(page.locator('meta[name="author"]')).toHaveAttribute('content', 'Kasper Juul Hermansen')
    const description = await page.locator('meta[name="description"]').getAttribute('content')
    expect(description).toMatch(/^Building Rust for Production: [^"\\]+\.$/)
  })
})

test.describe('the offline guard', () => {
  // The deck's Content-Security-Policy already blocks other hosts; switch it off here to
  // prove that the tests' own guard catches what a weaker policy would let through.
  test.use({ bypassCSP: true })

  test('a request to another host is caught and fails the test', async ({ page, problems }) => {
    await openSlide(page, 1)
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://example.com/tracker.png'
      img.alt = ''
      document.body.append(img)
    })
    await expect.poll(() => problems.offsite).toContain('https://example.com/tracker.png')
    // The guard worked; clear what it caught so this test itself passes.
    problems.offsite.length = 0
    problems.failed.length = 0
    problems.errors.length = 0
  })
})
