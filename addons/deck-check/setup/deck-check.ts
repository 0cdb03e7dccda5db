import { deckCheckKeys } from '../deck.ts'

/**
 * The deck check's own keys (`deckCheck:` in the headmatter), for the deck check itself: a
 * misspelt or mistyped option is named by line in `npm run check`, the build and the dev server.
 */
export const keys = deckCheckKeys

export default []
