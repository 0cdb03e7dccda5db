// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { wakeLock } from './vite-plugin'

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** Vite's configResolved of the plugin, with a resolved config of Slidev's serving `client` (else the one installed here), in dev or a build. */
function start(command: 'serve' | 'build', client?: string) {
  const configResolved = wakeLock().configResolved as (config: object) => void
  configResolved({
    command,
    root: repo,
    define: client
      ? {
          __SLIDEV_CLIENT_ROOT__: JSON.stringify(`/@fs${client}`),
        }
      : {},
  })
}

describe('the guard of the wake lock\'s swap', () => {
  it('lets `slidev` and the build start on the Slidev installed here', () => {
    expect(() => start('serve')).not.toThrow()
    expect(() => start('build')).not.toThrow()
  })

  it('stops `slidev` (dev) as the build, naming the page and the import, when Slidev no longer imports it', () => {
    const client = mkdtempSync(join(tmpdir(), 'slidev-client-'))
    try {
      mkdirSync(join(client, 'pages'))
      writeFileSync(join(client, 'pages/play.vue'), `import { useWakeLock } from '../composables/useWakeLock'`)
      writeFileSync(join(client, 'pages/presenter.vue'), `import { useWakeLock } from '@vueuse/core'`)
      for (const command of ['serve', 'build'] as const) {
        expect(() => start(command, client))
          .toThrow(/^slidev-addon-wake-lock: .*@slidev\/client\/pages\/presenter\.vue no longer imports '\.\.\/composables\/useWakeLock'/)
      }
    }
    finally {
      rmSync(client, { recursive: true, force: true })
    }
  })
})
