/**
 * Search snippets, built from the original text (the index keeps no copy): a window of about 40
 * characters around the first match, with every matched word marked. Matching happens on folded
 * text; each folded character knows which original character it came from, so the marks land on
 * the original characters (`Việt` for the query `viet`). Segments, never HTML.
 */
import type { Snippet } from '../../../shared/history'
import { foldWithOrigins } from './fold'
import { wordEnd, wordMatchesAt } from './words'

const windowLength = 40
const contextBefore = 15
/** A match further into a huge message than this is not looked for; the snippet shows the start. */
const searchableLength = 200_000

/** Word matches (start, end in folded text) of any of `words` starting in [from, to). */
function findMatches(folded: string, words: readonly string[], from: number, to: number, first: boolean) {
  const matches: Array<[number, number]> = []
  for (const word of words) {
    for (let at = folded.indexOf(word, from); at !== -1 && at < to; at = folded.indexOf(word, at + 1)) {
      if (!wordMatchesAt(folded, at, word)) continue
      matches.push([at, wordEnd(folded, at + word.length)])
      if (first) break
    }
  }
  return matches.sort((a, b) => a[0] - b[0])
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff
}

function segment(snippet: Snippet, text: string, match: boolean): void {
  const clean = text.replace(/\s+/g, ' ')
  if (!clean) return
  const last = snippet.at(-1)
  if (last && last.match === match) last.text += clean
  else snippet.push({ text: clean, match })
}

export function buildSnippet(content: string, words: readonly string[]): Snippet {
  const text = content.length > searchableLength ? content.slice(0, searchableLength) : content
  const { folded, origins } = foldWithOrigins(text)
  const originalStart = (foldedIndex: number) => (foldedIndex < folded.length ? origins[foldedIndex]! : text.length)
  // The end of a match in the original: past the last matched character and any marks folded away after it.
  const originalEnd = (foldedEnd: number) => {
    let next = foldedEnd
    while (next < folded.length && origins[next] === origins[foldedEnd - 1]) next++
    return originalStart(next)
  }
  const firstFoldedAt = (originalIndex: number) => {
    let low = 0
    let high = folded.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (origins[middle]! < originalIndex) low = middle + 1
      else high = middle
    }
    return low
  }

  const first = findMatches(folded, words, 0, folded.length, true)[0]
  let start = 0
  let end = Math.min(content.length, windowLength)
  if (first) {
    const matchStart = originalStart(first[0])
    const matchEnd = originalEnd(first[1])
    start = Math.max(0, matchStart - contextBefore)
    end = Math.min(content.length, Math.max(matchEnd, start + windowLength))
    if (end - start < windowLength) start = Math.max(0, end - windowLength)
    // Whole words at the edges: drop a word cut in half, as long as the match stays.
    const cutBefore = start > 0 ? content.slice(start, matchStart).search(/\s/) : -1
    if (cutBefore !== -1) start += cutBefore + 1
    if (end < content.length) {
      const lastSpace = content.slice(matchEnd, end).search(/\s\S*$/)
      if (lastSpace !== -1) end = matchEnd + lastSpace
    }
  }
  if (isLowSurrogate(content, start)) start++
  if (end < content.length && isLowSurrogate(content, end)) end++

  const snippet: Snippet = []
  const cutBeforeStart = /\S/.test(content.slice(0, start))
  const cutAfterEnd = /\S/.test(content.slice(end))
  if (cutBeforeStart) segment(snippet, '…', false)
  let at = start
  if (first) {
    for (const [foldedStart, foldedEnd] of findMatches(
      folded,
      words,
      firstFoldedAt(start),
      firstFoldedAt(end),
      false,
    )) {
      const matchStart = Math.max(at, originalStart(foldedStart))
      const matchEnd = Math.min(end, originalEnd(foldedEnd))
      if (matchEnd <= matchStart) continue
      segment(snippet, content.slice(at, matchStart), false)
      segment(snippet, content.slice(matchStart, matchEnd), true)
      at = matchEnd
    }
  }
  segment(snippet, content.slice(at, end), false)
  if (cutAfterEnd) segment(snippet, '…', false)
  // Line breaks and indentation at the edges mean nothing in a one-line snippet.
  const head = snippet[0]
  if (head && !head.match) head.text = head.text.trimStart()
  const tail = snippet.at(-1)
  if (tail && !tail.match) tail.text = tail.text.trimEnd()
  return snippet.filter((part) => part.text.length > 0)
}
