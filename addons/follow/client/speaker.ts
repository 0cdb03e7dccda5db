import type { Credential } from '../protocol.ts'
import { credentialFromFragment, withoutCredential } from '../protocol.ts'

/** Where a device keeps the speaker's credential for a room (`localStorage`, this device only). */
export function credentialKey(room: string): string {
  return `slidev-follow:${room}:speaker`
}

function stored(room: string): Credential | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(credentialKey(room)) ?? 'null')
    const credential = value as Partial<Credential> | null
    return credential && typeof credential.username === 'string' && typeof credential.password === 'string'
      ? { username: credential.username, password: credential.password }
      : undefined
  }
  catch {
    return undefined
  }
}

/**
 * The speaker's credential on this device: taken from the presenter link's fragment
 * (`#speaker=<user>:<password>`) and kept, then removed from the address bar; `#speaker=` forgets
 * it. The credential never leaves the device except to the broker.
 */
export function speakerCredential(room: string): Credential | undefined {
  const fromLink = credentialFromFragment(location.hash)
  if (fromLink === undefined)
    return stored(room)
  history.replaceState(history.state, '', `${location.pathname}${location.search}${withoutCredential(location.hash)}`)
  try {
    if (fromLink)
      localStorage.setItem(credentialKey(room), JSON.stringify(fromLink))
    else
      localStorage.removeItem(credentialKey(room))
  }
  catch {}
  return fromLink ?? undefined
}
