/**
 * Where a file stops being JSON, as a line and column a person can find in an editor. V8's own
 * message gives a position for some faults only (for `[1,]` in a long file it quotes a snippet
 * instead), so when `JSON.parse` refuses a file this scanner walks it once more to find the spot.
 * It runs only on failure, so the cost of a second pass is paid only by broken files.
 */

export interface JsonSyntaxFault {
  line: number
  column: number
  /** What is wrong there, in words (`expected ',' or '}' but found ']'`). */
  problem: string
}

type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end'

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u'])

class Fault {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** The first syntax fault in `text`, or null when it is valid JSON. */
export function findJsonSyntaxFault(text: string): JsonSyntaxFault | null {
  try {
    scan(text)
    return null
  } catch (error) {
    if (!(error instanceof Fault)) throw error
    return { ...lineAndColumn(text, error.offset), problem: error.problem }
  }
}

function scan(text: string): void {
  const closers: ('}' | ']')[] = []
  let expecting: Expecting = 'value'
  let i = 0
  const afterValue = () => (closers.length ? 'comma-or-close' : 'end')
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
    if (i >= text.length) {
      if (expecting === 'end') return
      throw new Fault(i, 'the file ends too early (was it cut off?)')
    }
    const c = text[i]!
    switch (expecting) {
      case 'end':
        throw new Fault(i, `unexpected ${shown(c)} after the end of the data`)
      case 'colon':
        if (c !== ':') throw new Fault(i, `expected ':' after the field name but found ${shown(c)}`)
        i++
        expecting = 'value'
        continue
      case 'comma-or-close': {
        const closer = closers.at(-1)!
        if (c === ',') {
          i++
          expecting = closer === '}' ? 'key' : 'value'
        } else if (c === closer) {
          i++
          closers.pop()
          expecting = afterValue()
        } else throw new Fault(i, `expected ',' or '${closer}' but found ${shown(c)}`)
        continue
      }
      case 'key-or-close':
      case 'key':
        if (c === '}' && expecting === 'key-or-close') {
          i++
          closers.pop()
          expecting = afterValue()
        } else if (c === '"') {
          i = endOfString(text, i)
          expecting = 'colon'
        } else if (c === '}') throw new Fault(i, "a ',' before '}' (JSON allows no trailing comma)")
        else throw new Fault(i, `expected a field name in double quotes but found ${shown(c)}`)
        continue
      case 'value-or-close':
        if (c === ']') {
          i++
          closers.pop()
          expecting = afterValue()
          continue
        }
        break
      case 'value':
        if (c === ']' && text[lastNonSpace(text, i)] === ',')
          throw new Fault(i, "a ',' before ']' (JSON allows no trailing comma)")
        break
    }
    // A value starts here.
    if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']')
      expecting = c === '{' ? 'key-or-close' : 'value-or-close'
      i++
      continue
    }
    if (c === '"') i = endOfString(text, i)
    else if (c === '-' || (c >= '0' && c <= '9')) {
      numberPattern.lastIndex = i
      if (!numberPattern.test(text)) throw new Fault(i, 'a malformed number')
      i = numberPattern.lastIndex
    } else {
      const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, i))
      if (!word) throw new Fault(i, `expected a value but found ${shown(c)}`)
      i += word.length
    }
    expecting = afterValue()
  }
}

/** The offset just past the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === 0x22) return i + 1
    if (code < 0x20) throw new Fault(i, 'a raw line break or control character inside a string (write it as \\n)')
    if (code === 0x5c) {
      const escape = text[i + 1]
      if (escape === undefined || !escapes.has(escape)) throw new Fault(i, 'an unknown escape in a string')
      if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
        throw new Fault(i, 'a \\u escape without four hex digits')
      i += escape === 'u' ? 6 : 2
      continue
    }
    i++
  }
  throw new Fault(start, 'a string that never ends (was the file cut off?)')
}

function lastNonSpace(text: string, before: number): number {
  let i = before - 1
  while (i > 0 && /\s/.test(text[i]!)) i--
  return i
}

function shown(c: string): string {
  return c === "'" ? `"'"` : `'${c}'`
}

/** 1-based line and column (in UTF-16 units, as editors count them for most text). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
