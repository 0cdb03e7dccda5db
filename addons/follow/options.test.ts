// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { brokerOrigin, brokerVariable, followOptions, roomFromTitle } from './options.ts'
import { roomPattern } from './protocol.ts'

const broker = 'wss://broker.example.org/mqtt'

describe('the headmatter\'s follow options', () => {
  it('a deck without a broker has no follow at all', () => {
    expect(followOptions(undefined)).toBeUndefined()
    expect(followOptions(null)).toBeUndefined()
    expect(followOptions({})).toBeUndefined()
    expect(followOptions({ broker: '' })).toBeUndefined()
    expect(followOptions({ broker: null })).toBeUndefined()
    expect(followOptions({ room: 'rust' }, {
      title: 'Rust',
      env: { [brokerVariable]: '' },
    })).toBeUndefined()
  })

  it('a deck with a broker and a room follows in that room', () => {
    expect(followOptions({ broker, room: 'rust-2025' }, { title: 'Building Rust' })).toEqual({ broker, room: 'rust-2025' })
    expect(followOptions({ broker: 'ws://localhost:9001' })).toEqual({ broker: 'ws://localhost:9001', room: 'slides' })
  })

  it('names the room after the deck\'s title when the headmatter names none', () => {
    expect(followOptions({ broker }, { title: 'Building Rust for Production' })).toEqual({ broker, room: 'building-rust-for-production' })
  })

  it('a rehearsal points the deck at another broker through SLIDEV_FOLLOW_BROKER', () => {
    const env = { SLIDEV_FOLLOW_BROKER: 'ws://localhost:9001/mqtt' }
    expect(brokerVariable).toBe('SLIDEV_FOLLOW_BROKER')
    expect(followOptions({ broker, room: 'rust' }, { env })).toEqual({ broker: 'ws://localhost:9001/mqtt', room: 'rust' })
    expect(followOptions(undefined, { title: 'Rust', env })).toEqual({ broker: 'ws://localhost:9001/mqtt', room: 'rust' })
    expect(followOptions({ broker }, {
      env: { SLIDEV_FOLLOW_BROKER: '' },
    })?.broker).toBe(broker)
    expect(followOptions({ broker }, {
      env: { SLIDEV_FOLLOW_BROKER: undefined },
    })?.broker).toBe(broker)
  })

  it('checks the broker from the environment as it checks the headmatter\'s', () => {
    expect(() => followOptions(undefined, {
      env: { SLIDEV_FOLLOW_BROKER: 'http://localhost:9001' },
    })).toThrow(/not http\.$/)
  })

  it('refuses a follow: that is not a map', () => {
    for (const headmatter of [
      broker,
      ['broker', broker],
      42,
      true,
    ])
      expect(() => followOptions(headmatter), String(headmatter)).toThrow(/^slidev-addon-follow: the headmatter's follow must be a map of \{ broker, room, audience \}, not /)
  })

  it('names the keys it does not know, and the ones it takes', () => {
    expect(() => followOptions({ brokr: broker, rooms: 'rust' })).toThrow('slidev-addon-follow: the headmatter\'s follow has "brokr", which it does not know. Did you mean "broker"? It takes { broker, room, audience }. The headmatter\'s follow has "rooms", which it does not know. Did you mean "room"? It takes { broker, room, audience }.')
    expect(() => followOptions({ broker, topic: 'x' })).toThrow(/follow has "topic", which it does not know\. It takes \{ broker, room, audience \}\./)
  })

  it('refuses a broker that is not text or not an address', () => {
    expect(() => followOptions({ broker: 9001 })).toThrow(TypeError)
    expect(() => followOptions({
      broker: { url: broker },
    })).toThrow(/follow\.broker must be text, not \{"url":/)
    expect(() => followOptions({ broker: 'broker.example.org/mqtt' })).toThrow(/"broker\.example\.org\/mqtt" is not an address/)
  })

  it('refuses a broker that is not MQTT over WebSocket, naming its scheme', () => {
    expect(() => followOptions({ broker: 'http://broker.example.org/mqtt' })).toThrow(/"http:\/\/broker\.example\.org\/mqtt" must use ws:\/\/ or wss:\/\/ .*, not http\.$/)
    expect(() => followOptions({ broker: 'https://broker.example.org/mqtt' })).toThrow(/not https\.$/)
    expect(() => followOptions({ broker: 'mqtts://broker.example.org:8883' })).toThrow(/not mqtts\.$/)
  })

  it('refuses a broker address with a user or password, without repeating the password', () => {
    for (const address of ['wss://speaker:s3cret@broker.example.org/mqtt', 'wss://speaker@broker.example.org/mqtt', 'wss://:s3cret@broker.example.org/mqtt']) {
      expect(() => followOptions({ broker: address }), address).toThrow(/must not carry a user or password/)
      expect(() => followOptions({ broker: address })).not.toThrow(/s3cret/)
    }
  })

  it('refuses a room that is not one MQTT topic level, naming it', () => {
    for (const room of [
      'Rust Talk',
      'rust/2025',
      'rust+',
      '#',
      '-rust',
      '',
      'café',
    ])
      expect(() => followOptions({ broker, room }), room).toThrow(`the headmatter's follow.room must be lower-case letters, digits and dashes (one MQTT topic level), not ${JSON.stringify(room)}.`)
    expect(() => followOptions({ broker, room: 2025 })).toThrow(/follow\.room must be text, not 2025\./)
  })
})

describe('the audience\'s login, for a broker without anonymous clients', () => {
  const audience = { username: 'public_audience', password: 'reads-only' }

  it('a deck with an audience login joins with it; without one, anonymously', () => {
    expect(followOptions({ broker, room: 'rust', audience })).toEqual({ broker, room: 'rust', audience })
    expect(followOptions({ broker, room: 'rust' })).not.toHaveProperty('audience')
  })

  it('names a missing or empty user name or password, and a misspelt key', () => {
    expect(() => followOptions({
      broker,
      audience: { username: 'public_audience' },
    })).toThrow(/follow\.audience.*password/)
    expect(() => followOptions({
      broker,
      audience: { password: 'x' },
    })).toThrow(/follow\.audience.*username/)
    expect(() => followOptions({
      broker,
      audience: { username: ' ', password: 'x' },
    })).toThrow('follow.audience.username must not be empty')
    expect(() => followOptions({
      broker,
      audience: { username: 'a_b', password: 42 },
    })).toThrow(/follow\.audience\.password must be text, not 42/)
    expect(() => followOptions({
      broker,
      audience: { user: 'a_b', password: 'x' },
    })).toThrow('follow.audience has "user", which it does not know. It takes { username, password }. The headmatter\'s follow.audience needs username')
    expect(() => followOptions({ broker, audience: 'public_audience:reads-only' })).toThrow(/follow\.audience must be a map/)
  })

  it('an address with a user in it points to follow.audience', () => {
    expect(() => followOptions({ broker: 'wss://public_audience:reads@broker.example.org/mqtt' })).toThrow(/the audience's login, if the broker needs one, is follow\.audience\.$/)
  })
})

describe('the room named after the deck\'s title', () => {
  it('is the title in lower case with dashes', () => {
    expect(roomFromTitle('Building Rust for Production')).toBe('building-rust-for-production')
    expect(roomFromTitle('Rust 2025')).toBe('rust-2025')
  })

  it('drops accents', () => {
    expect(roomFromTitle('Café Éclair à Zürich')).toBe('cafe-eclair-a-zurich')
  })

  it('turns punctuation and spaces into one dash, none at either end', () => {
    expect(roomFromTitle('  Rust: the "good" parts!  ')).toBe('rust-the-good-parts')
    expect(roomFromTitle('C++ / Rust -- FFI')).toBe('c-rust-ffi')
  })

  it('is "slides" when the title gives nothing to use', () => {
    for (const title of [
      undefined,
      '',
      '   ',
      '!!!',
      '日本語のスライド',
    ])
      expect(roomFromTitle(title), String(title)).toBe('slides')
  })

  it('is always a room name the options accept', () => {
    for (const title of [
      'Building Rust for Production',
      'Ærø & Straße',
      '2025: a year',
      '--x--',
      'ÀÉÎÕÜ',
    ])
      expect(roomFromTitle(title), title).toMatch(roomPattern)
  })
})

describe('the broker\'s origin, which the page\'s policy lets it reach', () => {
  it('is the scheme, host and port, without the path', () => {
    expect(brokerOrigin('wss://broker.example.org/mqtt')).toBe('wss://broker.example.org')
    expect(brokerOrigin('ws://localhost:9001/mqtt')).toBe('ws://localhost:9001')
    expect(brokerOrigin('wss://Broker.Example.org:8443/mqtt?x=1#y')).toBe('wss://broker.example.org:8443')
  })

  it('leaves out the default port, as the policy matches it anyway', () => {
    expect(brokerOrigin('wss://broker.example.org:443/mqtt')).toBe('wss://broker.example.org')
  })
})

describe('a mistake in `follow:` shows before a broker is named', () => {
  it('names a bad room even with no broker yet', () => {
    expect(() => followOptions({ room: 'My Talk' })).toThrow('follow.room must be lower-case letters, digits and dashes (one MQTT topic level), not "My Talk"')
  })

  it('names a bad broker in the headmatter even while the environment points elsewhere', () => {
    expect(() => followOptions({ broker: 'https://b.example' }, {
      env: { SLIDEV_FOLLOW_BROKER: 'ws://127.0.0.1:9001' },
    }))
      .toThrow('follow.broker "https://b.example" must use ws:// or wss://')
    expect(() => followOptions({}, {
      env: { SLIDEV_FOLLOW_BROKER: 'http://127.0.0.1:9001' },
    }))
      .toThrow('SLIDEV_FOLLOW_BROKER "http://127.0.0.1:9001"')
  })
})
