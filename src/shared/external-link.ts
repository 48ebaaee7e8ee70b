import { z } from 'zod'

/** Longer than any real link a model writes; a cap so a hostile page cannot hand the OS a megabyte. */
export const maxExternalUrlLength = 2048

/**
 * The only links the app hands to the operating system: plain http(s) web addresses, without
 * credentials. Anything else (`file:`, `javascript:`, `smb:`, custom app schemes, `user:pass@`) can
 * run code or leak data outside the sandbox, so it is refused. Returns the normalised URL or null.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxExternalUrlLength) return null
  // Control characters and spaces are how scheme tricks hide (`java\tscript:`); no real link has them.
  if ([...raw].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password || !url.hostname) return null
  return url.href
}

export const OpenExternalRequestSchema = z
  .object({
    url: z
      .string()
      .max(maxExternalUrlLength)
      .refine((url) => safeExternalUrl(url) !== null, 'Only http and https links can be opened.'),
  })
  .strict()

export const OpenExternalResponseSchema = z.object({
  /** False where the app cannot open links itself (browser mode, where the page opens them). */
  opened: z.boolean(),
})
