/**
 * A Markdown export's attachments: copied into a folder beside the .md (`chat.md` →
 * `chat-attachments/`) and linked from it by relative path, so the pair reads anywhere. A copy's
 * name is the start of its hash and its cleaned name, with the characters Windows refuses replaced:
 * the name never chooses the folder, and two files of one name never collide.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Attachment } from '../../../shared/attachments'
import type { AttachmentFiles } from '../../attachments/attachment-files'
import { sanitizeAttachmentName } from '../../attachments/attachment-name'

export function markdownAttachments(outPath: string, files: AttachmentFiles) {
  const folderName = `${basename(outPath, extname(outPath))}-attachments`
  const folder = join(dirname(outPath), folderName)
  const copied = new Map<string, string>()
  return {
    /** Copies the file (once) and answers its link, relative to the .md; null when the file is gone. */
    link(attachment: Attachment): string | null {
      const fileName = `${attachment.id.slice(0, 12)}-${sanitizeAttachmentName(attachment.name).replace(/[<>:"|?*]/g, '_')}`
      if (!copied.has(fileName)) {
        try {
          mkdirSync(folder, { recursive: true })
          copyFileSync(files.pathOf(attachment.id), join(folder, fileName))
        } catch {
          return null
        }
        copied.set(fileName, fileName)
      }
      return `${folderName}/${fileName}`
    },
  }
}
