import { defineShikiSetup } from '@slidev/types'

// Themes with AAA contrast (7:1) for every token, as tests/e2e/legibility.spec.ts asks of the slides:
// GitHub's high-contrast pair. Light on the white slides, with its comments (#66707b, 5:1 on white)
// darkened to 7.8:1; dark for the reading view (slidev-addon-reading-view) on a system in dark mode,
// where every token reads at 9:1 or more.
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-high-contrast',
    dark: 'github-dark-high-contrast',
  },
  colorReplacements: {
    'github-light-high-contrast': { '#66707b': '#4b535d' },
  },
}))
