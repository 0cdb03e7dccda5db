import process from 'node:process'
import { startFollowLocal } from '../tools/follow-local.ts'

// `npm run follow:local`: rehearse following on this machine. A local Mosquitto with a fresh speaker
// login, and the dev server on http://localhost:3030 pointed at it (tools/follow-local.ts); prints the
// presenter's link (with the login) and the audience's. Ctrl-C or SIGTERM stops both.
try {
  const local = await startFollowLocal()
  console.log(`presenter: ${local.presenter}`)
  console.log(`audience: ${local.audience}`)
  let stopping = false
  const stop = (code: number) => {
    if (stopping)
      return
    stopping = true
    local.stop().finally(() => process.exit(code))
  }
  process.once('SIGINT', () => stop(0))
  process.once('SIGTERM', () => stop(0))
  local.ended.then((why) => {
    if (!stopping) {
      console.error(why)
      stop(1)
    }
  })
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
