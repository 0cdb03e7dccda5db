/** `<FollowQrCode … />`, or the tag with a closing tag, as a slide's markdown writes it. */
const qrCodeTag = /<FollowQrCode\b[^>]*?(?:\/>|>[\s\S]*?<\/FollowQrCode\s*>)/g

/** The fence that opens or closes a code block: three or more backticks or tildes. */
const fence = /^ {0,3}(`{3,}|~{3,})/

/** `[start, end)` of each fenced code block of `markdown`, whose text is shown, not rendered. */
function codeBlocks(markdown: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = []
  let open: { marker: string, start: number } | undefined
  let offset = 0
  for (const line of markdown.split('\n')) {
    const marker = line.match(fence)?.[1]
    if (marker && !open) {
      open = { marker, start: offset }
    }
    else if (marker && open && marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      blocks.push([open.start, offset + line.length])
      open = undefined
    }
    offset += line.length + 1
  }
  if (open)
    blocks.push([open.start, markdown.length])
  return blocks
}

/**
 * Where a slide's markdown places the follow QR code: `[start, end)` of each tag, outside code
 * blocks. Without a broker the component would render nothing, yet each slide that names it would
 * still load its chunk and stylesheet: setup/transformers.ts removes the tags instead.
 */
export function qrCodeTags(markdown: string): Array<[number, number]> {
  const blocks = codeBlocks(markdown)
  return [
    ...markdown.matchAll(qrCodeTag),
  ]
    .map((match): [number, number] => [match.index, match.index + match[0].length])
    .filter(([start]) => !blocks.some(([from, to]) => start >= from && start < to))
}
