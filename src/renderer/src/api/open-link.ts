import { safeExternalUrl } from '../../../shared/external-link'

export { safeExternalUrl }

/**
 * Opens a link from an answer outside the app; only http(s) URLs without credentials are ever
 * opened (the same check main makes). The desktop app asks main (`app:openExternal`, which checks
 * again before the OS sees the URL); browser mode opens a new tab with no opener and no referrer.
 * Returns false when the URL was refused here.
 */
export function openLink(url: string): boolean {
  const safe = safeExternalUrl(url)
  if (!safe) return false
  if (window.api) void window.api.app.openExternal({ url: safe })
  else window.open(safe, '_blank', 'noopener,noreferrer')
  return true
}
