import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useWakeLock } from './client/wake-lock'

// Slidev's "wake lock" setting, as the speaker sets it.
const wakeLockEnabled = vi.hoisted(() => ({ value: true }))
vi.mock('@slidev/client/state/storage.ts', () => ({
  wakeLockEnabled: ref(wakeLockEnabled),
}))

/** A browser's Screen Wake Lock API that grants or refuses, as WebKit does ("Permission was denied"). */
function wakeLockApi(grant: boolean) {
  const sentinel = {
    released: false,
    release: vi.fn(async () => void (sentinel.released = true)),
  }
  const request = vi.fn(() => grant
    ? Promise.resolve(sentinel)
    : Promise.reject(new DOMException('Permission was denied', 'NotAllowedError')))
  Object.defineProperty(navigator, 'wakeLock', {
    value: { request },
    configurable: true,
  })
  return { request, sentinel }
}

const flush = () => new Promise(resolve => setTimeout(resolve))

afterEach(() => {
  Reflect.deleteProperty(navigator, 'wakeLock')
})

describe('the screen wake lock of the deck and the presenter view', () => {
  it('keeps the screen on while the page is shown, and lets go when closed', async () => {
    const { request, sentinel } = wakeLockApi(true)
    const scope = effectScope()
    scope.run(useWakeLock)
    await flush()
    expect(request).toHaveBeenCalledWith('screen')
    scope.stop()
    expect(sentinel.release).toHaveBeenCalled()
  })

  it('takes a refusal quietly: no unhandled rejection, no second try while shown', async () => {
    const { request } = wakeLockApi(false)
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    const scope = effectScope()
    scope.run(useWakeLock)
    await flush()
    await nextTick()
    process.off('unhandledRejection', onRejection)
    scope.stop()
    expect(request).toHaveBeenCalledOnce()
    expect(rejections).toEqual([])
  })

  it('asks for nothing where the browser has no wake lock', () => {
    expect(() => effectScope().run(useWakeLock)).not.toThrow()
  })
})
