import type { Credential, PressMessage, Published } from '../protocol.ts'
import type { Room, RoomStatus } from '../room.ts'
import { onScopeDispose, shallowRef } from 'vue'

/**
 * A room of the configured broker for a component's lifetime: the MQTT client (and its library)
 * loads only when `join` is first called.
 */
export function useRoom(handlers: {
  onPosition?: (position: Published) => void
  onPress?: (press: PressMessage) => void
  onStatus?: (status: RoomStatus, refusal?: { words: string, code: number }) => void
}) {
  const room = shallowRef<Room>()
  const status = shallowRef<RoomStatus | 'closed'>('closed')
  /** Why the broker refused, while `status` is `refused`: the words and the reason code. */
  const refusal = shallowRef<{ words: string, code: number }>()
  let closed = false
  /** Joins with the speaker's credential, or else the audience's login of the headmatter (`follow.audience`), if any. */
  async function join(credential?: Credential): Promise<Room | undefined> {
    if (room.value || !__SLIDEV_FOLLOW__)
      return room.value
    status.value = 'connecting'
    const { joinRoom } = await import('../room')
    if (closed)
      return undefined
    room.value = joinRoom({
      broker: __SLIDEV_FOLLOW__.broker,
      room: __SLIDEV_FOLLOW__.room,
      credential,
      audience: __SLIDEV_FOLLOW__.audience,
      onPosition: handlers.onPosition,
      onPress: handlers.onPress,
      onStatus(value, words, code) {
        refusal.value = value === 'refused' && words && code !== undefined
          ? { words, code }
          : undefined
        status.value = value
        handlers.onStatus?.(value, refusal.value)
      },
    })
    return room.value
  }
  onScopeDispose(() => {
    closed = true
    void room.value?.close()
  })
  return { room, status, refusal, join }
}
