import process from 'node:process'

// DECK_PORT, DECK_DEV_PORT and DECK_DIST let several test runs share a machine (each its own build and ports).

/** The built site, served like GitHub Pages by scripts/serve.ts. */
export const builtSite = {
  dist: process.env.DECK_DIST ?? 'dist',
  url: `http://127.0.0.1:${Number(process.env.DECK_PORT ?? 4173)}/`,
}

/** `npm run dev`, as the speaker runs it. */
export const devServer = {
  url: `http://127.0.0.1:${Number(process.env.DECK_DEV_PORT ?? 3041)}/`,
}
