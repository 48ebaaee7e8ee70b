/**
 * Folding for search: lower case, no diacritics, so `tieng viet` finds `tiếng Việt`. SQLite's
 * unicode61 tokenizer would strip most diacritics itself but not the letters that have no
 * decomposition, above all Vietnamese `đ`, so all folding happens here, the same way for the
 * indexed text, the query and the snippet.
 */

/** Letters with a stroke or other non-decomposable mark, folded by hand; `ς` so that per-character and whole-text folding agree. */
const lettersWithoutDecomposition: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', ħ: 'h', ς: 'σ' }
const lettersPattern = /[đðłøħς]/g
const nonSpacingMarks = /\p{Mn}+/gu

/** The folded form of a whole text: what the search index stores and what queries are matched against. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(nonSpacingMarks, '')
    .replace(lettersPattern, (letter) => lettersWithoutDecomposition[letter]!)
}

const foldedCharacters = new Map<string, string>()

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character)
  if (folded === undefined) {
    folded = foldText(character)
    if (foldedCharacters.size < 10_000) foldedCharacters.set(character, folded)
  }
  return folded
}

/**
 * The folded text with, for each folded UTF-16 unit, the index in `text` of the character it came
 * from, so a match found in folded text can be marked on the original characters.
 */
export function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  const parts: string[] = []
  const origins: number[] = []
  for (let index = 0; index < text.length;) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      // ASCII, most of any text: only the case changes.
      parts.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[index]!)
      origins.push(index)
      index++
      continue
    }
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1
    const folded = foldCharacter(text.slice(index, index + width))
    parts.push(folded)
    for (let unit = 0; unit < folded.length; unit++) origins.push(index)
    index += width
  }
  return { folded: parts.join(''), origins }
}
