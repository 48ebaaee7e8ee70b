/**
 * A block that is one fenced code block at column 0 (the splitter makes such fences blocks of their
 * own) is drawn straight from its lines, without a markdown parse: a long code answer streaming in
 * the tail would otherwise be parsed whole on every delta. Anything less plain (an indented fence,
 * text after the closing fence) returns null and goes through react-markdown as usual.
 */
export interface FenceBlock {
  code: string
  language: string | null
  /** The closing fence is there: the code is whole (a diagram is drawn only then). */
  closed: boolean
}

const opening = /^(`{3,}|~{3,})([^\n]*)\n/

export function parseFenceBlock(source: string): FenceBlock | null {
  const open = opening.exec(source)
  if (!open) return null
  const marker = open[1]!
  const info = open[2]!
  // A backtick fence's info string has no backticks (else the line is inline code).
  if (marker[0] === '`' && info.includes('`')) return null
  let body = source.slice(open[0].length)
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'm')
  const close = closing.exec(body)
  if (close) {
    // Closed: only blank lines may follow the closing line, else the block holds more than this fence.
    if (body.slice(close.index + close[0].length).trim() !== '') return null
    body = body.slice(0, close.index)
  }
  // Still open (streaming): every line so far is code.
  const language = info.trim().split(/\s+/)[0] || null
  return { code: body.replace(/\n$/, ''), language: language ? decodeInfo(language) : null, closed: close !== null }
}

/** The info string's first word, with the backslash escapes CommonMark allows there. */
function decodeInfo(word: string): string {
  return word.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
