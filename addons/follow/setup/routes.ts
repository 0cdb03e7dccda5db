import { defineRoutesSetup } from '@slidev/types'

/** The speaker's phone remote (client/RemotePage.vue), when a broker is configured. */
export default defineRoutesSetup(routes => __SLIDEV_FOLLOW__
  ? [
      {
        name: 'follow-remote',
        path: '/remote/:no',
        component: () => import('../client/RemotePage.vue'),
      },
      {
        path: '/remote',
        redirect: to => ({ path: '/remote/1', hash: to.hash }),
      },
      ...routes,
    ]
  : routes)
