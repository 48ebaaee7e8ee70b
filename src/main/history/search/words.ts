/**
 * What counts as a word, the same way in the query, the scan and the snippet as in SQLite's
 * unicode61 tokenizer (letters, numbers, private use; everything else separates words).
 */
import { foldText } from './fold'

const wordPattern = /[\p{L}\p{N}\p{Co}]+/gu
const wordCharacter = /[\p{L}\p{N}\p{Co}]/u

/** At most this many words of a query count; more would only slow the search down. */
const maxQueryWords = 16

export function isWordCharacter(character: string): boolean {
  return wordCharacter.test(character)
}

/** The distinct folded words of a query, in order. Anything that is not a word (quotes, `*`, `(`) is dropped. */
export function queryWords(query: string): string[] {
  const words = foldText(query).match(wordPattern) ?? []
  return [...new Set(words)].slice(0, maxQueryWords)
}

/**
 * A query word matches the words it starts (`viet` finds `việtnam`), except a single letter, which
 * matches only itself: "every word starting with t" is most of the history, slow to gather (over
 * 100 ms on 1M messages) and useless as an answer, while `ở` or `a` alone is a real word.
 */
export function matchesAsPrefix(word: string): boolean {
  return [...word].length > 1
}

function characterBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1)
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index)
}

function characterAt(text: string, index: number): string {
  const high = text.charCodeAt(index)
  return high >= 0xd800 && high <= 0xdbff ? text.slice(index, index + 2) : text.slice(index, index + 1)
}

/** End (exclusive) of the word that runs through `index` in folded text. */
export function wordEnd(folded: string, index: number): number {
  let end = index
  while (end < folded.length) {
    const character = characterAt(folded, end)
    if (!isWordCharacter(character)) break
    end += character.length
  }
  return end
}

/** Whether `word` (a query word) matches the text's word that starts at `at`, as FTS5 would. */
export function wordMatchesAt(folded: string, at: number, word: string): boolean {
  if (!folded.startsWith(word, at)) return false
  if (at > 0 && isWordCharacter(characterBefore(folded, at))) return false
  const end = at + word.length
  return matchesAsPrefix(word) || end === folded.length || !isWordCharacter(characterAt(folded, end))
}

/** Whether the folded text has a word `word` matches. */
export function containsWord(folded: string, word: string): boolean {
  for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
    if (wordMatchesAt(folded, at, word)) return true
  }
  return false
}
