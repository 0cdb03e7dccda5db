// @vitest-environment node
import { describe, expect, it } from 'vitest'
import preparser, { readableTitle } from '../../setup/preparser'

/** What Slidev does with a slide's content and frontmatter: the title the outline and the overview show. */
async function titleOf(content: string, frontmatter: Record<string, unknown> = {}) {
  const [extension] = (preparser as unknown as () => Array<{ transformSlide: (content: string, frontmatter: Record<string, unknown>) => Promise<unknown> }>)()
  await extension.transformSlide(content, frontmatter)
  return frontmatter
}

describe('the slide titles of the PDF outline', () => {
  it('read as the slide shows them: a prompt, an emoji, no markup', () => {
    expect(readableTitle('<ShellPrompt>man cargo</ShellPrompt>')).toBe('$ man cargo')
    expect(readableTitle('CI is a different :alien:')).toBe('CI is a different 👽')
    expect(readableTitle('**Bold** and `code` and _this_')).toBe('Bold and code and this')
  })

  it('come from the first heading outside code and comments, at level 1', async () => {
    expect(await titleOf('<!--\n# Not this\n-->\n\n```md\n# Nor this\n```\n\n## <ShellPrompt>man cargo</ShellPrompt>\n\n# Later')).toEqual({ title: '$ man cargo', level: 1 })
  })

  it('leave a slide\'s own title, and a slide without a heading, alone', async () => {
    expect(await titleOf('# Heading', { title: 'Own' })).toEqual({ title: 'Own', level: 1 })
    expect(await titleOf('Just text')).toEqual({ level: 1 })
  })
})
