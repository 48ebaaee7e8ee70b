/**
 * Splits streaming markdown into top-level blocks, so the renderer can parse each finished block once
 * and re-parse only the growing tail. The splitter is incremental: appending text scans only the new
 * complete lines, so a delta costs the same at 100 characters as at 100,000.
 *
 * A boundary is placed only where parsing the pieces apart gives what parsing them together would:
 * - after a blank line, before a line that starts at column 0 (an indented line continues a list item
 *   or code, and a list marker after a blank line continues a loose list);
 * - before and after a fenced code block that starts at column 0 (a fence can interrupt a paragraph),
 *   with blank lines inside a fence never counted;
 * - before and after an ATX heading (`# Title`), which is one line and interrupts a paragraph.
 * A boundary is decided only on complete lines, so a half-arrived line always stays in the tail.
 * Link reference definitions in one block do not reach links in another; models rarely write them.
 */
export interface SplitResult {
  /** Finished blocks: never change again while the text only grows. The array is replaced only when one is added. */
  finished: readonly string[]
  /** The block still growing (may be empty). */
  tail: string
  /** Counts the times the splitter started over because the text was replaced rather than extended. */
  restarts: number
}

interface ScanState {
  /** Where the open (tail) block starts in the text. */
  blockStart: number
  /** Where the next line to scan starts. */
  lineStart: number
  blockHasContent: boolean
  blockIsList: boolean
  sawBlank: boolean
  /** The open block is a fence or heading that ended: the next non-blank line starts a new block. */
  blockClosed: boolean
  /** The open fence's closing line, while inside one. */
  fenceClose: RegExp | null
}

// Fences are tracked at any indentation (inside list items too); only one at column 0 makes a block.
const fenceOpen = /^[ \t]*(`{3,}|~{3,})(.*)$/
/** A closing fence: the same character, at least as many, nothing after. */
const fenceCloseFor = (marker: string) => new RegExp(`^[ \\t]*${marker[0]}{${marker.length},}[ \\t\\r]*$`)
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/
const listMarker = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/
const blank = /^[ \t\r]*$/

function freshState(at: number): ScanState {
  return {
    blockStart: at,
    lineStart: at,
    blockHasContent: false,
    blockIsList: false,
    sawBlank: false,
    blockClosed: false,
    fenceClose: null,
  }
}

export class BlockSplitter {
  private text = ''
  private state = freshState(0)
  private finished: string[] = []
  private result: SplitResult = { finished: [], tail: '', restarts: 0 }

  /** The blocks of `text`; cheap when `text` extends the previous call's text. */
  update(text: string): SplitResult {
    if (text === this.text) return this.result
    // Only the open block is compared, so a delta costs the same at any length: finished blocks are
    // taken to stay as they were. An answer only grows (Continue appends too); another text for the
    // same component would be another message, and the transcript keys its rows by message id.
    if (text.length <= this.text.length || !text.startsWith(this.result.tail, this.state.blockStart)) {
      Object.assign(this.state, freshState(0))
      this.finished = []
      this.result = { finished: this.finished, tail: '', restarts: this.result.restarts + 1 }
    }
    this.text = text
    const before = this.finished.length
    this.scan(text)
    const finished = this.finished.length === before ? this.result.finished : this.finished.slice()
    this.result = { finished, tail: text.slice(this.state.blockStart), restarts: this.result.restarts }
    return this.result
  }

  private scan(text: string): void {
    const state = this.state
    for (;;) {
      const newline = text.indexOf('\n', state.lineStart)
      if (newline === -1) return
      const line = text.slice(state.lineStart, newline)
      this.scanLine(text, line, state.lineStart)
      state.lineStart = newline + 1
    }
  }

  private scanLine(text: string, line: string, lineStart: number): void {
    const state = this.state
    if (state.fenceClose) {
      if (state.fenceClose.test(line)) {
        state.fenceClose = null
        // A fence at column 0 is a block of its own; one inside a list item stays with the item.
        if (!state.blockIsList) state.blockClosed = true
      }
      return
    }
    if (blank.test(line)) {
      if (state.blockHasContent) state.sawBlank = true
      return
    }
    const atColumnZero = line[0] !== ' ' && line[0] !== '\t'
    const fence = fenceOpen.exec(line)
    const opensFence = fence !== null && !(fence[1]![0] === '`' && fence[2]!.includes('`'))
    const heading = atxHeading.test(line)
    if (state.blockHasContent) {
      const boundary =
        state.blockClosed ||
        (atColumnZero && state.sawBlank && !(state.blockIsList && listMarker.test(line))) ||
        (atColumnZero && (opensFence || heading))
      if (boundary) this.finishBlockAt(text, lineStart)
    }
    if (!state.blockHasContent) {
      state.blockHasContent = true
      state.blockIsList = listMarker.test(line)
      if (heading) state.blockClosed = true
    }
    state.sawBlank = false
    if (opensFence) state.fenceClose = fenceCloseFor(fence[1]!)
  }

  private finishBlockAt(text: string, at: number): void {
    this.finished.push(text.slice(this.state.blockStart, at))
    // In place: the scan loop holds this object.
    Object.assign(this.state, freshState(at))
  }
}
