/**
 * Opening the history file: main's open (with recovery from a damaged file) and a worker's connect
 * (the file as main left it, nothing repaired).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Logger } from '../log'
import { ownerOnlyFileMode, ownerOnlyFolderMode, tightenPath } from '../storage/owner-only'
import { HistoryDb, inTransaction } from './history-db'
import { HistorySchemaVersionError, HistoryUnopenableError } from './history-errors'
import { applyMigrations, currentSchemaVersion, schemaVersion } from './migrations'
import { DamagedDatabaseError, isDamagedFileError, moveDatabaseAside } from './move-aside'
import { lostWriteAheadLog, newOpenToken, readOpenMarker, writeOpenMarker } from './open-marker'
import { readMeta, writeMeta } from './store-meta'

export interface OpenDatabaseOptions {
  path: string
  log: Logger
  now: () => number
  /** How a connection is made; tests pass one whose SQLite lacks FTS5. */
  openDatabase?: (path: string) => DatabaseSync
}

const defaultOpenDatabase = (path: string) => new DatabaseSync(path)

/** How long a statement waits for the other connection's write lock before SQLITE_BUSY. */
const busyTimeoutMs = 5000

/**
 * Reads the schema version (the first read of the file: one that is not a database fails here)
 * and refuses a version this build does not know before changing anything, then sets the pragmas.
 */
function configure(sqlite: DatabaseSync, path: string, log: Logger): number {
  sqlite.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  const version = schemaVersion(sqlite)
  if (version > currentSchemaVersion) throw new HistorySchemaVersionError(path, version, currentSchemaVersion)
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

function openChecked(options: OpenDatabaseOptions): { db: HistoryDb; walLost: boolean; integrityChecked: boolean } {
  const marker = readOpenMarker(options.path)
  // A file made just now has no past run to compare (a marker left beside it is about an old file).
  if (createOwnerOnly(options.path)) marker.token = null
  const db = new HistoryDb((options.openDatabase ?? defaultOpenDatabase)(options.path))
  try {
    configure(db.sqlite, options.path, options.log)
    const last = lastRun(db)
    const walLost = lostWriteAheadLog(marker, last)
    // Without its -wal, a file caught mid-checkpoint may be inconsistent: check it whatever the flag says.
    const integrityChecked = !last.closedCleanly || walLost
    if (integrityChecked) checkIntegrity(db)
    applyMigrations(db.sqlite, options.path)
    const token = newOpenToken()
    inTransaction(db, () => {
      writeMeta(db, 'clean_shutdown', '0')
      writeMeta(db, 'open_token', token)
    })
    writeOpenMarker(options.path, token)
    for (const suffix of ['-wal', '-shm']) tightenPath(options.path + suffix)
    return { db, walLost, integrityChecked }
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens (creating if needed) and migrates the history file. A file that is not a SQLite database,
 * or fails its integrity check, is renamed aside (never deleted) and a fresh one started, so one bad
 * sector cannot lock the user out of the app; `movedAsideTo` says where the old file went.
 * `walLost`: the last run did not close and its write-ahead log is gone (see open-marker.ts).
 * `integrityChecked`: every page was checked here; when not (after a clean stop), the caller checks
 * in the background (integrity-check.ts).
 */
export function openHistoryDatabase(options: OpenDatabaseOptions): {
  db: HistoryDb
  movedAsideTo: string | null
  walLost: boolean
  integrityChecked: boolean
} {
  mkdirSync(dirname(options.path), { recursive: true, mode: ownerOnlyFolderMode })
  try {
    return { ...openChecked(options), movedAsideTo: null }
  } catch (error) {
    if (!isDamagedFileError(error)) throw error
    const movedAsideTo = moveDatabaseAside(options.path, options.now())
    const reason = error instanceof Error ? error.message : String(error)
    options.log.warn(`history database could not be used (${reason}); moved to ${movedAsideTo}, starting a new one`)
    // The moved-aside file's own story is told by `movedAsideTo`; the fresh file has no past.
    return { db: openChecked(options).db, movedAsideTo, walLost: false, integrityChecked: true }
  }
}

/**
 * A second connection to a file main has already opened and migrated (the export/import worker).
 * Same pragmas; no recovery and no migration: a version mismatch means main and worker disagree.
 */
export function connectHistoryDatabase(options: Omit<OpenDatabaseOptions, 'now'>): HistoryDb {
  if (!existsSync(options.path)) throw new Error(`There is no history database at ${options.path}.`)
  const db = new HistoryDb((options.openDatabase ?? defaultOpenDatabase)(options.path))
  try {
    const version = configure(db.sqlite, options.path, options.log)
    if (version !== currentSchemaVersion)
      throw new HistorySchemaVersionError(options.path, version, currentSchemaVersion)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
