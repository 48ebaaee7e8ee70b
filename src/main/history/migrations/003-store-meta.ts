import type { Migration } from './migration'

/**
 * A small key/value table for the store's own state: whether the last run closed cleanly (to skip
 * the integrity check after a clean exit) and which search index, if any, is complete.
 */
export const migration003: Migration = {
  version: 3,
  name: 'store meta',
  up(db) {
    db.exec(`CREATE TABLE store_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT, WITHOUT ROWID;`)
  },
}
