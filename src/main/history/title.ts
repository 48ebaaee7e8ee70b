const maxTitleLength = 80

/**
 * A conversation's title from its first user message: the first line with text, trimmed, cut to
 * 80 characters (counted in code points, so an emoji is never split) with an ellipsis when cut.
 */
export function titleFromMessage(content: string): string {
  const line = content
    .split(/\r?\n|\r/)
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate.length > 0)
  if (!line) return ''
  const characters = Array.from(line.replace(/\s+/g, ' '))
  if (characters.length <= maxTitleLength) return characters.join('')
  return `${characters
    .slice(0, maxTitleLength - 1)
    .join('')
    .trimEnd()}…`
}
