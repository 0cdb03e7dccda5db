import { wakeLockEnabled } from '@slidev/client/state/storage.ts'
import { onScopeDispose, watch } from 'vue'

/**
 * This addon's version of Slidev's `useWakeLock` (composables/useWakeLock.ts; vite-plugin.ts
 * swaps it in): keeps the screen on while the deck or the presenter view is shown and Slidev's
 * "wake lock" setting is on. Slidev's asks the browser without handling a refusal, and WebKit
 * (Safari) refuses: every load ended in an unhandled rejection. Here a refused lock is what a
 * browser without the API gets: a screen that may sleep, and nothing thrown at the page.
 */
export function useWakeLock(): void {
  if (!('wakeLock' in navigator))
    return
  let lock: WakeLockSentinel | undefined
  let asking = false
  const release = () => {
    lock?.release().catch(() => {})
    lock = undefined
  }
  const hold = async () => {
    if (asking || !wakeLockEnabled.value || document.visibilityState !== 'visible' || (lock && !lock.released))
      return
    asking = true
    lock = await navigator.wakeLock.request('screen').catch(() => undefined)
    asking = false
    // Switched off while the browser was asked.
    if (!wakeLockEnabled.value)
      release()
  }
  watch(wakeLockEnabled, enabled => enabled
    ? hold()
    : release(), { immediate: true })
  // The browser lets the lock go when the page is hidden: take it again when the page shows.
  document.addEventListener('visibilitychange', hold)
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', hold)
    release()
  })
}
