/**
 * A schema update that cannot lose the user's history. Before the pending migrations run, the file
 * is checkpointed (so it holds every commit), hashed, and copied with VACUUM INTO to the backups
 * folder, and the copy is checked. The migrations then run in one transaction. When one fails, the
 * transaction is rolled back; if the file still differs from what it was (a migration that committed
 * on its own, or any write outside the transaction), the copy is put back over it. Either way the app
 * then opens the old data read-only: today's code expects the new schema, so it must not write to
 * the old one, but the user can still read, search and export everything, and is told where the copy is.
 */
import { createHash } from 'node:crypto'
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { backupFile, fsyncPath, listBackups, newBackupId } from '../backups/backup-files'
import { snapshotDatabase } from '../backups/snapshot'
import type { Logger } from '../log'
import type { HistoryDb } from './history-db'
import { applyMigrations } from './migrations'
import type { Migration } from './migrations/migration'

export interface MigrationFailure {
  /** The copy taken before the migration, which the user can keep or restore. */
  backupPath: string
  from: number
  to: number
  message: string
}

export function hashFile(path: string): string {
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(path, 'r')
  try {
    let read: number
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** The copy must open, pass a quick check and be at the version the file was. */
function verifyCopy(path: string, version: number): void {
  const copy = new DatabaseSync(path, { readOnly: true })
  try {
    const rows = copy.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
    if (problems.length > 0) throw new Error(`the backup failed its check: ${problems.slice(0, 3).join('; ')}`)
    const { user_version } = copy.prepare('PRAGMA user_version').get() as { user_version: number }
    if (user_version !== version) throw new Error(`the backup is at version ${user_version}, not ${version}`)
  } finally {
    copy.close()
  }
}

/** Puts `backup` in place of `path` (through a flushed `.restoring` file), with no -wal or -shm left to pair with it. */
export function putFileInPlace(backup: string, path: string): void {
  const restoring = `${path}.restoring`
  copyFileSync(backup, restoring)
  fsyncPath(restoring)
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true })
  renameSync(restoring, path)
  fsyncPath(dirname(path))
}

export interface SafeMigrationOptions {
  path: string
  backupsDir: string
  log: Logger
  now: () => number
  migrations: readonly Migration[]
  to: number
  /**
   * Runs once the database copy is safe, before any migration: main copies the settings and key
   * files. Not when an earlier copy of this very file is reused (a retry after a failed update).
   */
  beforeMigration?: (backupsDir: string) => void
}

/**
 * Migrates `db` (at `from`, open on `options.path`) with a backup first. Returns null when the
 * migrations succeeded; otherwise `db` is closed, the file is as it was, and the failure says why
 * and where the copy is. A backup that cannot be taken stops everything before any change.
 */
export function migrateWithBackup(db: HistoryDb, from: number, options: SafeMigrationOptions): MigrationFailure | null {
  const { path, backupsDir, log } = options
  db.sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  const before = hashFile(path)
  mkdirSync(backupsDir, { recursive: true })
  // After a failed update every start tries again: the copy of this very file, if there is one, is reused.
  const earlier = listBackups(backupsDir).find(
    (backup) => backup.kind === 'pre-migration' && backup.sourceHash === before,
  )
  const id = earlier?.id ?? newBackupId(backupsDir, `pre-migration-v${from}`, options.now())
  const backupPath = backupFile(backupsDir, id)
  if (!earlier) {
    const meta = { kind: 'pre-migration' as const, createdAt: options.now(), sourceHash: before }
    const facts = snapshotDatabase(db.sqlite, backupsDir, id, meta)
    log.info(`history backed up before migrating from version ${from} (${facts.bytes} bytes) to ${backupPath}`)
  }
  verifyCopy(backupPath, from)
  // The start that took that copy also copied the settings and key files: a retry adds nothing.
  if (!earlier) options.beforeMigration?.(backupsDir)
  try {
    applyMigrations(db.sqlite, path, options.to, options.migrations)
    log.info(`history database migrated from version ${from} to ${options.to}`)
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log.error(`history migration from version ${from} to ${options.to} failed (${message}); rolled back`)
    // Closing the last connection checkpoints what was committed and removes the -wal.
    db.close()
    if (hashFile(path) !== before) {
      log.warn(`the history file changed despite the rollback; restoring it from ${backupPath}`)
      putFileInPlace(backupPath, path)
    }
    return { backupPath, from, to: options.to, message }
  }
}
