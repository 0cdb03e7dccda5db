import { defineShikiSetup } from '@slidev/types'

// Themes with AA contrast for every token: light on the white slides, dark for the reading view
// (slidev-addon-reading-view) on a system in dark mode (github-dark's comments read at 3:1, github-dark-default's at 6:1).
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light',
    dark: 'github-dark-default',
  },
}))
