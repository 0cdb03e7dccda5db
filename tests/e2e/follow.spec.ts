import type { BrowserContext, BrowserContextOptions, Locator, Page } from '@playwright/test'
import type { LocalMosquitto } from '../../addons/follow/node/mosquitto'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startMosquitto } from '../../addons/follow/node/mosquitto'
import { speakerFragment } from '../../addons/follow/protocol'
import { fixtureFollow, sectionAtTop } from '../support/fixture-follow'
import { builtSite } from '../support/servers'
import { expect, fixtureDeckTest, fixtureDist } from './fixtures'

// Following the speaker (slidev-addon-follow) on the fixture deck, built with a broker in its
// headmatter (`follow.broker: ws://127.0.0.1:18830`), against a real Mosquitto that the tests start
// on that port: the speaker's presenter view publishes, phones (the follow page, the deck) follow,
// the phone remote drives the presenter. Each device is a browser context of its own, as each is
// a device of its own in the room.

const dist = fixtureDist
const { port: brokerPort, room } = fixtureFollow()

const laptop: BrowserContextOptions = {
  viewport: { width: 1280, height: 720 },
}
const upright: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
}
const sideways: BrowserContextOptions = {
  viewport: { width: 844, height: 390 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
}

/**
 * The devices of a test, each a browser context of its own with the site as its base. Their page
 * errors and console errors are kept, and the test fails on any, unless `allow` names it.
 */
interface Devices {
  open: (options: BrowserContextOptions) => Promise<Page>
  /** The speaker's presenter view on the laptop at `slide`, with the credential from the presenter link, connected. */
  speaker: (slide: number) => Promise<Page>
  /** An upright phone on the follow page, following; returns its bar. */
  follower: (slide: number) => Promise<Locator>
  /** Console errors to expect (the browser logs a WebSocket the broker refused or closed). */
  allow: (pattern: RegExp) => void
}

const test = fixtureDeckTest.extend<{ devices: Devices }, { broker: LocalMosquitto }>({
  devices: async ({ browser, baseURL, broker }, use) => {
    const contexts: BrowserContext[] = []
    const errors: string[] = []
    const allowed: RegExp[] = []
    const open = async (options: BrowserContextOptions) => {
      const context = await browser.newContext({ ...options, baseURL, serviceWorkers: 'block' })
      contexts.push(context)
      const page = await context.newPage()
      // A deep link is answered by 404.html with status 404, as GitHub Pages does: the browser logs it.
      const deepLinks = new Set<string>()
      page.on('response', (response) => {
        if (response.request().isNavigationRequest() && response.status() === 404)
          deepLinks.add(response.url())
      })
      page.on('pageerror', error => errors.push(`${page.url()}: ${error.message}`))
      page.on('console', (message) => {
        const deepLink404 = message.text().startsWith('Failed to load resource') && deepLinks.has(message.location().url.replace(/#.*$/, ''))
        if (message.type() === 'error' && !deepLink404)
          errors.push(`${page.url()}: ${message.text()}`)
      })
      return page
    }
    await use({
      open,
      async speaker(slide) {
        const page = await open(laptop)
        await page.goto(`presenter/${slide}${speakerFragment(broker.credential)}`)
        await expect(page.locator('.follow-speaker')).toHaveAttribute('data-status', 'live')
        // The credential is kept on the device, not in the address bar.
        expect(page.url()).not.toContain('speaker=')
        return page
      },
      async follower(slide) {
        const phone = await open(upright)
        await phone.goto('follow/')
        const bar = phone.locator('[data-follow-bar] button')
        await expect(bar).toHaveText(`Following the speaker · slide ${slide}`)
        return bar
      },
      allow: pattern => allowed.push(pattern),
    })
    // Each device leaves the room with its test: a presenter left open would go on publishing.
    await Promise.all(contexts.map(context => context.close()))
    expect(errors.filter(error => !allowed.some(pattern => pattern.test(error))), 'page and console errors').toEqual([])
  },
  broker: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
    async ({}, use) => {
      const broker = await startMosquitto({
        port: brokerPort,
        // The broker lets a talk's login write its own room only, the room named as the login.
        credential: {
          username: room,
          password: randomBytes(12).toString('base64url'),
        },
      })
      await use(broker)
      await broker.stop()
    },
    { scope: 'worker' },
  ],
})

// One broker on one port: the tests of this file run one after the other.
test.describe.configure({ mode: 'serial' })

test.describe('the audience follows the speaker', () => {
  test('a phone that joins late lands on the speaker\'s slide in the reading view, follows each move, pauses on a scroll and rejoins on a tap', async ({ devices }) => {
    const speaker = await devices.speaker(1)
    await speaker.keyboard.press('ArrowRight')
    await speaker.keyboard.press('ArrowRight')
    await expect(speaker).toHaveURL(/\/presenter\/3/)

    const bar = await devices.follower(3)
    const phone = bar.page()
    await expect.poll(() => phone.evaluate(sectionAtTop)).toBe('3')
    expect(phone.url()).toMatch(/#3$/)

    // Through the code's clicks and on past the backup slide, as the speaker's → goes.
    for (let press = 0; press < 3; press++)
      await speaker.keyboard.press('ArrowRight')
    await expect(speaker).toHaveURL(/\/presenter\/5/)
    await expect(bar).toHaveText('Following the speaker · slide 5')
    // The last slide: the page scrolls to its end, which shows it whole.
    await expect(phone.locator('section[id="5"]')).toBeInViewport({ ratio: 1 })
    await expect.poll(() => phone.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight)).toBe(true)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)

    await phone.mouse.move(200, 400)
    await phone.mouse.wheel(0, -900)
    await expect(bar).toHaveText('Following paused — tap to follow')
    await expect(bar).toHaveAttribute('data-mode', 'paused')
    const scrolled = await phone.evaluate(() => scrollY)
    await speaker.keyboard.press('ArrowLeft')
    await expect(speaker).toHaveURL(/\/presenter\/3/)
    // Paused: the reader stays where they scrolled.
    await phone.waitForTimeout(500)
    expect(await phone.evaluate(() => scrollY)).toBe(scrolled)

    await bar.tap()
    await expect(bar).toHaveText('Following the speaker · slide 3')
    await expect.poll(() => phone.evaluate(sectionAtTop)).toBe('3')
  })

  test('a phone that chose the slides follows in the deck; its own move pauses, a tap rejoins', async ({ devices }) => {
    const speaker = await devices.speaker(2)
    const phone = (await devices.follower(2)).page()
    // The reading view's "View as slides" keeps following, in the deck.
    await phone.locator('section[id="2"] .slide__open').click()
    await phone.setViewportSize(sideways.viewport!)
    const control = phone.locator('.follow-control')
    await expect(control).toHaveText('Following the speaker · slide 2')
    await expect(phone).toHaveURL(/\/2(\?|$)/)

    await speaker.keyboard.press('ArrowRight')
    await expect(phone).toHaveURL(/\/3(\?|$)/)

    await phone.keyboard.press('ArrowLeft')
    await expect(control).toHaveText('Following paused — tap to follow')
    await expect(phone).toHaveURL(/\/2(\?|$)/)
    await speaker.keyboard.press('ArrowRight')
    await speaker.keyboard.press('ArrowRight')
    await expect(speaker).toHaveURL(/\/presenter\/3\?clicks=2/)
    await phone.waitForTimeout(500)
    await expect(phone).toHaveURL(/\/2(\?|$)/)

    await control.tap()
    await expect(control).toHaveText(/^Following the speaker · slide 3$/)
    await expect(phone).toHaveURL(/\/3\?.*clicks=2/)
  })

  test('the speaker\'s phone remote shows the notes and moves the presenter view along the road', async ({ devices, broker }) => {
    const speaker = await devices.speaker(3)
    const remote = await devices.open(upright)
    await remote.goto(`remote/1${speakerFragment(broker.credential)}`)
    await expect(remote.locator('.follow-remote__status')).toHaveText('Slide 3 of 5')
    await expect(remote.locator('.follow-remote__notes')).toContainText('Run the statements in the sqlite3 shell.')
    await expect(remote.locator('.pace-line')).toContainText('Demo')
    expect(remote.url()).not.toContain('speaker=')

    const next = remote.getByRole('button', { name: 'Next →' })
    await next.tap()
    await expect(speaker).toHaveURL(/\/presenter\/3\?clicks=1/)
    await next.tap()
    await next.tap()
    // Past the backup slide, as the speaker's own → would go.
    await expect(speaker).toHaveURL(/\/presenter\/5/)
    await expect(remote.locator('.follow-remote__status')).toHaveText('Slide 5 of 5')
    await expect(remote.locator('.follow-remote__title')).toHaveText('Questions?')

    await remote.getByRole('button', { name: '← Previous' }).tap()
    await expect(speaker).toHaveURL(/\/presenter\/3/)
  })

  test('a device without the speaker\'s credential cannot move the audience', async ({ devices, broker }) => {
    await devices.speaker(2)
    const bar = await devices.follower(2)
    const intruder = await devices.open(laptop)
    // The browser logs the WebSocket the broker refused: that is the broker's answer, not a fault of the page.
    devices.allow(/presenter\/5.*WebSocket/)
    await intruder.goto(`presenter/5${speakerFragment({ username: broker.credential.username, password: 'guessed' })}`)
    await expect(intruder.locator('.follow-speaker')).toHaveText('Audience: the broker refused the speaker\'s key')
    await intruder.waitForTimeout(1000)
    await expect(bar).toHaveText('Following the speaker · slide 2')
  })

  // Within 10 s, not 1: each phone waits a random part of a window that doubles (backoff.ts), so a room
  // of phones does not come back in the same second.
  test('the broker restarts mid-talk, and every follower is on the speaker\'s slide again within 10 s', async ({ devices, broker }) => {
    const speaker = await devices.speaker(2)
    const bar = await devices.follower(2)
    const deck = await devices.open(sideways)
    await deck.goto('2?follow')
    await expect(deck.locator('.follow-control')).toHaveText('Following the speaker · slide 2')

    // The browser logs the WebSockets that the restart closed.
    devices.allow(/WebSocket/)
    await broker.restart()
    const restarted = Date.now()
    await speaker.keyboard.press('ArrowRight')
    await expect(speaker).toHaveURL(/\/presenter\/3/)
    await expect(bar).toHaveText('Following the speaker · slide 3', { timeout: 10_000 })
    await expect(deck).toHaveURL(/\/3(\?|$)/, {
      timeout: Math.max(0, 10_000 - (Date.now() - restarted)),
    })
    expect(Date.now() - restarted).toBeLessThan(10_000)
  })
})

test.describe('following costs nothing to those who do not follow', () => {
  test('a visitor of the deck and of the reading view downloads none of the MQTT client', async ({ devices }) => {
    const visitor = await devices.open(laptop)
    const fetched: string[] = []
    visitor.on('request', request => fetched.push(new URL(request.url()).pathname))
    await visitor.goto('2')
    await expect(visitor.locator('.follow-control')).toHaveText('Follow the speaker')
    await visitor.goto('read/')
    await expect(visitor.locator('.follow-invite a')).toHaveAttribute('href', '../follow/')
    expect(fetched.filter(path => path.includes('/assets/online/'))).toEqual([])
    await visitor.locator('.follow-invite a').click()
    await expect(visitor.locator('[data-follow-bar] button')).toHaveText(/^Following/)
    expect(fetched.filter(path => path.includes('/assets/online/'))).not.toEqual([])
  })
})

test.describe('a deck with no broker has no follow at all', () => {
  test('the talk\'s site has no follow page, no MQTT client, no QR code to load, and reaches no other origin', () => {
    const talk = builtSite.dist
    expect(existsSync(join(talk, 'read/index.html'))).toBe(true)
    expect(existsSync(join(talk, 'follow'))).toBe(false)
    const scripts = readdirSync(join(talk, 'assets')).filter(file => file.endsWith('.js'))
    expect(scripts.filter(file => /mqtt|MQTT/.test(readFileSync(join(talk, 'assets', file), 'utf8')))).toEqual([])
    // <FollowQrCode /> is on its title and last slide, and left the slides: no chunk for it to load.
    expect(scripts.filter(file => file.startsWith('FollowQrCode'))).toEqual([])
    const policy = readFileSync(join(talk, 'index.html'), 'utf8').replaceAll('&#39;', '\'').match(/connect-src ([^;"]*)/)?.[1]
    expect(policy).toBe(`'self'`)
    expect(readFileSync(join(talk, 'read/index.html'), 'utf8')).not.toContain('follow/')
  })

  test('with a broker, the follow page may reach that broker and nothing else', () => {
    // The reading view writes its policy's quotes as entities, as any attribute.
    const page = readFileSync(join(dist, 'follow/index.html'), 'utf8').replaceAll('&#39;', '\'')
    expect(page.match(/connect-src ([^;"]*)/)?.[1]).toBe(`'self' ws://127.0.0.1:${brokerPort}`)
    expect(page.match(/script-src ([^;"]*)/)?.[1]).toBe(`'self'`)
    expect(readFileSync(join(dist, 'read/index.html'), 'utf8')).not.toMatch(/<script/)
    expect(readFileSync(join(dist, 'read/index.html'), 'utf8')).toContain('href="../follow/"')
    // The MQTT client is fetched by those who follow, not precached by the offline app for every reader.
    expect(readdirSync(join(dist, 'assets/online')).some(file => file.endsWith('.js'))).toBe(true)
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).not.toContain('assets/online/')
  })
})
