import type { Logger } from '../../log'
import type { HistoryDb } from '../history-db'
import { ensureFtsTable, ftsIndexIsComplete, ftsTableExists, fts5Engine, rebuildFtsIndex } from './fts-index'
import { registerScanFunctions, scanEngine } from './scan-search'
import type { SearchEngine } from './search-engine'

/**
 * Picks the search engine for a connection: FTS5 when this SQLite has it, else the scan (with one
 * warning). `rebuild` is main's open: it re-indexes an incomplete index. A worker's connection
 * (`rebuild` false) leaves that to main and only keeps a complete index complete.
 */
export function chooseSearchEngine(
  db: HistoryDb,
  log: Logger,
  options: { rebuild: boolean; readOnly?: boolean },
): SearchEngine {
  registerScanFunctions(db)
  // A read-only connection (the old data after a failed update) uses a complete index if there is one.
  if (options.readOnly) return ftsTableExists(db) && ftsIndexIsComplete(db) ? fts5Engine : scanEngine
  const available = ensureFtsTable(db)
  if (available && ftsIndexIsComplete(db)) return fts5Engine
  if (available && options.rebuild) {
    rebuildFtsIndex(db, log)
    return fts5Engine
  }
  log.warn(
    available
      ? 'search is slower on this connection: the search index is not built yet, so searching reads every message'
      : 'search is slower: this SQLite has no FTS5, so searching reads every message',
  )
  return scanEngine
}
