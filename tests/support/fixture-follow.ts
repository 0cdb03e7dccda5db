import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { followOptions } from '../../addons/follow/options'
import { fixtureSource } from '../../tools/fixture-deck'

/**
 * The broker and room of the fixture deck's headmatter (`follow:`), which its build was made with:
 * the tests start a local Mosquitto on that port.
 */
export function fixtureFollow(): { port: number, room: string } {
  const file = join(fixtureSource, 'slides.md')
  const follow = /^follow:\n\s+broker: (\S+)\n\s+room: (\S+)$/m.exec(readFileSync(file, 'utf8'))
  const options = follow && followOptions({ broker: follow[1], room: follow[2] })
  if (!options)
    throw new Error(`${file} has no \`follow:\` with a broker and a room`)
  return {
    port: Number(new URL(options.broker).port),
    room: options.room,
  }
}

/**
 * The slide whose section the follow page has scrolled to the top of the screen (its scroll margin
 * below the follow bar). Self-contained: the tests run it in the page.
 */
export function sectionAtTop(): string | undefined {
  return [
    ...document.querySelectorAll('section[id]'),
  ]
    .find(section => Math.abs(section.getBoundingClientRect().top - Number.parseFloat(getComputedStyle(section).scrollMarginTop)) < 8)
    ?.id
}
