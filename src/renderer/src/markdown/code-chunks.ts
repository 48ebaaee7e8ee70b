/**
 * Cuts a long code block into chunks that stay the same as the code grows, so a code block streaming
 * in the tail re-highlights only its last chunk, not all of it. A chunk ends at the first blank line
 * after `minLines` lines (a blank line rarely falls inside a string or comment, so each chunk still
 * highlights right on its own). Short code stays one chunk.
 */
export function codeChunks(code: string, minLines = 60): string[] {
  const chunks: string[] = []
  let chunkStart = 0
  let lines = 0
  let lineStart = 0
  for (;;) {
    const newline = code.indexOf('\n', lineStart)
    // The last line may still be arriving: it never closes a chunk.
    if (newline === -1) break
    const isBlank = code.slice(lineStart, newline).trim() === ''
    lines++
    lineStart = newline + 1
    if (lines >= minLines && isBlank) {
      chunks.push(code.slice(chunkStart, lineStart))
      chunkStart = lineStart
      lines = 0
    }
  }
  chunks.push(code.slice(chunkStart))
  return chunks
}
