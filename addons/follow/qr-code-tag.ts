import MarkdownExit from 'markdown-exit'

/** `<FollowQrCode … />`, or the tag with a closing tag, as a slide's markdown writes it. */
const qrCodeTag = /<FollowQrCode\b[^>]*?(?:\/>|>[\s\S]*?<\/FollowQrCode\s*>)/g

/** Slidev's markdown parser, for where the code blocks are. */
const markdownParser = MarkdownExit({ html: true })

/** The lines `[first, end)` of each code block, fenced or indented, whose text is shown, not rendered. */
function codeBlockLines(markdown: string): Array<[number, number]> {
  return markdownParser.parse(markdown, {})
    .filter(token => (token.type === 'fence' || token.type === 'code_block') && token.map)
    .map(token => token.map!)
}

/**
 * Where a slide's markdown places the follow QR code: `[start, end)` of each tag, outside code
 * blocks. Without a broker the component would render nothing, yet each slide that names it would
 * still load its chunk and stylesheet: setup/transformers.ts removes the tags instead.
 */
export function qrCodeTags(markdown: string): Array<[number, number]> {
  const blocks = codeBlockLines(markdown)
  const lineOf = (index: number) => markdown.slice(0, index).split('\n').length - 1
  return [
    ...markdown.matchAll(qrCodeTag),
  ]
    .map((match): [number, number] => [match.index, match.index + match[0].length])
    .filter(([start]) => !blocks.some(([first, end]) => lineOf(start) >= first && lineOf(start) < end))
}
