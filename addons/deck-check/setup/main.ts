import { defineAppSetup } from '@slidev/types'
import { reportSlideErrors } from '../client/slide-errors'

/**
 * An error thrown while a slide renders is reported with the slide's number (client/slide-errors.ts),
 * so that the build's look at the rendered deck and the dev server can name its line.
 */
export default defineAppSetup(({ app }) => {
  reportSlideErrors(app)
})
