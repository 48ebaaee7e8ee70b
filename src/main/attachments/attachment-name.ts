/**
 * An attachment's name is for display only: files are named by their hash, so a name never reaches
 * a path. It is still cleaned, so a label cannot hide what it is (bidi controls), break a line, or
 * pretend to be a folder.
 */
import { maxAttachmentNameChars } from '../../shared/attachments'
import { stripBidiControls } from '../../shared/bidi'

export const fallbackAttachmentName = 'attachment'

export function sanitizeAttachmentName(raw: string): string {
  // Only the last path segment, whichever separator the sender's system used.
  const base = raw.split(/[/\\]/).at(-1) ?? ''
  const cleaned = stripBidiControls(base)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .replace(/^\.+/, '')
  const cut = Array.from(cleaned).slice(0, maxAttachmentNameChars).join('')
  return cut || fallbackAttachmentName
}
