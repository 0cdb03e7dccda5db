import { defineShikiSetup } from '@slidev/types'

// A light theme with strong contrast on the white slides.
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light',
    dark: 'github-dark',
  },
}))
