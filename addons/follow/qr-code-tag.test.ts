import { describe, expect, it } from 'vitest'
import { qrCodeTags } from './qr-code-tag.ts'

const cut = (markdown: string) => qrCodeTags(markdown).reduceRight((text, [start, end]) => text.slice(0, start) + text.slice(end), markdown)

describe('a slide that shows the follow QR code, on a deck with no broker', () => {
  it('loses the tag, with its attributes, and keeps the rest of the slide', () => {
    expect(cut('# Title\n\n<FollowQrCode class="follow-corner" />\n\nText')).toBe('# Title\n\n\n\nText')
    expect(cut('<FollowQrCode label="Scan me"\n  class="corner"/>')).toBe('')
  })

  it('loses a tag written with its closing tag, and every tag of the slide', () => {
    expect(cut('a <FollowQrCode></FollowQrCode> b <FollowQrCode /> c')).toBe('a  b  c')
  })

  it('keeps components that only start with the same name, and the name in prose', () => {
    const text = '<FollowQrCodeLarge /> and `FollowQrCode` in a sentence'
    expect(qrCodeTags(text)).toEqual([])
  })
})

describe('a slide that shows how to use the component', () => {
  it('keeps the tag inside a code block, and still drops the one outside it', () => {
    const text = '```vue\n<FollowQrCode />\n```\n\n<FollowQrCode />'
    expect(cut(text)).toBe('```vue\n<FollowQrCode />\n```\n\n')
    expect(cut('~~~~md\n<FollowQrCode />\n~~~~')).toBe('~~~~md\n<FollowQrCode />\n~~~~')
    expect(cut('Text\n\n    <FollowQrCode />\n')).toBe('Text\n\n    <FollowQrCode />\n')
  })
})
