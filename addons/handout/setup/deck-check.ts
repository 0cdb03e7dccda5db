import { handoutKeys } from '../options.ts'

/** The headmatter keys the handout reads (`handout:`), for slidev-addon-deck-check: named by line when wrong. */
export const keys = handoutKeys

export default []
