// @vitest-environment node
import type { Published } from './protocol.ts'
import { describe, expect, it } from 'vitest'
import {
  credentialFromFragment,
  decodePosition,
  decodePress,
  encode,
  positionTopic,
  pressTopic,
  roomPattern,
  samePlace,
  speakerFragment,
  withoutCredential,
} from './protocol.ts'

const published: Published = {
  page: 4,
  clicks: 2,
  at: 1_700_000_000_000,
  from: 'presenter-1',
}
const json = (value: unknown) => JSON.stringify(value)

describe('the topics of a room', () => {
  it('puts a talk\'s position and the remote\'s presses under the room\'s name', () => {
    expect(positionTopic('building-rust')).toBe('slidev/building-rust/position')
    expect(pressTopic('building-rust')).toBe('slidev/building-rust/press')
  })

  it('take as a room only one topic level without wildcards', () => {
    for (const room of [
      'slides',
      'rust-2025',
      '2025-talk',
      'a',
    ])
      expect(room).toMatch(roomPattern)
    for (const room of [
      '',
      '-talk',
      'Talk',
      'a/b',
      'a+',
      'a#',
      'a b',
      'café',
      'a_b',
    ])
      expect(room).not.toMatch(roomPattern)
  })
})

describe('a follower reading the speaker\'s position', () => {
  it('reads back what the presenter published, as text or as bytes', () => {
    expect(decodePosition(encode(published))).toEqual(published)
    expect(decodePosition(new TextEncoder().encode(encode(published)))).toEqual(published)
  })

  it('reads the presenter\'s timer, so a phone remote shows the same time', () => {
    const timer = { status: 'running', startedAt: 1_700_000_000_000, pausedAt: 0 } as const
    expect(decodePosition(encode({ ...published, timer }))).toEqual({ ...published, timer })
    for (const status of ['stopped', 'paused'] as const) {
      expect(decodePosition(encode({
        ...published,
        timer: { ...timer, status },
      }))?.timer?.status).toBe(status)
    }
  })

  it('ignores the empty retained message that clears a room', () => {
    expect(decodePosition('')).toBeUndefined()
    expect(decodePosition(new Uint8Array())).toBeUndefined()
  })

  it('ignores a payload that is not a JSON object', () => {
    for (const payload of [
      'not json',
      '{',
      'null',
      '42',
      '"page"',
      '[]',
      json([published]),
      'true',
    ])
      expect(decodePosition(payload), payload).toBeUndefined()
  })

  it('ignores a slide number that is not a positive whole number', () => {
    for (const page of [0, -1, 1.5, '2', null, undefined])
      expect(decodePosition(json({ ...published, page })), String(page)).toBeUndefined()
    expect(decodePosition(json({ ...published, page: 1 }))?.page).toBe(1)
  })

  it('ignores a click count that is negative or not a whole number, and takes zero clicks', () => {
    for (const clicks of [-1, 0.5, '1', null, undefined])
      expect(decodePosition(json({ ...published, clicks })), String(clicks)).toBeUndefined()
    expect(decodePosition(json({ ...published, clicks: 0 }))?.clicks).toBe(0)
  })

  it('ignores a position without its time or sender, which a device needs to skip its own echo', () => {
    expect(decodePosition(json({ ...published, at: undefined }))).toBeUndefined()
    expect(decodePosition(json({ ...published, at: '1700000000000' }))).toBeUndefined()
    expect(decodePosition(json({ ...published, from: undefined }))).toBeUndefined()
    expect(decodePosition(json({ ...published, from: 7 }))).toBeUndefined()
  })

  it('leaves out a malformed timer but still goes to the slide', () => {
    const good = { status: 'running', startedAt: 1, pausedAt: 0 }
    for (const timer of [
      null,
      'running',
      [],
      { ...good, status: 'ticking' },
      { ...good, startedAt: '1' },
      { ...good, pausedAt: undefined },
    ]) {
      const position = decodePosition(json({ ...published, timer }))
      expect(position, json(timer)).toEqual(published)
      expect(position).not.toHaveProperty('timer')
    }
  })

  it('keeps only the fields it knows, whatever else a publisher sends', () => {
    const position = decodePosition(json({
      ...published,
      timer: {
        status: 'paused',
        startedAt: 1,
        pausedAt: 2,
        extra: true,
      },
      script: '<img onerror=alert(1)>',
    }))
    expect(position).toEqual({
      ...published,
      timer: { status: 'paused', startedAt: 1, pausedAt: 2 },
    })
  })
})

describe('the presenter view reading a press of the phone remote', () => {
  it('reads next and prev', () => {
    for (const press of ['next', 'prev'] as const)
      expect(decodePress(encode({ press, at: 5, from: 'phone' }))).toEqual({ press, at: 5, from: 'phone' })
    expect(decodePress(new TextEncoder().encode(json({
      press: 'next',
      at: 5,
      from: 'phone',
      page: 9,
    }))))
      .toEqual({ press: 'next', at: 5, from: 'phone' })
  })

  it('ignores any other press, and a press without its time or sender', () => {
    for (const payload of [
      '',
      'next',
      json({ press: 'first', at: 5, from: 'phone' }),
      json({ press: 'NEXT', at: 5, from: 'phone' }),
      json({ press: 'next', from: 'phone' }),
      json({ press: 'next', at: 5 }),
      json(['next']),
    ])
      expect(decodePress(payload), payload).toBeUndefined()
  })
})

describe('whether the reader is where the speaker is', () => {
  it('compares the slide and the click, not the timer or who sent it', () => {
    expect(samePlace({ page: 3, clicks: 1 }, {
      ...published,
      page: 3,
      clicks: 1,
      timer: { status: 'running', startedAt: 1, pausedAt: 0 },
    })).toBe(true)
    expect(samePlace({ page: 3, clicks: 1 }, { page: 3, clicks: 2 })).toBe(false)
    expect(samePlace({ page: 3, clicks: 1 }, { page: 4, clicks: 1 })).toBe(false)
  })

  it('is never the same place before the speaker\'s position is known', () => {
    expect(samePlace({ page: 1, clicks: 0 }, undefined)).toBe(false)
    expect(samePlace(undefined, { page: 1, clicks: 0 })).toBe(false)
    expect(samePlace(undefined, undefined)).toBe(false)
  })
})

describe('the speaker\'s credential in the presenter link', () => {
  it('a presenter link\'s credential survives a password with a colon', () => {
    const credential = { username: 'speaker', password: 'a:b:c' }
    expect(speakerFragment(credential)).toBe('#speaker=speaker:a%3Ab%3Ac')
    expect(credentialFromFragment(speakerFragment(credential))).toEqual(credential)
  })

  it('survives any character in the user name or password', () => {
    for (const credential of [
      { username: 'alice', password: 's3cret' },
      { username: 'a:lice', password: 'x' },
      { username: 'alice&bob', password: 'p&speaker=evil:x' },
      { username: 'alice', password: '100%25 sure %' },
      { username: 'alice', password: 'hash#tag' },
      { username: 'ada lovelace', password: ' leading and trailing ' },
      { username: 'Åsa Ørsted', password: 'pässwörd 🔑 密码' },
      { username: 'alice', password: '+=?/\\"\'<>' },
    ]) {
      const fragment = speakerFragment(credential)
      expect(fragment.slice(1), json(credential)).not.toMatch(/[#& ]/)
      expect(credentialFromFragment(fragment), json(credential)).toEqual(credential)
    }
  })

  it('finds the credential among other parts of the fragment, with or without the #', () => {
    expect(credentialFromFragment('#x=1&speaker=alice:pw&y=2')).toEqual({ username: 'alice', password: 'pw' })
    expect(credentialFromFragment('speaker=alice:pw')).toEqual({ username: 'alice', password: 'pw' })
  })

  it('an empty #speaker= forgets the stored credential', () => {
    expect(credentialFromFragment('#speaker=')).toBeNull()
    expect(credentialFromFragment('#speaker')).toBeNull()
    expect(credentialFromFragment('#x=1&speaker=')).toBeNull()
  })

  it('a credential without a user, a password or the colon between is none', () => {
    for (const hash of [
      '#speaker=alice',
      '#speaker=:pw',
      '#speaker=alice:',
      '#speaker=:',
    ])
      expect(credentialFromFragment(hash), hash).toBeNull()
  })

  it('a link mangled on the way (bad percent-encoding) is no credential, and does not throw', () => {
    for (const hash of [
      '#speaker=alice:%',
      '#speaker=alice:%E0%A4%A',
      '#speaker=%ZZ:pw',
      '#speaker=%C3:pw',
    ])
      expect(credentialFromFragment(hash), hash).toBeNull()
  })

  it('a link that does not speak of the speaker leaves the stored credential alone', () => {
    for (const hash of [
      '',
      '#',
      '#3',
      '#x=1&y=2',
      '#speakers=alice:pw',
      '#the-speaker=alice:pw',
    ])
      expect(credentialFromFragment(hash), hash).toBeUndefined()
  })
})

describe('the address bar once the credential is read', () => {
  it('keeps no trace of the credential', () => {
    expect(withoutCredential(speakerFragment({ username: 'alice', password: 'pw' }))).toBe('')
    expect(withoutCredential('#speaker=')).toBe('')
    expect(withoutCredential('#speaker')).toBe('')
  })

  it('keeps the other parts of the fragment, in order', () => {
    expect(withoutCredential('#x=1&speaker=alice:pw&y=2')).toBe('#x=1&y=2')
    expect(withoutCredential('#speaker=alice:pw&x=1')).toBe('#x=1')
    expect(withoutCredential('#x=1&speakers=2')).toBe('#x=1&speakers=2')
    expect(withoutCredential('#&x=1&&speaker=a:b&')).toBe('#x=1')
    expect(withoutCredential('#3')).toBe('#3')
    expect(withoutCredential('')).toBe('')
    expect(withoutCredential('#')).toBe('')
  })
})
