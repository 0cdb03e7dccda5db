// @vitest-environment node
import type { Machine } from '../../tools/chromium'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findBinary } from '../../addons/follow/node/mosquitto'
import { commandsOf } from '../../tools/apt'
import { planChromium } from '../../tools/chromium'
import { enginePackages, planEngines } from '../../tools/engines'
import { planMosquitto } from '../../tools/mosquitto'

const root = join(__dirname, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

/** The README's first code block, one command a line, comments dropped. */
function readmeCommands(): string[] {
  const block = read('README.md').match(/```bash\n([\s\S]*?)```/)![1]!
  return block.split('\n').map(line => line.replace(/#.*/, '').trim()).filter(Boolean)
}

/** GitHub's workflow schema, as @action-validator/cli checks it: exit code and what it printed. */
function validateWorkflow(path: string) {
  const result = spawnSync(join(root, 'node_modules/.bin/action-validator'), [path], { encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}

describe('a newcomer\'s two commands', () => {
  it('the README gives two commands, one that serves the deck and one that runs the tests', () => {
    expect(readmeCommands()).toEqual(['scripts/setup.sh npm run dev', 'scripts/setup.sh npm test'])
  })

  it('the CI job runs exactly the test command of the README', () => {
    const testCommand = readmeCommands()[1]!
    const ciRun = read('.ci/run').split('\n').filter(line => line && !line.startsWith('#'))
    expect(ciRun.at(-1)).toBe(testCommand)
    expect(read('.github/workflows/ci.yml')).toContain(`- run: ${testCommand}\n`)
  })
})

describe('the GitHub workflows', () => {
  it.each(['ci.yml', 'deploy.yml', 'release.yml'])('%s passes GitHub\'s workflow schema', (name) => {
    const { status, output } = validateWorkflow(join(root, '.github/workflows', name))
    expect(output).toBe('')
    expect(status).toBe(0)
  })

  it('a workflow with a misspelt key fails the schema, naming the key', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'workflow-')), 'broken.yml')
    writeFileSync(broken, read('.github/workflows/ci.yml').replace('    steps:', '    step:'))
    const { status, output } = validateWorkflow(broken)
    expect(status).not.toBe(0)
    expect(output).toContain('Additional property \'step\' is not allowed')
  })
})

describe('finding a Chromium', () => {
  const freshDebian: Machine = {
    debian: true,
    apt: [],
    missingPackages: ['chromium-headless-shell', 'fonts-noto-color-emoji'],
    debianChromium: undefined,
    hasPlaywrightChromium: false,
  }
  const laptop: Machine = {
    debian: false,
    apt: undefined,
    missingPackages: [],
    debianChromium: undefined,
    hasPlaywrightChromium: false,
  }

  it('a fresh Debian machine gets Chromium\'s headless shell and the colour emoji font from apt', () => {
    const step = planChromium(freshDebian, undefined)
    expect(step).toEqual({
      say: 'browser: installing chromium-headless-shell fonts-noto-color-emoji from Debian (apt-get)',
      packages: ['chromium-headless-shell', 'fonts-noto-color-emoji'],
      run: [],
    })
    expect(commandsOf([step], [])).toEqual([
      ['apt-get', 'update', '-qq'],
      [
        'apt-get',
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        'chromium-headless-shell',
        'fonts-noto-color-emoji',
      ],
    ])
  })

  it('a Debian user without root asks sudo, and never waits for a password', () => {
    expect(commandsOf([
      planChromium(freshDebian, undefined),
    ], ['sudo', '-n']).map(command => command.slice(0, 3))).toEqual([
      ['sudo', '-n', 'apt-get'],
      ['sudo', '-n', 'apt-get'],
    ])
  })

  it('a second run finds Debian\'s headless shell and does nothing', () => {
    expect(planChromium({ ...freshDebian, missingPackages: [], debianChromium: '/usr/bin/chromium-headless-shell' }, undefined))
      .toEqual({ say: 'browser: /usr/bin/chromium-headless-shell', packages: [], run: [] })
  })

  it('a machine with Debian\'s full Chromium gets the headless shell where apt-get may run, and uses the browser where not', () => {
    const withBrowser = {
      ...freshDebian,
      missingPackages: ['chromium-headless-shell'],
      debianChromium: '/usr/bin/chromium',
    }
    expect(planChromium(withBrowser, undefined).packages).toEqual(['chromium-headless-shell'])
    const { say, packages } = planChromium({ ...withBrowser, apt: undefined }, undefined)
    expect(packages).toEqual([])
    expect(say).toBe('browser: /usr/bin/chromium (faster tests with: sudo apt-get install chromium-headless-shell)')
  })

  it('a headless shell without the emoji font gets the font only', () => {
    expect(planChromium({
      ...freshDebian,
      missingPackages: ['fonts-noto-color-emoji'],
      debianChromium: '/usr/bin/chromium-headless-shell',
    }, undefined).packages).toEqual(['fonts-noto-color-emoji'])
  })

  it('a laptop downloads Playwright\'s Chromium once, and finds it the next time', () => {
    expect(planChromium(laptop, undefined).run).toEqual([
      [
        'npx',
        'playwright',
        'install',
        'chromium',
      ],
    ])
    expect(planChromium({ ...laptop, hasPlaywrightChromium: true }, undefined))
      .toEqual({ say: 'browser: Playwright\'s Chromium', packages: [], run: [] })
  })

  it('a set CHROMIUM_PATH wins over everything and installs nothing', () => {
    const step = planChromium(freshDebian, '/opt/chromium/chrome')
    expect(step.packages).toEqual([])
    expect(step.run).toEqual([])
  })
})

describe('one apt-get for everything setup installs', () => {
  it('the browser, the engines and the broker are installed by one update and one install, each package once', () => {
    const steps = [
      planChromium({
        debian: true,
        apt: [],
        missingPackages: ['fonts-noto-color-emoji'],
        debianChromium: '/usr/bin/chromium-headless-shell',
        hasPlaywrightChromium: undefined,
      }, undefined),
      planEngines({
        debian: true,
        apt: [],
        missingPackages: ['xvfb', 'xauth'],
      }),
      planMosquitto({ apt: [], hasMosquitto: false }),
      planMosquitto({ apt: [], hasMosquitto: false }),
    ]
    expect(commandsOf(steps, [])).toEqual([
      ['apt-get', 'update', '-qq'],
      [
        'apt-get',
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        'fonts-noto-color-emoji',
        'xvfb',
        'xauth',
        'mosquitto',
      ],
    ])
  })

  it('nothing to install runs nothing', () => {
    expect(commandsOf([
      planMosquitto({ apt: [], hasMosquitto: true }),
    ], undefined)).toEqual([])
  })

  it('packages where apt-get may not run is an error that names them', () => {
    expect(() => commandsOf([
      {
        say: '',
        packages: ['mosquitto'],
        run: [],
      },
    ], undefined)).toThrow(/mosquitto should be installed/)
  })
})

describe('finding Firefox and WebKit for the engine tests', () => {
  const all = [
    'firefox-esr',
    'webkit2gtk-driver',
    'xvfb',
    'xauth',
  ]

  it('a fresh Debian machine gets Firefox ESR, WebKitGTK\'s WebDriver and Xvfb from apt', () => {
    expect(planEngines({ debian: true, apt: [], missingPackages: all })).toEqual({
      say: 'engines: installing firefox-esr webkit2gtk-driver xvfb xauth from Debian (apt-get)',
      packages: all,
      run: [],
    })
    expect(Object.keys(enginePackages)).toEqual(all)
  })

  it('a second run finds them and does nothing', () => {
    expect(planEngines({ debian: true, apt: [], missingPackages: [] })).toMatchObject({ packages: [], run: [] })
  })

  it('a machine without apt rights is told what to install, and setup goes on', () => {
    const { say, packages } = planEngines({
      debian: true,
      apt: undefined,
      missingPackages: ['xauth'],
    })
    expect(packages).toEqual([])
    expect(say).toContain('sudo apt-get install xauth')
  })
})

describe('finding Mosquitto for the follow addon', () => {
  it('a fresh Debian or Ubuntu machine gets mosquitto from apt, as root or with sudo', () => {
    expect(planMosquitto({ apt: [], hasMosquitto: false })).toEqual({
      say: 'broker: installing mosquitto (apt-get)',
      packages: ['mosquitto'],
      run: [],
    })
    expect(planMosquitto({
      apt: ['sudo', '-n'],
      hasMosquitto: false,
    }).packages).toEqual(['mosquitto'])
  })

  it('a second run finds it and does nothing', () => {
    expect(planMosquitto({ apt: [], hasMosquitto: true })).toEqual({ say: 'broker: mosquitto', packages: [], run: [] })
  })

  it('a machine without apt rights is told what to install, and setup goes on', () => {
    const { say, packages } = planMosquitto({ apt: undefined, hasMosquitto: false })
    expect(packages).toEqual([])
    expect(say).toContain('apt-get install mosquitto')
  })

  it('looks a binary up on PATH, executables only (and in /usr/sbin, where Debian puts mosquitto)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'path-'))
    expect(findBinary('mosquitto-that-is-not-there', dir)).toBeUndefined()
    writeFileSync(join(dir, 'fake-binary'), '#!/bin/sh\n', { mode: 0o755 })
    expect(findBinary('fake-binary', dir)).toBe(join(dir, 'fake-binary'))
    writeFileSync(join(dir, 'not-executable'), '', { mode: 0o644 })
    expect(findBinary('not-executable', dir)).toBeUndefined()
    // And /usr/sbin, though it is not on this PATH (Debian's ldconfig lives there, as mosquitto does).
    if (existsSync('/usr/sbin/ldconfig'))
      expect(findBinary('ldconfig', dir)).toBe('/usr/sbin/ldconfig')
  })
})
