import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, relative, resolve } from 'node:path'

/**
 * Slidev's snippet import, `<<< @/snippets/external.ts#snippet ts {2|3}`, as the reading view
 * reads it: the file (from the deck's folder with `@/`, else from the slide's file), the region
 * between `#region name` and `#endregion` markers, and the language (the file's extension unless
 * one is written). The syntax is Slidev 53's (`node/syntax/snippet.ts`), itself VitePress's.
 */
export interface SnippetImport {
  path: string
  region?: string
  lang?: string
}

/** The parts of a `<<<` line, or undefined for any other line. */
export function snippetLine(line: string): SnippetImport | undefined {
  const words = line.trim().split(/\s+/)
  if (words[0] !== '<<<' && !words[0].startsWith('<<<'))
    return undefined
  if (words[0] === '<<<')
    words.shift()
  else
    words[0] = words[0].slice(3)
  const [target, lang] = words
  if (!target || target.startsWith('{'))
    return undefined
  const hash = target.indexOf('#')
  return {
    path: hash < 0
      ? target
      : target.slice(0, hash),
    region: hash < 0
      ? undefined
      : target.slice(hash + 1),
    lang: lang && !lang.startsWith('{')
      ? lang
      : undefined,
  }
}

/** Where a line is a region marker in any language's comment (`// #region x`, `<!-- #endregion -->`, `# region x`), what it says. */
function regionMarker(line: string): { end: boolean, name: string } | undefined {
  const words = line.trim().replace(/^(?:\/\/|\/\*|<!--|--|#|\(\*)/, '').replace(/(?:\*\/|-->|\*\))$/, '').trim().split(/\s+/)
  const keyword = words[0]?.replace(/^#/, '').toLowerCase()
  if (keyword === 'region' || keyword === 'endregion') {
    return {
      end: keyword === 'endregion',
      name: words.slice(1).join(' '),
    }
  }
  if (keyword === 'end' && words[1]?.toLowerCase() === 'region') {
    return {
      end: true,
      name: words.slice(2).join(' '),
    }
  }
  return undefined
}

/** The lines of region `name`, without its markers and their common indent; undefined when there is none. */
export function snippetRegion(lines: string[], name: string): string[] | undefined {
  const start = lines.findIndex((line) => {
    const marker = regionMarker(line)
    return marker && !marker.end && marker.name === name
  })
  if (start < 0)
    return undefined
  const end = lines.findIndex((line, i) => {
    const marker = regionMarker(line)
    return i > start && marker?.end && (marker.name === name || !marker.name)
  })
  const body = lines.slice(start + 1, end < 0
    ? lines.length
    : end).filter(line => !regionMarker(line))
  const indent = Math.min(...body.filter(line => line.trim()).map(line => line.length - line.trimStart().length))
  return body.map(line => line.slice(Number.isFinite(indent)
    ? indent
    : 0))
}

/**
 * The code a snippet import brings, or a note of why there is none (the deck's own build stops on
 * a missing file, so this is seldom read). `file` is the slide's markdown file, `root` the deck's folder.
 */
export function resolveSnippet(snippet: SnippetImport, { file, root }: { file: string, root: string }): { code: string, lang: string } | { missing: string } {
  const path = snippet.path.startsWith('@/')
    ? resolve(root, snippet.path.slice(2))
    : resolve(dirname(file), snippet.path)
  if (!existsSync(path) || !statSync(path).isFile())
    return { missing: `the snippet ${relative(root, path)} is not there` }
  const lines = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')
  const region = snippet.region
    ? snippetRegion(lines, snippet.region)
    : undefined
  return {
    code: (region ?? lines).join('\n'),
    lang: snippet.lang ?? extname(path).slice(1),
  }
}
