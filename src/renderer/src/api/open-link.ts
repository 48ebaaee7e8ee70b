/**
 * Opens a link from an answer outside the app. Only http and https are ever opened. In browser mode
 * that is a new tab with no opener and no referrer; the desktop app will ask main (an `openExternal`
 * channel that checks the URL again) once that channel exists, by changing this one function.
 * Returns false when the URL was refused.
 */
export function openLink(url: string): boolean {
  const safe = safeExternalUrl(url)
  if (!safe) return false
  window.open(safe, '_blank', 'noopener,noreferrer')
  return true
}

/** The URL normalised when it is an absolute http(s) URL, else null. */
export function safeExternalUrl(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}
