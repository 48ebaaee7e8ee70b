/**
 * One consistent copy of the history database, taken with SQLite's `VACUUM INTO` on a connection of
 * the caller's (main's at a migration, the backup worker's otherwise). VACUUM INTO reads one snapshot
 * in a read transaction, so writers on other connections carry on meanwhile, and writes a compact
 * file. It goes to `<target>.partial`, is flushed and counted, its facts written, and only then is it
 * renamed into place: a kill at any point leaves the earlier backups and the database as they were.
 */
import { rmSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { attachmentsFolderOf, copyBackupAttachments } from './backup-attachments'
import { backupFile, publish, writeBackupMeta, type BackupMeta } from './backup-files'

export interface SnapshotFacts {
  bytes: number
  conversations: number
  messages: number
  schemaVersion: number
}

/** Counts what a copy holds, and checks that it is a sound database at the version expected. */
function inspectCopy(path: string): Omit<SnapshotFacts, 'bytes'> {
  const copy = new DatabaseSync(path, { readOnly: true })
  try {
    const { user_version: schemaVersion } = copy.prepare('PRAGMA user_version').get() as { user_version: number }
    // Live conversations and their messages: what the user would see after restoring it. Only
    // columns every schema version has (a pre-migration copy may be at version 1).
    const counts = copy
      .prepare(
        `SELECT (SELECT count(*) FROM conversations WHERE deleted_at IS NULL) AS conversations,
                (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                 WHERE c.deleted_at IS NULL) AS messages`,
      )
      .get() as { conversations: number; messages: number }
    return { schemaVersion, conversations: counts.conversations, messages: counts.messages }
  } finally {
    copy.close()
  }
}

/**
 * A daily copy is consistent by construction (VACUUM INTO writes a fresh file), but it carries the
 * live file's "not closed cleanly" flag and open token: restored as it is, it would be checked page
 * by page on main's thread (seconds at 1M messages) and look like a file whose -wal was lost. So the
 * copy says what is true of it: closed cleanly, open nowhere. Pre-migration copies stay byte for
 * byte what the file was, since a failed update may put one back over it.
 */
function markClosedCleanly(path: string): void {
  const copy = new DatabaseSync(path)
  try {
    const hasMeta = copy.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'").get()
    if (!hasMeta) return
    copy.exec("UPDATE store_meta SET value = '1' WHERE key = 'clean_shutdown'")
    copy.exec("DELETE FROM store_meta WHERE key = 'open_token'")
  } finally {
    copy.close()
  }
}

/**
 * Copies the database behind `sqlite` to `<dir>/<id>.sqlite` (with `<id>.json`); returns its facts.
 * With `attachmentsDir`, the files the copy records go to `<id>.attachments/` first, so a listed
 * backup always has them. (A pre-migration copy has none: an update never touches those files.)
 */
export function snapshotDatabase(
  sqlite: DatabaseSync,
  dir: string,
  id: string,
  meta: Pick<BackupMeta, 'kind' | 'createdAt' | 'sourceHash'>,
  attachmentsDir?: string,
): SnapshotFacts {
  const target = backupFile(dir, id)
  const partial = `${target}.partial`
  const removePartial = () => {
    // VACUUM INTO writes its target with a rollback journal beside it.
    for (const suffix of ['', '-journal']) rmSync(partial + suffix, { force: true })
    if (attachmentsDir) rmSync(attachmentsFolderOf(target), { recursive: true, force: true })
  }
  removePartial()
  try {
    // The path is ours (the backups folder and a generated id), bound as a parameter all the same.
    sqlite.prepare('VACUUM INTO ?').run(partial)
    if (meta.kind !== 'pre-migration') markClosedCleanly(partial)
    const facts = { ...inspectCopy(partial), bytes: statSync(partial).size }
    const attachments = attachmentsDir ? copyBackupAttachments(partial, target, attachmentsDir) : undefined
    writeBackupMeta(dir, id, { ...meta, ...facts, ...(attachments ? { attachments } : {}) })
    publish(partial, target, dir)
    return facts
  } catch (error) {
    removePartial()
    throw error
  }
}
