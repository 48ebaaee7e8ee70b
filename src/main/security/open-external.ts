import { safeExternalUrl } from '../../shared/external-link'

/** The part of Electron's `shell` used here. */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}

/**
 * Hands a link to the OS only after main has checked it itself (http or https, no credentials), even
 * though the contract's schema checked it already: this is the last step before code outside the
 * sandbox runs, so it does not trust its caller.
 */
export function openExternalSafely(shell: ExternalOpener): (url: string) => Promise<void> {
  return async (url) => {
    const safe = safeExternalUrl(url)
    if (safe === null) throw new Error('Refused to open a link that is not http(s).')
    await shell.openExternal(safe)
  }
}
