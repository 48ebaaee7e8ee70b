/**
 * The backups folder (`<data folder>/backups`): each backup is `<id>.sqlite` with `<id>.json` beside
 * it (when it was taken, its size and what it holds). The JSON is written before the `.sqlite` is
 * renamed into place, so a listed backup always has its facts; a `.partial` or a lone `.json` is what
 * a killed run left, and is cleared away before the next backup.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { BackupInfoSchema, type BackupInfo } from '../../shared/backups'
import { fsyncPath } from '../storage/fsync-path'
import { attachmentsFolderOf, BackupAttachmentsSchema } from './backup-attachments'

export const backupsFolderName = 'backups'

export function backupsDirOf(dataDir: string): string {
  return join(dataDir, backupsFolderName)
}

/** What `<id>.json` holds: the listing's facts, and the schema version the copy is at. */
export const BackupMetaSchema = BackupInfoSchema.omit({ id: true }).extend({
  schemaVersion: z.number().int(),
  /** A pre-migration copy: the SHA-256 of the file it was taken from, so a retry at the next start reuses it. */
  sourceHash: z.string().optional(),
  /** The attachments carried in `<id>.attachments/` (backups from before attachments were carried have none). */
  attachments: BackupAttachmentsSchema.optional(),
})
export type BackupMeta = z.infer<typeof BackupMetaSchema>

/** A timestamp safe in file names on every OS: 2026-12-01T193000123Z. */
export function fileStamp(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '')
}

/** A new id, `<prefix>-<stamp>`, that no backup in `dir` has yet. */
export function newBackupId(dir: string, prefix: string, at: number): string {
  const base = `${prefix}-${fileStamp(at)}`
  let id = base
  for (let n = 2; existsSync(backupFile(dir, id)) || existsSync(metaFile(dir, id)); n++) id = `${base}-${n}`
  return id
}

export const backupFile = (dir: string, id: string) => join(dir, `${id}.sqlite`)
const metaFile = (dir: string, id: string) => join(dir, `${id}.json`)

export { fsyncPath }

/** Writes `<id>.json` through a flushed `.partial` file, so a crash never leaves half a JSON. */
export function writeBackupMeta(dir: string, id: string, meta: BackupMeta): void {
  const partial = `${metaFile(dir, id)}.partial`
  writeFileSync(partial, JSON.stringify(meta, null, 2), { mode: 0o600, flush: true })
  renameSync(partial, metaFile(dir, id))
}

function readBackupMeta(dir: string, id: string): BackupMeta | null {
  try {
    const parsed = BackupMetaSchema.safeParse(JSON.parse(readFileSync(metaFile(dir, id), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Every complete backup in `dir`, newest first. A `.sqlite` without readable facts is not listed. */
export function listBackups(dir: string): Array<BackupInfo & Omit<BackupMeta, keyof BackupInfo>> {
  if (!existsSync(dir)) return []
  const backups: Array<BackupInfo & Omit<BackupMeta, keyof BackupInfo>> = []
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.sqlite')) continue
    const id = name.slice(0, -'.sqlite'.length)
    const meta = readBackupMeta(dir, id)
    if (meta) backups.push({ id, ...meta })
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
}

/** Removes one backup: the `.sqlite` first, so a crash half-way leaves leftovers, never a listed half backup. */
export function removeBackup(dir: string, id: string): void {
  rmSync(backupFile(dir, id), { force: true })
  rmSync(attachmentsFolderOf(backupFile(dir, id)), { recursive: true, force: true })
  rmSync(metaFile(dir, id), { force: true })
}

/**
 * Clears what a killed backup left: `.partial` files and folders (and SQLite's `.partial-journal`),
 * facts or attachment folders without their copy.
 */
export function removeLeftovers(dir: string): void {
  if (!existsSync(dir)) return
  const names = new Set(readdirSync(dir))
  for (const name of names) {
    const stem = name.replace(/\.(json|attachments)$/, '')
    const orphan = stem !== name && !names.has(`${stem}.sqlite`)
    // Only our own files: settings and key copies (`*.settings.json`) have no `.sqlite` either.
    const ours = /^(daily|manual|pre-migration-v\d+)-[0-9TZ-]+\.(json|attachments)$/.test(name)
    if (/\.partial(-journal)?$/.test(name) || (orphan && ours))
      rmSync(join(dir, name), { recursive: true, force: true })
  }
}

/** Deletes the oldest backups of `kind` beyond `keep`; other kinds (pre-migration copies) are never counted. */
export function pruneBackups(dir: string, kind: 'daily' | 'manual', keep: number): string[] {
  const rolling = listBackups(dir).filter((backup) => backup.kind === kind)
  const removed = rolling.slice(keep).map((backup) => backup.id)
  for (const id of removed) removeBackup(dir, id)
  return removed
}

/** Renames a finished copy into place and makes the rename durable. */
export function publish(partial: string, target: string, dir: string): void {
  fsyncPath(partial)
  renameSync(partial, target)
  fsyncPath(dir)
}
