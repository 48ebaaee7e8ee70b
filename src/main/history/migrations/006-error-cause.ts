import type { Migration } from './migration'

/**
 * Why a connection failed (`ECONNREFUSED`, `ENOTFOUND`, a TLS code…), kept with a failed answer so the
 * UI can word it in the user's language after a restart too, not only while the stream's event is held.
 */
export const migration006: Migration = {
  version: 6,
  name: 'error cause',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN error_cause TEXT')
  },
}
