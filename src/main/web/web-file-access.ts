import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { FileAccess } from '../files/file-access'
import type { Logger } from '../log'

export type WebFileAccess = FileAccess & {
  exportsDir: string
  uploadsDir: string
  /** At start: uploads and half-written exports of an earlier run (a kill leaves them) are removed. */
  removeLeftovers(log: Logger): void
}

/** Browser mode's files: exports in `<data>/exports`, served at /api/download/<name>; uploads in `<data>/uploads`. */
export function webFileAccess(dataDir: string): WebFileAccess {
  const exportsDir = join(dataDir, 'exports')
  const uploadsDir = join(dataDir, 'uploads')
  // Names handed to an export in this run: a second export of the same name, even one still being
  // written, gets a name of its own, so no download link ever serves another export's file.
  const reserved = new Set<string>()
  const taken = (name: string) => reserved.has(name) || existsSync(join(exportsDir, name))
  return {
    exportsDir,
    uploadsDir,
    removeLeftovers(log) {
      // Uploads live only as long as the import that reads them; whatever is left is from an earlier run.
      rmSync(uploadsDir, { recursive: true, force: true })
      if (!existsSync(exportsDir)) return
      for (const name of readdirSync(exportsDir)) {
        if (!name.endsWith('.partial')) continue
        rmSync(join(exportsDir, name), { force: true })
        log.info(`removed an unfinished export left by an earlier run: ${name}`)
      }
    },
    async chooseExportTarget(suggestedName) {
      mkdirSync(exportsDir, { recursive: true, mode: 0o700 })
      const extension = extname(suggestedName)
      const stem = suggestedName.slice(0, suggestedName.length - extension.length)
      let name = suggestedName
      for (let counter = 2; taken(name); counter++) name = `${stem}-${counter}${extension}`
      reserved.add(name)
      return { path: join(exportsDir, name), location: `/api/download/${encodeURIComponent(name)}` }
    },
    async chooseImportSource(uploadId) {
      if (!uploadId) return null
      const path = join(uploadsDir, `${uploadId}.upload`)
      return existsSync(path) ? path : null
    },
    releaseImportSource(path) {
      // Only our own uploads: the import read them, nothing else will.
      if (dirname(path) === uploadsDir && basename(path).endsWith('.upload')) rmSync(path, { force: true })
    },
  }
}
