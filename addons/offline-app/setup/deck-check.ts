import { offlineAppKeys } from '../options.ts'

/** The headmatter keys the offline app reads (`offlineApp:`), for slidev-addon-deck-check: named by line when wrong. */
export const keys = offlineAppKeys

export default []
