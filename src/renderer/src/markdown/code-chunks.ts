/**
 * Cuts a long code block into chunks that stay the same as the code grows, so a code block streaming
 * in the tail re-highlights and re-lays out only its last chunk, not all of it. A chunk ends at the
 * first blank line after `minLines` lines (a blank line rarely falls inside a string or comment, so
 * each chunk still highlights right on its own). Short code stays one chunk.
 *
 * `CodeChunker` is incremental, like the block splitter: when the code only grew, it scans just the
 * new lines, and hands back the same strings for the chunks that were already closed.
 */
export class CodeChunker {
  private code = ''
  private closed: string[] = []
  /** Where the open chunk starts, the next line to scan, and the lines in the open chunk so far. */
  private chunkStart = 0
  private lineStart = 0
  private lines = 0
  private result: string[] = ['']

  constructor(private readonly minLines = 60) {}

  update(code: string): readonly string[] {
    if (code === this.code) return this.result
    const open = this.code.slice(this.chunkStart)
    if (code.length < this.code.length || !code.startsWith(open, this.chunkStart)) {
      this.closed = []
      this.chunkStart = this.lineStart = this.lines = 0
    }
    this.code = code
    for (;;) {
      const newline = code.indexOf('\n', this.lineStart)
      // The last line may still be arriving: it never closes a chunk.
      if (newline === -1) break
      const blank = isBlank(code, this.lineStart, newline)
      this.lines++
      this.lineStart = newline + 1
      if (this.lines >= this.minLines && blank) {
        this.closed.push(code.slice(this.chunkStart, this.lineStart))
        this.chunkStart = this.lineStart
        this.lines = 0
      }
    }
    this.result = [...this.closed, code.slice(this.chunkStart)]
    return this.result
  }
}

/** All the chunks of `code` at once. */
export function codeChunks(code: string, minLines = 60): string[] {
  return [...new CodeChunker(minLines).update(code)]
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const char = text.charCodeAt(index)
    if (char !== 32 && char !== 9 && char !== 13) return false
  }
  return true
}
