/**
 * What a broker's refusal means, in words a reader understands: the reason codes of MQTT 5's
 * CONNACK and DISCONNECT (and MQTT 3.1.1's CONNACK return codes, which some brokers still answer).
 * Pure: room.ts hands the code over, the follow bar and the speaker's line say the words.
 */

/** The refusals of a login: the user name or password is wrong, or the login may not connect. */
const loginCodes = new Set([
  0x86, // 134 bad user name or password
  0x87, // 135 not authorised
  0x8C, // 140 bad authentication method
  4, // MQTT 3.1.1: bad user name or password
  5, // MQTT 3.1.1: not authorised
])

const words: Record<number, string> = {
  1: 'the broker does not speak this MQTT version',
  2: 'the broker refused this device\'s id',
  3: 'the broker is unavailable',
  4: 'wrong user name or password',
  5: 'not allowed in (not authorised)',
  0x80: 'the broker refused (unspecified error)',
  0x81: 'the broker could not read this device (malformed packet)',
  0x82: 'the broker refused (protocol error)',
  0x83: 'the broker refused (implementation specific error)',
  0x84: 'the broker does not speak MQTT 5',
  0x85: 'the broker refused this device\'s id',
  0x86: 'wrong user name or password',
  0x87: 'not allowed in (not authorised)',
  0x88: 'the broker is unavailable',
  0x89: 'the broker is busy',
  0x8A: 'this device is banned',
  0x8B: 'the broker is shutting down',
  0x8C: 'the broker wants another way to log in',
  0x8D: 'the connection went quiet (keep alive timeout)',
  0x8E: 'another device took over this session',
  0x95: 'a message was too large for the broker',
  0x97: 'the broker is full (quota exceeded)',
  0x98: 'the broker dropped this device (administrative action)',
  0x99: 'the broker refused (payload format invalid)',
  0x9C: 'the broker says to use another server',
  0x9D: 'the broker has moved',
  0x9F: 'too many connections at once (connection rate exceeded)',
}

/** Whether the broker's answer refuses something (an MQTT 5 reason code from 128, or an MQTT 3.1.1 return code). */
export function isRefusal(code: unknown): code is number {
  return Number.isInteger(code) && (((code as number) >= 1 && (code as number) <= 5) || ((code as number) >= 0x80 && (code as number) <= 0xFF))
}

/** Whether the refusal is of the login itself (wrong password, not authorised), rather than the broker's state. */
export function isLoginRefusal(code: number): boolean {
  return loginCodes.has(code)
}

/** The refusal in words, with its code: "the broker is full (quota exceeded), code 151". */
export function refusalWords(code: number): string {
  return `${words[code] ?? 'the broker refused'} (code ${code})`.replace(/\) \(code/, ', code')
}
