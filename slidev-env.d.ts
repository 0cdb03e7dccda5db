// Types for type-checking the deck together with Slidev's client, which ships as TypeScript source:
// its virtual modules, its route meta, and the compile-time flags its build replaces
// (`__SLIDEV_FEATURE_*`, in scripts and in templates).
/// <reference types="@slidev/types/client" />
/// <reference path="./node_modules/@slidev/client/shim-vue.d.ts" />

interface SlidevCompileTimeFlags {
  __DEV__: boolean
  __SLIDEV_CLIENT_ROOT__: string
  __SLIDEV_HASH_ROUTE__: boolean
  __SLIDEV_MEMORY_ROUTE__: boolean
  __SLIDEV_HAS_SERVER__: boolean
  __SLIDEV_FEATURE_DRAWINGS__: boolean
  __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
  __SLIDEV_FEATURE_EDITOR__: boolean
  __SLIDEV_FEATURE_RECORD__: boolean
  __SLIDEV_FEATURE_PRESENTER__: boolean
  __SLIDEV_FEATURE_PRINT__: boolean
  __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
  __SLIDEV_FEATURE_WAKE_LOCK__: boolean
  __SLIDEV_FEATURE_PWA__: boolean
}

declare global {
  const __DEV__: boolean
  const __SLIDEV_CLIENT_ROOT__: string
  const __SLIDEV_HASH_ROUTE__: boolean
  const __SLIDEV_MEMORY_ROUTE__: boolean
  const __SLIDEV_HAS_SERVER__: boolean
  const __SLIDEV_FEATURE_DRAWINGS__: boolean
  const __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
  const __SLIDEV_FEATURE_EDITOR__: boolean
  const __SLIDEV_FEATURE_RECORD__: boolean
  const __SLIDEV_FEATURE_PRESENTER__: boolean
  const __SLIDEV_FEATURE_PRINT__: boolean
  const __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
  const __SLIDEV_FEATURE_WAKE_LOCK__: boolean
  const __SLIDEV_FEATURE_PWA__: boolean
}

declare module 'vue' {
  interface ComponentCustomProperties extends SlidevCompileTimeFlags {}
}

export {}
