/**
 * Opening the history file: main's open (with recovery from a damaged file) and a worker's connect
 * (the file as main left it, nothing repaired).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Logger } from '../log'
import { ownerOnlyFileMode, ownerOnlyFolderMode, tightenPath } from '../storage/owner-only'
import { HistoryDb, inTransaction } from './history-db'
import { HistorySchemaVersionError, HistoryUnopenableError } from './history-errors'
import { applyMigrations, currentSchemaVersion, latestVersion, migrations, schemaVersion } from './migrations'
import type { Migration } from './migrations/migration'
import { DamagedDatabaseError, isDamagedFileError, moveDatabaseAside } from './move-aside'
import { lostWriteAheadLog, newOpenToken, readOpenMarker, writeOpenMarker } from './open-marker'
import { migrateWithBackup, type MigrationFailure } from './safe-migration'
import { readMeta, writeMeta } from './store-meta'

export interface OpenDatabaseOptions {
  path: string
  log: Logger
  now: () => number
  /** How a connection is made; tests pass one whose SQLite lacks FTS5. */
  openDatabase?: (path: string, options?: { readOnly: boolean }) => DatabaseSync
  /** The schema steps; the app's own list unless a caller (a test of a failing update) passes another. */
  migrations?: readonly Migration[]
  /** Where the copy taken before a migration goes; `backups` beside the file by default. */
  backupsDir?: string
  /** Runs after that copy is taken and before the migrations (main copies the settings and key files); not when an earlier copy is reused. */
  beforeMigration?: (backupsDir: string) => void
}

const defaultOpenDatabase = (path: string, options?: { readOnly: boolean }) =>
  new DatabaseSync(path, { readOnly: options?.readOnly ?? false })

/** What main's open gives: the connection, and how it got there. */
export interface OpenedDatabase {
  db: HistoryDb
  /** Where a damaged file was moved (a new one was started), or null. */
  movedAsideTo: string | null
  /** A schema update that failed: the old data is open read-only, and the copy is at `backupPath`. */
  migrationFailed: MigrationFailure | null
  /** The last run did not close and its write-ahead log is gone (see open-marker.ts). */
  walLost: boolean
  /**
   * Every page was checked here; when not (after a clean stop), the caller checks in the background
   * (integrity-check.ts).
   */
  integrityChecked: boolean
}

/** How long a statement waits for the other connection's write lock before SQLITE_BUSY. */
const busyTimeoutMs = 5000

/**
 * Reads the schema version (the first read of the file: one that is not a database fails here)
 * and refuses a version this build does not know before changing anything, then sets the pragmas.
 */
function configure(
  sqlite: DatabaseSync,
  path: string,
  log: Logger,
  latest = currentSchemaVersion,
  readOnly = false,
): number {
  sqlite.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  const version = schemaVersion(sqlite)
  if (version > latest) throw new HistorySchemaVersionError(path, version, latest)
  // A read-only connection cannot change the journal mode; it reads the file as it is.
  if (readOnly) return version
  const { journal_mode } = sqlite.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string }
  if (journal_mode !== 'wal') log.warn(`history database ${path} could not use WAL (${journal_mode})`)
  // With WAL, NORMAL loses at most the last commits on power loss, never consistency.
  sqlite.exec('PRAGMA synchronous = NORMAL')
  sqlite.exec('PRAGMA foreign_keys = ON')
  return version
}

/** What the file says about the run that last had it open. */
function lastRun(db: HistoryDb): { closedCleanly: boolean; openToken: string | null } {
  const hasMeta = db.sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'").get()
  if (hasMeta === undefined) return { closedCleanly: false, openToken: null }
  return { closedCleanly: readMeta(db, 'clean_shutdown') === '1', openToken: readMeta(db, 'open_token') }
}

/**
 * `PRAGMA quick_check` reads every page: in the benchmark (bench/history.bench.ts) it took about
 * 1 s on 100k messages and 7 to 10 s on 1M, far over the ~200 ms start-up can spend. So it runs only
 * when the previous run did not close cleanly (a crash or power loss, when damage is likely), and
 * on a file from before the clean-shutdown flag existed. A damaged page found later shows up as an
 * SQLITE_CORRUPT error from the query that reads it.
 */
function checkIntegrity(db: HistoryDb): void {
  const rows = db.sqlite.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
  if (problems.length > 0) throw new DamagedDatabaseError(problems)
}

/**
 * SQLite creates a new file 0644 and gives -wal and -shm the database file's mode, so an empty
 * database file is made first, owner-only (an empty file is a valid empty database), and the
 * sidecars are tightened once they exist (for files an older version left 0644).
 */
function createOwnerOnly(path: string): boolean {
  const created = !existsSync(path)
  if (created) writeFileSync(path, '', { mode: ownerOnlyFileMode, flag: 'wx' })
  // SQLite's own error for a folder ("unable to open database file") names no path.
  if (!statSync(path).isFile()) throw new HistoryUnopenableError(path, 'it is a folder, not a file')
  tightenPath(path)
  return created
}

function openChecked(options: OpenDatabaseOptions): Omit<OpenedDatabase, 'movedAsideTo'> {
  const open = options.openDatabase ?? defaultOpenDatabase
  const list = options.migrations ?? migrations
  const latest = latestVersion(list)
  const marker = readOpenMarker(options.path)
  // A file made just now has no past run to compare (a marker left beside it is about an old file).
  if (createOwnerOnly(options.path)) marker.token = null
  const db = new HistoryDb(open(options.path))
  try {
    const version = configure(db.sqlite, options.path, options.log, latest)
    const last = lastRun(db)
    const walLost = lostWriteAheadLog(marker, last)
    // Without its -wal, a file caught mid-checkpoint may be inconsistent: check it whatever the flag says.
    const integrityChecked = !last.closedCleanly || walLost
    if (integrityChecked) checkIntegrity(db)
    // A file with data at an older version is copied first; a new, empty file (version 0) has nothing to lose.
    if (version > 0 && version < latest) {
      const failure = migrateWithBackup(db, version, {
        path: options.path,
        backupsDir: options.backupsDir ?? join(dirname(options.path), 'backups'),
        log: options.log,
        now: options.now,
        migrations: list,
        to: latest,
        ...(options.beforeMigration ? { beforeMigration: options.beforeMigration } : {}),
      })
      if (failure)
        return { db: openReadOnly(options, latest, list), migrationFailed: failure, walLost, integrityChecked }
    } else applyMigrations(db.sqlite, options.path, latest, list)
    // The working copy a failed update left is of no use once the file itself opens.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${readOnlyViewOf(options.path)}${suffix}`, { force: true })
    const token = newOpenToken()
    inTransaction(db, () => {
      writeMeta(db, 'clean_shutdown', '0')
      writeMeta(db, 'open_token', token)
    })
    writeOpenMarker(options.path, token)
    for (const suffix of ['-wal', '-shm']) tightenPath(options.path + suffix)
    return { db, migrationFailed: null, walLost, integrityChecked }
  } catch (error) {
    if (db.sqlite.isOpen) db.close()
    throw error
  }
}

/** The working copy a failed update reads from (see openReadOnly). */
export function readOnlyViewOf(path: string): string {
  return `${path}.read-only-view`
}

/**
 * The old data after a failed update, for reading only. The user's file is never touched again: a
 * working copy beside it (`<file>.read-only-view`) gets every migration that does succeed, one at a
 * time, so today's queries find the columns they expect as far as they can; then it is opened
 * read-only, and SQLite itself refuses every write.
 */
function openReadOnly(options: OpenDatabaseOptions, latest: number, list: readonly Migration[]): HistoryDb {
  const open = options.openDatabase ?? defaultOpenDatabase
  const view = readOnlyViewOf(options.path)
  for (const suffix of ['', '-wal', '-shm']) rmSync(view + suffix, { force: true })
  copyFileSync(options.path, view)
  const working = open(view)
  try {
    for (const migration of list) {
      if (migration.version <= schemaVersion(working)) continue
      try {
        applyMigrations(working, view, migration.version, list)
      } catch {
        break
      }
    }
  } finally {
    working.close()
  }
  const db = new HistoryDb(open(view, { readOnly: true }))
  try {
    configure(db.sqlite, view, options.log, latest, true)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens (creating if needed) and migrates the history file. A file that is not a SQLite database,
 * or fails its integrity check, is renamed aside (never deleted) and a fresh one started, so one bad
 * sector cannot lock the user out of the app; `movedAsideTo` says where the old file went.
 */
export function openHistoryDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(dirname(options.path), { recursive: true, mode: ownerOnlyFolderMode })
  try {
    return { ...openChecked(options), movedAsideTo: null }
  } catch (error) {
    if (!isDamagedFileError(error)) throw error
    const movedAsideTo = moveDatabaseAside(options.path, options.now())
    const reason = error instanceof Error ? error.message : String(error)
    options.log.warn(`history database could not be used (${reason}); moved to ${movedAsideTo}, starting a new one`)
    // The moved-aside file's own story is told by `movedAsideTo`; the fresh file has no past.
    return { ...openChecked(options), movedAsideTo, walLost: false, integrityChecked: true }
  }
}

/**
 * A second connection to a file main has already opened and migrated (the export/import worker).
 * Same pragmas; no recovery and no migration: a version mismatch means main and worker disagree.
 * `readOnly` is for the read-only view after a failed update (an export): it is opened read-only
 * and may be at an older version, as main's own connection to it is.
 */
export function connectHistoryDatabase(options: Omit<OpenDatabaseOptions, 'now'> & { readOnly?: boolean }): HistoryDb {
  if (!existsSync(options.path)) throw new Error(`There is no history database at ${options.path}.`)
  const readOnly = options.readOnly ?? false
  const db = new HistoryDb((options.openDatabase ?? defaultOpenDatabase)(options.path, { readOnly }))
  try {
    const version = configure(db.sqlite, options.path, options.log, currentSchemaVersion, readOnly)
    if (!readOnly && version !== currentSchemaVersion)
      throw new HistorySchemaVersionError(options.path, version, currentSchemaVersion)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
