import { followKeys } from '../options.ts'

/** The headmatter keys follow reads (`follow:`), for slidev-addon-deck-check: named by line when wrong. */
export const keys = followKeys

export default []
