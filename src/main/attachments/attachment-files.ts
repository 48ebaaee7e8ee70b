/**
 * The attachments folder: each file once, named by the SHA-256 of its bytes, so two questions with
 * the same screenshot share one file. A name is only ever a hash checked against /^[0-9a-f]{64}$/,
 * so nothing from outside becomes a path. Writes are atomic (a temp file, flushed, then renamed) and
 * owner-only, like everything in the data folder.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { open, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AttachmentIdSchema } from '../../shared/attachments'
import { fsyncPath } from '../backups/backup-files'
import { ownerOnlyFileMode, ownerOnlyFolderMode, tightenPath } from '../storage/owner-only'

export const attachmentsFolderName = 'attachments'
const tempSuffix = '.tmp'

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export class AttachmentFiles {
  readonly dir: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, attachmentsFolderName)
  }

  /** The file of an attachment; throws for anything that is not a hash, so no input escapes the folder. */
  pathOf(id: string): string {
    return join(this.dir, AttachmentIdSchema.parse(id))
  }

  /** Stores the bytes (once: an existing file with that hash is kept) and returns their hash. */
  async write(bytes: Uint8Array): Promise<string> {
    const id = sha256Hex(bytes)
    const path = this.pathOf(id)
    if (await this.has(id)) return id
    mkdirSync(this.dir, { recursive: true, mode: ownerOnlyFolderMode })
    tightenPath(this.dir)
    const temp = join(this.dir, `${id}.${randomUUID()}${tempSuffix}`)
    try {
      const handle = await open(temp, 'wx', ownerOnlyFileMode)
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, path)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    // The rename is durable only once the folder's entry is flushed.
    fsyncPath(this.dir)
    return id
  }

  async has(id: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(id))).isFile()
    } catch {
      return false
    }
  }

  async read(id: string): Promise<Buffer> {
    return await readFile(this.pathOf(id))
  }

  /** Synchronous, for building a request (bounded by the per-message limit). */
  readSync(id: string): Buffer {
    return readFileSync(this.pathOf(id))
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true })
  }

  /**
   * Removes every file in the folder that `keep` does not name: files whose row a crash left behind
   * and temp files of a write that never finished. Only files last written before `before` (epoch
   * ms): one being written now, for a file the user is attaching, is left alone.
   */
  async sweep(keep: (id: string) => boolean, before: number): Promise<number> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return 0
    }
    let removed = 0
    for (const name of names) {
      const isHash = AttachmentIdSchema.safeParse(name).success
      if (isHash && keep(name)) continue
      if (!isHash && !name.endsWith(tempSuffix)) continue // not ours: left alone
      const written = await stat(join(this.dir, name)).then(
        (stats) => stats.mtimeMs,
        () => Number.POSITIVE_INFINITY,
      )
      if (written >= before) continue
      await rm(join(this.dir, name), { force: true })
      removed += 1
    }
    return removed
  }
}
