/**
 * Size limits of the places reports go, and a cut that keeps Markdown readable.
 *   - A GitHub issue or pull-request comment body: 65,536 characters (the API answers 422
 *     "body is too long (maximum is 65536 characters)").
 *   - A step's job summary: 1 MiB ($GITHUB_STEP_SUMMARY upload is aborted above 1024k).
 */
export const COMMENT_MAX_CHARS = 65_536
export const SUMMARY_MAX_BYTES = 1024 * 1024

const utf8 = new TextEncoder()

/**
 * `markdown` if it fits in `max` (characters, or UTF-8 bytes with `unit: 'bytes'`), else its
 * beginning cut at a line end, an open code fence closed, and `notice` (where to find the rest).
 */
export function fitMarkdown(
  markdown: string,
  max: number,
  notice: string,
  unit: 'chars' | 'bytes' = 'chars'
): string {
  const size = (text: string) => (unit === 'bytes' ? utf8.encode(text).length : text.length)
  if (size(markdown) <= max) return markdown
  const tail = `\n\n> [!WARNING]\n> ${notice}\n`
  // Room for the tail and a closing fence; bytes are at most 4 per character.
  const room = max - size(tail) - 8
  if (room <= 0) throw new Error(`a limit of ${max} leaves no room for the notice`)
  let cut = unit === 'bytes' ? prefixWithinBytes(markdown, room) : markdown.slice(0, room)
  const lineEnd = cut.lastIndexOf('\n')
  if (lineEnd > 0) cut = cut.slice(0, lineEnd)
  const fences = cut.match(/^(```|~~~)/gm)?.length ?? 0
  return `${cut}${fences % 2 === 1 ? '\n```' : ''}${tail}`
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never half a character. */
function prefixWithinBytes(text: string, maxBytes: number): string {
  let bytes = 0
  let index = 0
  for (const char of text) {
    const length = utf8.encode(char).length
    if (bytes + length > maxBytes) break
    bytes += length
    index += char.length
  }
  return text.slice(0, index)
}
