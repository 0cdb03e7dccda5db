import { staticSiteKeys } from '../options.ts'

/** The headmatter keys static-site reads (`staticSite:`), for slidev-addon-deck-check: named by line when wrong. */
export const keys = staticSiteKeys

export default []
