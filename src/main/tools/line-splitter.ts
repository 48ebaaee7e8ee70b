/**
 * Splits a byte stream into lines, in linear time. The SDK's `ReadBuffer` re-copies the whole buffer
 * and re-scans it from the start on every chunk, which made a 10 MB message cost over a second of
 * main-process CPU (and 62.5 MB, 45 s). Here chunks are kept in a list, only each new chunk is
 * searched for `\n`, and a message's bytes are joined once, when its line ends.
 */
export class LineTooLongError extends Error {
  constructor(readonly maxBytes: number) {
    super(`A message was larger than ${maxBytes} bytes.`)
    this.name = 'LineTooLongError'
  }
}

export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0

  constructor(private readonly maxBytes: number) {}

  /** The lines this chunk completes (without `\n` or a trailing `\r`); throws past `maxBytes`. */
  push(chunk: Buffer): string[] {
    const lines: string[] = []
    let start = 0
    for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, start)) {
      this.take(chunk.subarray(start, index))
      const line = Buffer.concat(this.pending, this.pendingBytes).toString('utf8')
      this.pending = []
      this.pendingBytes = 0
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line)
      start = index + 1
    }
    if (start < chunk.length) this.take(chunk.subarray(start))
    return lines
  }

  clear(): void {
    this.pending = []
    this.pendingBytes = 0
  }

  private take(piece: Buffer): void {
    if (this.pendingBytes + piece.length > this.maxBytes) {
      this.clear()
      throw new LineTooLongError(this.maxBytes)
    }
    if (piece.length > 0) this.pending.push(piece)
    this.pendingBytes += piece.length
  }
}
