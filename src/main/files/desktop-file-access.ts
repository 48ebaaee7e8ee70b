/**
 * The desktop app's files: the OS's save and open dialogs. Takes Electron's `dialog` as a
 * dependency (only `index.ts` imports Electron), so it stays plain to read and to test.
 */
import { join } from 'node:path'
import type { FileAccess } from './file-access'

/** The part of Electron's `dialog` this needs. */
export interface FileDialogs {
  showSaveDialog(options: {
    defaultPath: string
    filters: { name: string; extensions: string[] }[]
  }): Promise<{ canceled: boolean; filePath?: string }>
  showOpenDialog(options: {
    properties: 'openFile'[]
    filters: { name: string; extensions: string[] }[]
  }): Promise<{ canceled: boolean; filePaths: string[] }>
}

export function desktopFileAccess(dialogs: FileDialogs, documentsDir: string): FileAccess {
  return {
    async chooseExportTarget(suggestedName) {
      const markdown = suggestedName.endsWith('.md')
      const result = await dialogs.showSaveDialog({
        defaultPath: join(documentsDir, suggestedName),
        filters: [markdown ? { name: 'Markdown', extensions: ['md'] } : { name: 'JSON', extensions: ['json'] }],
      })
      if (result.canceled || !result.filePath) return null
      return { path: result.filePath, location: result.filePath }
    },
    async chooseImportSource() {
      const result = await dialogs.showOpenDialog({
        properties: ['openFile'],
        filters: [{ name: 'HolySheep or ChatGPT export', extensions: ['json'] }],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
