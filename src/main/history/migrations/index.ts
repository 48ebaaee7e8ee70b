import type { DatabaseSync } from 'node:sqlite'
import { HistorySchemaVersionError } from '../history-errors'
import { migration001 } from './001-core-tables'
import { migration002 } from './002-list-support'
import { migration003 } from './003-store-meta'
import { migration004 } from './004-finish-reason'
import { migration005 } from './005-usage'
import { migration006 } from './006-error-cause'
import type { Migration } from './migration'

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
]

export const currentSchemaVersion = migrations.at(-1)!.version

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

/**
 * Brings the schema up to `upTo` (the current version by default), one transaction per migration,
 * so a failure leaves the file at the last version that completed. Tests pass `upTo` to build a
 * file as an older release left it.
 */
export function applyMigrations(db: DatabaseSync, path: string, upTo = currentSchemaVersion): number {
  const from = schemaVersion(db)
  if (from > currentSchemaVersion) throw new HistorySchemaVersionError(path, from, currentSchemaVersion)
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > upTo) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      migration.up(db)
      // PRAGMA takes no parameters; the version is our own integer, never input.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
  return from
}
