/**
 * The fallback when this SQLite has no FTS5: every finished message is folded and tested, newest
 * first, until enough match. Slow on a big history, but correct. The test is a JS function rather
 * than `LIKE '%word%'` so that it answers exactly as FTS5 does: a word must start a word of the
 * message, not sit inside one (words.ts).
 */
import type { HistoryDb } from '../history-db'
import { foldText } from './fold'
import { containsWord } from './words'
import type { SearchEngine, SearchCandidate } from './search-engine'

/** Registers the SQL functions the scan uses: `fold(text)` and `matches_words(folded, wordsJson)`. */
export function registerScanFunctions(db: HistoryDb): void {
  db.sqlite.function('fold', { deterministic: true }, (text) => (typeof text === 'string' ? foldText(text) : null))
  let lastJson = ''
  let lastWords: string[] = []
  db.sqlite.function('matches_words', { deterministic: true }, (folded, wordsJson) => {
    if (typeof folded !== 'string' || typeof wordsJson !== 'string') return 0
    if (wordsJson !== lastJson) {
      lastWords = JSON.parse(wordsJson) as string[]
      lastJson = wordsJson
    }
    return lastWords.every((word) => containsWord(folded, word)) ? 1 : 0
  })
}

const scanSql = `
  SELECT m.id, m.conversation_id, m.role, m.content, m.created_at, c.title
  FROM messages m
  JOIN conversations c ON c.id = m.conversation_id
  WHERE m.status <> 'streaming' AND m.deleted_at IS NULL AND c.deleted_at IS NULL AND matches_words(fold(m.content), ?)
  ORDER BY m.seq DESC
  LIMIT ?`

export const scanEngine: SearchEngine = {
  kind: 'scan',
  index() {},
  unindex() {},
  unindexConversation() {},
  find(db, words, limit) {
    return db.statement(scanSql).all(JSON.stringify(words), limit) as unknown as SearchCandidate[]
  },
}
