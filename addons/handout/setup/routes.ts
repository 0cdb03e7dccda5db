import { defineRoutesSetup } from '@slidev/types'

/**
 * `/handout`: every slide beside its speaker notes, laid out as A4 pages for print
 * (print.ts prints it to PDF). The deck itself does not link to it.
 */
export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'handout',
    path: '/handout',
    component: () => import('../HandoutPage.vue'),
  },
])
