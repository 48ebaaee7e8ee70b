/**
 * Where exports go and imports come from. The desktop app asks with the OS's file dialogs; browser
 * mode has no dialogs, so exports are written to the data folder and downloaded over HTTP, and
 * imports are uploaded first. The services only see this interface.
 */
export interface FileAccess {
  /** Where to write an export; null when the user cancelled. `location` is what the renderer shows or opens. */
  chooseExportTarget(suggestedName: string): Promise<{ path: string; location: string } | null>
  /** The file to import; null when the user cancelled (or the upload is unknown). */
  chooseImportSource(uploadId: string | null): Promise<string | null>
  /**
   * Called when the import of `path` ended (done, failed or cancelled): browser mode deletes its
   * upload; the desktop app leaves the user's own file alone (it has no such method).
   */
  releaseImportSource?(path: string): void
}

/**
 * A file name safe on every OS, from a conversation title; with the conversation's id, its first
 * characters too, so two conversations of the same title exported the same day never share a name.
 */
export function exportFileName(
  title: string | null,
  extension: 'md' | 'json',
  now = new Date(),
  conversationId: string | null = null,
): string {
  const date = now.toISOString().slice(0, 10)
  const slug = (title ?? 'all-conversations')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  const id = conversationId
    ? `-${conversationId
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 8)
        .toLowerCase()}`
    : ''
  return `holysheep-${slug || 'conversation'}-${date}${id}.${extension}`
}
