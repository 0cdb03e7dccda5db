// Stands in for `@unhead/vue` in Slidev's client in the built deck (see vite-plugin.ts).
// Slidev uses it for two things only: the page title (each view sets its own) and the <html>
// attributes (`lang`). This does both, without the 5 KiB gzip of a general head manager: the last
// `useHead` still alive wins, as with unhead.
import type { MaybeRefOrGetter } from 'vue'
import { effectScope, getCurrentScope, onScopeDispose, shallowReactive, toValue, watchEffect } from 'vue'

export interface HeadInput {
  title?: MaybeRefOrGetter<string | undefined>
  htmlAttrs?: MaybeRefOrGetter<Record<string, string | undefined> | undefined>
}

const entries = shallowReactive(new Set<HeadInput>())
let applying = false

function apply(): void {
  let title: string | undefined
  const attrs: Record<string, string | undefined> = {}
  for (const entry of entries) {
    title = toValue(entry.title) ?? title
    Object.assign(attrs, toValue(entry.htmlAttrs))
  }
  if (title !== undefined && document.title !== title)
    document.title = title
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined)
      document.documentElement.removeAttribute(name)
    else
      document.documentElement.setAttribute(name, value)
  }
}

export function createHead() {
  return {
    install() {},
  }
}

export function useHead(input: HeadInput): void {
  entries.add(input)
  if (getCurrentScope())
    onScopeDispose(() => entries.delete(input))
  if (!applying) {
    applying = true
    effectScope(true).run(() => watchEffect(apply))
  }
}
