/** The follow options, set by vite-plugin.ts at build time; `null` when the deck configures no broker. */
declare const __SLIDEV_FOLLOW__: import('./vite-plugin').FollowDefine | null
