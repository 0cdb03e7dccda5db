// The script of the follow page (`follow/`, made by follow-page.ts from the reading view): joins the
// speaker's room and scrolls to the section of the slide being presented, until the reader scrolls;
// the bar then offers to follow again. Plain DOM, no framework: the page is the reading view.
import type { FollowState } from '../follower.ts'
import * as follower from '../follower.ts'
import { joinRoom } from '../room.ts'

const options = __SLIDEV_FOLLOW__!
const button = document.querySelector<HTMLButtonElement>('[data-follow-bar] button')!
let state: FollowState = follower.follow(follower.initialState)[0]

function render() {
  button.textContent = follower.describe(state)
  button.dataset.mode = state.mode
  button.dataset.connection = state.connection
  button.disabled = state.mode === 'following'
}

function show(page: number | undefined) {
  const section = page === undefined
    ? undefined
    : document.getElementById(String(page))
  if (!section)
    return
  history.replaceState(null, '', `#${page}`)
  section.scrollIntoView({ block: 'start' })
  // The slide takes the keyboard focus too, so a screen reader reads on from where the speaker is.
  if (!section.hasAttribute('tabindex'))
    section.setAttribute('tabindex', '-1')
  section.focus({ preventScroll: true })
}

function pause() {
  const next = follower.pause(state)
  if (next !== state) {
    state = next
    render()
  }
}

// Only what a reader does pauses: a scroll of the follower's own fires none of these.
for (const type of ['wheel', 'touchmove'] as const)
  addEventListener(type, pause, { passive: true })
addEventListener('keydown', (event) => {
  if ([
    'ArrowUp',
    'ArrowDown',
    'PageUp',
    'PageDown',
    'Home',
    'End',
    ' ',
  ].includes(event.key)) {
    pause()
  }
})
document.addEventListener('click', (event) => {
  if ((event.target as Element | null)?.closest('a[href^="#"]'))
    pause()
})

button.addEventListener('click', () => {
  const [next, target] = follower.follow(state)
  state = next
  render()
  show(target?.page)
})

joinRoom({
  broker: options.broker,
  room: options.room,
  audience: options.audience,
  onPosition(position) {
    const [next, target] = follower.received(state, position)
    state = next
    render()
    show(target?.page)
  },
  onStatus(status, detail) {
    state = follower.connection(state, status, detail)
    render()
  },
})
render()
