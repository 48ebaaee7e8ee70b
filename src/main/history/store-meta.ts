import type { HistoryDb } from './history-db'

/** Keys of `store_meta` (migration 003). */
export type MetaKey =
  /** '1' once `close()` ran; '0' while a store has the file open. */
  | 'clean_shutdown'
  /** Which search index is complete for every finished message (see search/fts-index.ts). */
  | 'search_index'
  /** The token of the latest open, also kept outside SQLite in `<db>.open` (see open-marker.ts). */
  | 'open_token'

export function readMeta(db: HistoryDb, key: MetaKey): string | null {
  const row = db.statement('SELECT value FROM store_meta WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function writeMeta(db: HistoryDb, key: MetaKey, value: string): void {
  db.statement(
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

export function deleteMeta(db: HistoryDb, key: MetaKey): void {
  db.statement('DELETE FROM store_meta WHERE key = ?').run(key)
}
