/**
 * The FTS5 engine. The index is contentless (`content=''`): it holds only the folded words, keyed
 * by `messages.seq`, not a second copy of every message; `contentless_delete=1` lets a message be
 * removed by rowid. Snippets are built from `messages.content` instead (snippet.ts).
 *
 * The table lives outside the numbered migrations because FTS5 is a property of the SQLite build
 * at run time, not of the file: a file used once by a build without FTS5 must still get an index
 * later. `store_meta.search_index` names the index that is complete; anything else means rebuild.
 */
import type { Logger } from '../../log'
import type { HistoryDb } from '../history-db'
import { inTransaction } from '../history-db'
import { deleteMeta, readMeta, writeMeta } from '../store-meta'
import { foldText } from './fold'
import { matchesAsPrefix } from './words'
import type { SearchCandidate, SearchEngine } from './search-engine'

/**
 * Bump when the table definition or `foldText` changes, so existing files are re-indexed.
 *
 * `prefix='2 3 4 5'`: every query word is a prefix term, and for a prefix without its own index
 * FTS5 first gathers the whole list of every word it starts, before it can stop at the limit.
 * Measured on 1M messages: `the` took ~100 ms with no prefix index, `khong` 35 ms and `nhung`
 * 64 ms with prefixes of 2 and 3 only; with 2 to 5 every common word (most Vietnamese syllables
 * have at most 5 letters folded) answers in under 1.5 ms. The cost is size: the index is 469 MB
 * per million messages instead of 147 MB without prefixes (still no copy of the text). Single
 * letters are not prefixes at all (words.ts).
 */
export const ftsIndexVersion = 'fts5-v1'

const createTable = `CREATE VIRTUAL TABLE IF NOT EXISTS message_search USING fts5(
  text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3 4 5')`

function isMissingFts5(error: unknown): boolean {
  return error instanceof Error && /no such module: fts5/i.test(error.message)
}

/**
 * Creates the index table if FTS5 is there. Returns false when this SQLite has no FTS5: then a
 * table left by another build cannot be kept up to date, so its marker is dropped and the next
 * connection with FTS5 rebuilds it.
 */
export function ensureFtsTable(db: HistoryDb): boolean {
  try {
    db.sqlite.exec(createTable)
    // With the module missing, CREATE ... IF NOT EXISTS says nothing about a table that exists; using it does.
    db.sqlite.prepare('SELECT rowid FROM message_search LIMIT 0').all()
    return true
  } catch (error) {
    if (!isMissingFts5(error)) throw error
    deleteMeta(db, 'search_index')
    return false
  }
}

/** Whether the index table exists and this SQLite can read it (it has FTS5). */
export function ftsTableExists(db: HistoryDb): boolean {
  try {
    db.sqlite.prepare('SELECT rowid FROM message_search LIMIT 0').all()
    return true
  } catch {
    return false
  }
}

export function ftsIndexIsComplete(db: HistoryDb): boolean {
  return readMeta(db, 'search_index') === ftsIndexVersion
}

/** Indexes every finished message from scratch, in one transaction. */
export function rebuildFtsIndex(db: HistoryDb, log: Logger): void {
  const started = performance.now()
  let count = 0
  inTransaction(db, () => {
    db.sqlite.exec('DROP TABLE IF EXISTS message_search')
    db.sqlite.exec(createTable)
    const insert = db.sqlite.prepare('INSERT INTO message_search (rowid, text) VALUES (?, ?)')
    const rows = db.sqlite.prepare(
      "SELECT seq, content FROM messages WHERE status <> 'streaming' AND deleted_at IS NULL ORDER BY seq",
    )
    for (const row of rows.iterate() as Iterable<{ seq: number; content: string }>) {
      insert.run(row.seq, foldText(row.content))
      count++
    }
    writeMeta(db, 'search_index', ftsIndexVersion)
  })
  log.info(`search index built: ${count} messages in ${Math.round(performance.now() - started)} ms`)
}

/**
 * `"word"*` per word (`"a"` for a single letter, see words.ts), so user input is always a quoted
 * string, never FTS5 syntax (`OR`, `NEAR(`, `*`). Words side by side must all match.
 */
export function ftsQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"${matchesAsPrefix(word) ? '*' : ''}`).join(' ')
}

// Newest first by rowid: FTS5 walks its lists backwards and stops at the limit. Ranking (bm25)
// would have to score every match first, which is too slow for common words over 1M messages.
const searchSql = `
  SELECT m.id, m.conversation_id, m.role, m.content, m.created_at, c.title
  FROM message_search s
  JOIN messages m ON m.seq = s.rowid
  JOIN conversations c ON c.id = m.conversation_id
  WHERE message_search MATCH ? AND c.deleted_at IS NULL AND m.deleted_at IS NULL
  ORDER BY s.rowid DESC
  LIMIT ?`

export const fts5Engine: SearchEngine = {
  kind: 'fts5',
  index(db, seq, content, wasIndexed) {
    if (wasIndexed) db.statement('DELETE FROM message_search WHERE rowid = ?').run(seq)
    db.statement('INSERT INTO message_search (rowid, text) VALUES (?, ?)').run(seq, foldText(content))
  },
  unindex(db, seq) {
    db.statement('DELETE FROM message_search WHERE rowid = ?').run(seq)
  },
  unindexConversation(db, conversationId) {
    db.statement(
      `DELETE FROM message_search WHERE rowid IN
         (SELECT seq FROM messages WHERE conversation_id = ? AND status <> 'streaming' AND deleted_at IS NULL)`,
    ).run(conversationId)
  },
  find(db, words, limit) {
    return db.statement(searchSql).all(ftsQuery(words), limit) as unknown as SearchCandidate[]
  },
}
