import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { reportSlideErrors } from '../plugins/client/slide-errors'

/**
 * Slidev's "Download as PDF" button asks for `<exportFilename>.pdf` relative to the page: right on
 * a slide (`/base/5`), wrong in the presenter view (`/base/presenter/5`). The build puts the PDF at
 * the site's base, so point the button there, whatever the base.
 *
 * An error thrown while a slide renders is reported with the slide's number
 * (plugins/client/slide-errors.ts), so that the build and the dev server can name its line.
 */
export default defineAppSetup(({ app }) => {
  if (configs.download === true && configs.exportFilename)
    configs.download = `${import.meta.env.BASE_URL}${configs.exportFilename}.pdf`
  reportSlideErrors(app)
})
