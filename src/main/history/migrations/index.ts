import type { DatabaseSync } from 'node:sqlite'
import { HistorySchemaVersionError } from '../history-errors'
import { migration001 } from './001-core-tables'
import { migration002 } from './002-list-support'
import { migration003 } from './003-store-meta'
import { migration004 } from './004-finish-reason'
import { migration005 } from './005-usage'
import { migration006 } from './006-error-cause'
import { migration007 } from './007-message-tree'
import { migration008 } from './008-attachments'
import { migration009 } from './009-tool-calls'
import type { Migration } from './migration'

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
]

export const currentSchemaVersion = migrations.at(-1)!.version

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

export function latestVersion(list: readonly Migration[]): number {
  return list.at(-1)?.version ?? 0
}

/**
 * Brings the schema up to `upTo` (the list's last version by default) in ONE transaction with the
 * `user_version` change: a failure in any step rolls every step back, so the file stays exactly at
 * the version it had (main takes a backup before, see safe-migration.ts). `list` is the app's
 * migrations unless a caller passes its own; tests pass `upTo` to build a file as an older release
 * left it.
 */
export function applyMigrations(
  db: DatabaseSync,
  path: string,
  upTo?: number,
  list: readonly Migration[] = migrations,
): number {
  const target = upTo ?? latestVersion(list)
  const from = schemaVersion(db)
  if (from > latestVersion(list)) throw new HistorySchemaVersionError(path, from, latestVersion(list))
  const pending = list.filter((migration) => migration.version > from && migration.version <= target)
  if (pending.length === 0) return from
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const migration of pending) migration.up(db)
    // PRAGMA takes no parameters; the version is our own integer, never input.
    db.exec(`PRAGMA user_version = ${Math.trunc(pending.at(-1)!.version)}`)
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
  return from
}
