/** The last lines a server wrote to stderr, shown with its start-up failures and crashes. */
export class StderrTail {
  private lines: string[] = []
  private partial = ''

  constructor(
    private readonly maxLines = 20,
    private readonly maxLineChars = 500,
  ) {}

  push(text: string): void {
    const pieces = (this.partial + text).split(/\r?\n/)
    this.partial = (pieces.pop() ?? '').slice(-this.maxLineChars * 4)
    for (const line of pieces) if (line.trim()) this.lines.push(line.slice(0, this.maxLineChars))
    if (this.lines.length > this.maxLines) this.lines = this.lines.slice(-this.maxLines)
  }

  /** The kept lines, the unfinished last one included. */
  get(): string[] {
    const partial = this.partial.trim() ? [this.partial.slice(0, this.maxLineChars)] : []
    return [...this.lines, ...partial].slice(-this.maxLines)
  }

  clear(): void {
    this.lines = []
    this.partial = ''
  }
}
