import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'

/**
 * Slidev's "Download as PDF" button asks for `<exportFilename>.pdf` relative to the page: right on
 * a slide (`/base/5`), wrong in the presenter view (`/base/presenter/5`). The build puts the PDF at
 * the site's base, so point the button there, whatever the base.
 */
export default defineAppSetup(() => {
  if (configs.download === true && configs.exportFilename)
    configs.download = `${import.meta.env.BASE_URL}${configs.exportFilename}.pdf`
})
