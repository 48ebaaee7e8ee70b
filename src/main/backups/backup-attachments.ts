/**
 * A backup's attachments: the files of the data folder's `attachments/` that the copied database
 * records, in `<id>.attachments/` beside `<id>.sqlite`, each still named by its SHA-256.
 *
 * A file is hard-linked when the file system allows it (attachments are never changed in place: each
 * is written once through a temp file and a rename, so a link is as good as a copy and costs no
 * space), and copied otherwise. A restore checks every file against its name before anything changes.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { z } from 'zod'
import { AttachmentIdSchema } from '../../shared/attachments'
import { ownerOnlyFolderMode } from '../storage/owner-only'
import { fsyncPath } from '../storage/fsync-path'

/** What `<id>.json` says of the attachments; absent in backups taken before they were carried. */
export const BackupAttachmentsSchema = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Files the database recorded that were already gone from the data folder when it was copied. */
  missing: z.array(AttachmentIdSchema),
})
export type BackupAttachments = z.infer<typeof BackupAttachmentsSchema>

export const attachmentsFolderOf = (dbFile: string) => `${dbFile.replace(/\.sqlite$/, '')}.attachments`

/** The attachment ids a history file records (none before migration 008 made the table). */
export function recordedAttachmentIds(dbPath: string): string[] {
  const db = new DatabaseSync(dbPath, { readOnly: true })
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'attachments'").get()
    if (!hasTable) return []
    return (db.prepare('SELECT id FROM attachments ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id)
  } finally {
    db.close()
  }
}

/**
 * Puts `from/<id>` at `to/<id>`: a hard link, or a copy through a temp file where links are refused
 * (another file system, FAT, some network shares). An existing target is kept: the name is its hash.
 * Returns its size, or null when `from` has no such file.
 */
export function placeFile(from: string, to: string, id: string): number | null {
  const source = join(from, AttachmentIdSchema.parse(id))
  const target = join(to, id)
  let size: number
  try {
    size = statSync(source).size
  } catch {
    return null
  }
  if (existsSync(target)) return size
  try {
    linkSync(source, target)
  } catch {
    const temp = `${target}.tmp`
    try {
      copyFileSync(source, temp)
    } catch (error) {
      // Removed since it was looked at (the clean-up, the user deleting it): as missing as if never there.
      if (isMissing(error)) return null
      throw error
    }
    fsyncPath(temp)
    renameSync(temp, target)
  }
  return size
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'

/** Puts the files `ids` names from `from` into the folder `to` (made owner-only), flushed; returns what it did. */
export function placeFiles(from: string, to: string, ids: readonly string[]): BackupAttachments {
  mkdirSync(to, { recursive: true, mode: ownerOnlyFolderMode })
  const result: BackupAttachments = { files: 0, bytes: 0, missing: [] }
  for (const id of ids) {
    const size = placeFile(from, to, id)
    if (size === null) result.missing.push(id)
    else {
      result.files += 1
      result.bytes += size
    }
  }
  fsyncPath(to)
  return result
}

/** Copies the attachments `dbCopy` records from `attachmentsDir` to the folder beside it, through a `.partial` folder. */
export function copyBackupAttachments(dbCopy: string, finalDbFile: string, attachmentsDir: string): BackupAttachments {
  const folder = attachmentsFolderOf(finalDbFile)
  const partial = `${folder}.partial`
  rmSync(partial, { recursive: true, force: true })
  const ids = recordedAttachmentIds(dbCopy)
  // A history without attachments gets no folder.
  if (!ids.length) return { files: 0, bytes: 0, missing: [] }
  const placed = placeFiles(attachmentsDir, partial, ids)
  rmSync(folder, { recursive: true, force: true })
  renameSync(partial, folder)
  return placed
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Checks a backup's attachments before a restore: every file `expected` names is in `folder` and its
 * bytes hash to its name. Returns the first that is not, or null when all are sound. Read in chunks,
 * so a large folder never sits in memory nor holds main's thread for long.
 */
export async function findUnsoundAttachment(
  folder: string,
  expected: readonly string[],
): Promise<{ id: string; why: 'missing' | 'mismatch' } | null> {
  const present = new Set(existsSync(folder) ? readdirSync(folder) : [])
  for (const id of expected) {
    if (!present.has(id)) return { id, why: 'missing' }
    const actual = await sha256OfFile(join(folder, id)).catch(() => null)
    if (actual !== id) return { id, why: 'mismatch' }
  }
  return null
}

/** The hash-named files in a folder (an attachments folder, live or in a backup). */
export function attachmentFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder).filter((name) => AttachmentIdSchema.safeParse(name).success)
}

/**
 * Before a restore: the attachments the staged copy records (less those already missing when it was
 * taken) must all be in the backup's folder, each hashing to its name. Returns them, or the first
 * that is not sound. A backup from before attachments were carried (`carried` undefined) has none.
 */
export async function checkBackupAttachments(
  staged: string,
  backupDbFile: string,
  carried: BackupAttachments | undefined,
): Promise<{ ok: true; ids: string[] } | { ok: false; id: string; why: 'missing' | 'mismatch' }> {
  if (!carried) return { ok: true, ids: [] }
  const missing = new Set(carried.missing)
  const ids = recordedAttachmentIds(staged).filter((id) => !missing.has(id))
  const unsound = await findUnsoundAttachment(attachmentsFolderOf(backupDbFile), ids)
  return unsound ? { ok: false, ...unsound } : { ok: true, ids }
}
