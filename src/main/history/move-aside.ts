import { existsSync, renameSync } from 'node:fs'

/** SQLite's error codes for "this is not a database" and "this database is damaged". */
const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

/** The integrity check found problems: the file is a database, but a damaged one. */
export class DamagedDatabaseError extends Error {
  override readonly name = 'DamagedDatabaseError'

  constructor(readonly problems: string[]) {
    super(`integrity check failed: ${problems.slice(0, 3).join('; ')}`)
  }
}

/** Whether `error` means the file itself is unusable (as opposed to busy, missing or unreadable). */
export function isDamagedFileError(error: unknown): boolean {
  if (error instanceof DamagedDatabaseError) return true
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  if (typeof errcode !== 'number') return false
  const primary = errcode & 0xff
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB
}

/**
 * Renames `path` and its -wal/-shm companions to `<path>.corrupt-<timestamp>` (with the same
 * suffixes, so SQLite would still pair them if someone opens the kept copy). Never deletes.
 */
export function moveDatabaseAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/:/g, '')
  let aside = `${path}.corrupt-${stamp}`
  for (let n = 2; existsSync(aside); n++) aside = `${path}.corrupt-${stamp}-${n}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix)
  }
  return aside
}
