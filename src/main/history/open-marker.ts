/**
 * Noticing a lost write-ahead log. Committed changes live in `history.sqlite-wal` until SQLite copies
 * them into the main file; delete that file after a crash (kill -9, a cleaner, a sync tool) and they
 * are gone, while the main file still reads as closed cleanly. So, outside SQLite, `history.sqlite.open`
 * holds a token that main also writes into the database each time it opens the file, and is removed
 * after a clean close. At the next start, a marker whose token the database does not have means the
 * commits since that open vanished; so does a database that was open (flag 0) with no -wal beside it
 * (a kill -9 always leaves the -wal, which SQLite deletes only when it closes cleanly).
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { ownerOnlyFileMode } from '../storage/owner-only'

export const openMarkerPath = (dbPath: string) => `${dbPath}.open`

/** What the folder says before the database is opened (opening creates a -wal). */
export interface OpenMarkerState {
  token: string | null
  walExisted: boolean
}

export function readOpenMarker(dbPath: string): OpenMarkerState {
  let token: string | null = null
  try {
    token = readFileSync(openMarkerPath(dbPath), 'utf8').trim() || null
  } catch {
    // No marker: the last run closed cleanly, or predates the marker.
  }
  return { token, walExisted: existsSync(`${dbPath}-wal`) }
}

/** Whether committed changes vanished, given what the database itself says about its last run. */
export function lostWriteAheadLog(
  state: OpenMarkerState,
  db: { openToken: string | null; closedCleanly: boolean },
): boolean {
  if (state.token === null) return false
  return db.openToken !== state.token || (!db.closedCleanly && !state.walExisted)
}

export const newOpenToken = () => randomUUID()

/** Written after the token is committed to the database, so the marker never names a token it lacks. */
export function writeOpenMarker(dbPath: string, token: string): void {
  writeFileSync(openMarkerPath(dbPath), token, { mode: ownerOnlyFileMode })
}

/** After a clean close: the database has everything, nothing to compare next time. */
export function removeOpenMarker(dbPath: string): void {
  rmSync(openMarkerPath(dbPath), { force: true })
}
