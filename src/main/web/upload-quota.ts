/**
 * How much browser mode's `uploads/` may hold: every upload stays there until its import ends, so
 * without a cap a page (or a script with the token) could fill the disk with parallel uploads. The
 * total counts the files already stored and, for uploads still arriving, the larger of what they
 * declared (Content-Length) and what they sent so far; it is checked before the first byte is taken
 * and again with every chunk.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface UploadLimits {
  /** All of `uploads/` together; heavy users' ChatGPT exports reach hundreds of megabytes. */
  totalBytes: number
  /** Uploads arriving at once. */
  concurrent: number
}

export const defaultUploadLimits: UploadLimits = { totalBytes: 2 * 1024 ** 3, concurrent: 4 }

export type UploadRefusal = 'total' | 'concurrent'

export interface UploadTicket {
  /** Counts `bytes` more of this upload; false when that goes beyond the total (stop reading). */
  received(bytes: number): boolean
  /** The upload is stored or abandoned: it no longer counts as arriving (a stored file counts from disk). */
  end(): void
}

export class UploadQuota {
  private readonly arriving = new Map<string, { declared: number; received: number }>()
  private storedAtStart = 0

  constructor(
    private readonly uploadsDir: string,
    readonly limits: UploadLimits = defaultUploadLimits,
  ) {}

  /** A ticket for an upload of `declared` bytes (0 when unknown), or why it is refused. */
  begin(uploadId: string, declared: number): UploadTicket | { refused: UploadRefusal } {
    if (this.arriving.size >= this.limits.concurrent) return { refused: 'concurrent' }
    this.storedAtStart = this.storedBytes()
    if (this.storedAtStart + this.arrivingBytes() + declared > this.limits.totalBytes) return { refused: 'total' }
    const entry = { declared, received: 0 }
    this.arriving.set(uploadId, entry)
    return {
      received: (bytes) => {
        entry.received += bytes
        return this.storedAtStart + this.arrivingBytes() <= this.limits.totalBytes
      },
      end: () => void this.arriving.delete(uploadId),
    }
  }

  private arrivingBytes(): number {
    let total = 0
    for (const { declared, received } of this.arriving.values()) total += Math.max(declared, received)
    return total
  }

  /** Uploads already stored (those still arriving are counted by what they declared and sent). */
  private storedBytes(): number {
    let names: string[]
    try {
      names = readdirSync(this.uploadsDir)
    } catch {
      return 0
    }
    let total = 0
    for (const name of names) {
      if (this.arriving.has(name.replace(/\.upload$/, ''))) continue
      try {
        total += statSync(join(this.uploadsDir, name)).size
      } catch {
        // removed meanwhile: its import ended
      }
    }
    return total
  }
}
