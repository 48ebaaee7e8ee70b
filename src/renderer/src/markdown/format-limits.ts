/**
 * Bounds on the formatting work one block may ask for (issue 19: hostile answers). micromark and
 * react-markdown are fine on what models write, but some shapes cost far more than their length:
 * nesting (block quotes, lists) recurses and grows with the square of the depth until the stack
 * overflows (2,000 `>` blanked the app); unclosed emphasis delimiters are matched pairwise; every
 * table cell is an element; one unbroken word is laid out as one line box. So each block is measured
 * BEFORE it is parsed, in one pass over at most `maxBlockChars` characters, and a block over any
 * bound is shown as plain text instead (PlainBlock), never parsed or highlighted.
 *
 * The figures keep the worst block that still gets formatted to tens of milliseconds on a slow
 * machine (bench/renderer-stream.bench.ts measures the payloads against them).
 */
export const formatLimits = {
  /** A block longer than this is not parsed (a streaming tail is re-parsed on every delta). */
  maxBlockChars: 50_000,
  /** Container depth: `>` and list markers at a line's start, plus its indentation in steps of 2 columns. */
  maxDepth: 24,
  /**
   * Emphasis and strikethrough delimiter runs (`*`, `_`, `~`) in one block: unclosed ones cost the square
   * of their count (1,000 took 80–240 ms to draw, 2,000 about 250 ms, 10,000 seconds).
   */
  maxDelimiterRuns: 600,
  /**
   * Table cell separators (`|`) in one block. react-markdown's table path is slow per cell: a 30 × 30
   * table took 450–700 ms to draw on the machine the bench ran on, 3,000 cells 0.7–1.7 s.
   */
  maxTableCells: 500,
  /** Characters without whitespace in a row (a URL is far shorter). */
  maxWordChars: 10_000,
  /** A code block longer than this is drawn plain, a page at a time (a one-line 5 MB block took 34 s). */
  maxCodeChars: 100_000,
  /** A code chunk (code-chunks.ts) longer than this is not highlighted: a streaming one is redone per delta. */
  maxHighlightChunkChars: 20_000,
  /** Plain text put on screen at once for a block that is not formatted; more on request. */
  plainPageChars: 20_000,
} as const

export type TooLarge = 'length' | 'depth' | 'emphasis' | 'table' | 'word'

/** Why `source` must not be formatted, or null when it is within every bound. */
export function formatRefusal(source: string, limits = formatLimits): TooLarge | null {
  if (source.length > limits.maxBlockChars) return 'length'
  let runs = 0
  let pipes = 0
  let word = 0
  let lineStart = true
  let indent = 0
  let depth = 0
  let inFence = false
  for (let index = 0; index < source.length; index++) {
    const char = source.charCodeAt(index)
    if (lineStart) {
      // The line's container prefix: indentation, `>`, list markers (`-`, `*`, `+`, `1.`, `1)`) and spaces.
      if (char === space || char === tab) {
        indent += char === tab ? 4 : 1
        continue
      }
      if (char === greater) {
        depth++
        continue
      }
      const marker = listMarkerLength(source, index)
      if (marker > 0) {
        depth++
        index += marker - 1
        continue
      }
      // A fence line opens or closes code: indentation inside code is not nesting (deep JSON in a list item).
      if ((char === backtick || char === tilde) && isFenceAt(source, index, char)) inFence = !inFence
      else if (!inFence && depth + Math.floor(indent / 2) > limits.maxDepth) return 'depth'
      lineStart = false
    }
    if (char === newline) {
      lineStart = true
      indent = depth = word = 0
      continue
    }
    if (char === space || char === tab || char === carriageReturn) {
      word = 0
      continue
    }
    if (++word > limits.maxWordChars) return 'word'
    if (char === pipe) {
      if (++pipes > limits.maxTableCells) return 'table'
    } else if (char === star || char === underscore || char === tilde) {
      // A run of the same character is one delimiter run; only the first of a run is counted.
      if (source.charCodeAt(index - 1) !== char && ++runs > limits.maxDelimiterRuns) return 'emphasis'
    }
  }
  if (lineStart && !inFence && depth + Math.floor(indent / 2) > limits.maxDepth) return 'depth'
  return null
}

const space = 32
const tab = 9
const newline = 10
const carriageReturn = 13
const greater = 62
const pipe = 124
const star = 42
const underscore = 95
const tilde = 126
const backtick = 96

/** Three of the fence character in a row at `at`. */
const isFenceAt = (text: string, at: number, char: number) =>
  text.charCodeAt(at + 1) === char && text.charCodeAt(at + 2) === char

/** The length of a list marker and the space after it at `at` (`- `, `10. `), or 0 when there is none. */
function listMarkerLength(text: string, at: number): number {
  const char = text.charCodeAt(at)
  let end = at
  if (char === 45 || char === star || char === 43) end = at + 1
  else {
    while (end - at < 9 && isDigit(text.charCodeAt(end))) end++
    if (end === at) return 0
    const after = text.charCodeAt(end)
    if (after !== 46 && after !== 41) return 0
    end++
  }
  const next = text.charCodeAt(end)
  return next === space || next === tab ? end + 1 - at : 0
}

const isDigit = (char: number) => char >= 48 && char <= 57
