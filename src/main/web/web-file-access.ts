import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FileAccess } from '../files/file-access'

/** Browser mode's files: exports in `<data>/exports`, served at /api/download/<name>; uploads in `<data>/uploads`. */
export function webFileAccess(dataDir: string): FileAccess & { exportsDir: string; uploadsDir: string } {
  const exportsDir = join(dataDir, 'exports')
  const uploadsDir = join(dataDir, 'uploads')
  return {
    exportsDir,
    uploadsDir,
    async chooseExportTarget(suggestedName) {
      mkdirSync(exportsDir, { recursive: true, mode: 0o700 })
      return { path: join(exportsDir, suggestedName), location: `/api/download/${encodeURIComponent(suggestedName)}` }
    },
    async chooseImportSource(uploadId) {
      if (!uploadId) return null
      const path = join(uploadsDir, `${uploadId}.upload`)
      return existsSync(path) ? path : null
    },
  }
}
