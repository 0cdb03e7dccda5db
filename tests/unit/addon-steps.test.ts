// @vitest-environment node
import type { AddonSteps } from '../../tools/slidev.ts'
import { describe, expect, it } from 'vitest'

describe('the build steps the scripts take from the addons', () => {
  it('are what the addons export, as the scripts expect them', async () => {
    // Type-checked too: each addon's module must fit the shape tools/slidev.ts writes out.
    const steps: AddonSteps = {
      'deck-check/render-check.ts': await import('slidev-addon-deck-check/render-check.ts'),
      'static-site/og-image.ts': await import('slidev-addon-static-site/og-image.ts'),
      'handout/print.ts': await import('slidev-addon-handout/print.ts'),
      'offline-app/vite-plugin.ts': await import('slidev-addon-offline-app/vite-plugin.ts'),
    }
    expect(typeof steps['deck-check/render-check.ts'].checkRenderedDeck).toBe('function')
    expect(typeof steps['static-site/og-image.ts'].renderOgImage).toBe('function')
    expect(typeof steps['handout/print.ts'].printHandout).toBe('function')
    expect(typeof steps['offline-app/vite-plugin.ts'].generateServiceWorker).toBe('function')
  })
})
