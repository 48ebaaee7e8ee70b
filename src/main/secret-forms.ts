/**
 * The shapes a secret takes when something echoes it back: as it is, base64 (standard and URL-safe,
 * padded or not, alone or inside a longer base64 text such as `Bearer <key>` or a basic-auth `:<key>`),
 * percent-encoded and JSON-escaped (`\uXXXX`, `\/`), or a mix of those last two, as gateways and
 * libraries write them. `patterns` match any of them; `fixed` lists the exact strings,
 * for the stream scrubber, which must know a form's beginning to hold it back across deltas.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The part of the base64 of `secret` that depends on the secret alone, for each of the three byte
 * offsets it can have inside longer data: the characters shared with what comes before and after
 * are left out, so the piece is found whatever surrounds the secret (and with or without padding).
 */
function base64Cores(secret: string, alphabet: 'base64' | 'base64url'): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet)
    const skip = [0, 2, 3][offset]!
    const end = Math.floor(((offset + bytes.length) * 4) / 3)
    return encoded.slice(skip, end)
  })
}

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0')

/** Each character of `secret` as itself, `%XX` (per UTF-8 byte) or `\uXXXX`, in any mix and case. */
function mixedEscapes(secret: string): string {
  return [...secret]
    .map((char) => {
      const options = [escapeRegExp(char)]
      const percent = [...Buffer.from(char, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join('')
      options.push(percent)
      const units = Array.from({ length: char.length }, (_, index) => `\\\\u${hex(char.charCodeAt(index), 4)}`)
      options.push(units.join(''))
      if (char === '/') options.push('\\\\/')
      return `(?:${options.join('|')})`
    })
    .join('')
}

export interface SecretForms {
  /**
   * Every form, as global patterns: the escapes in any case (`%2f`, `\u002F`), and base64's pieces
   * case-sensitively (in base64, case is data).
   */
  patterns: RegExp[]
  /** The forms as exact strings (the plain secret, its base64 pieces, fully escaped forms). */
  fixed: string[]
}

const cache = new Map<string, SecretForms>()

export function secretForms(secret: string): SecretForms {
  const cached = cache.get(secret)
  if (cached) return cached
  const cores = [...base64Cores(secret, 'base64'), ...base64Cores(secret, 'base64url')].filter(
    (core) => core.length >= 8,
  )
  const fixed = [
    ...new Set([
      secret,
      ...cores,
      encodeURIComponent(secret),
      [...Buffer.from(secret, 'utf8')].map((byte) => `%${hex(byte, 2).toUpperCase()}`).join(''),
      [...Buffer.from(secret, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join(''),
      [...secret].map((char) => `\\u${hex(char.charCodeAt(0), 4)}`).join(''),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ]
  const patterns = [new RegExp(mixedEscapes(secret), 'gi')]
  if (cores.length) patterns.push(new RegExp(cores.map(escapeRegExp).join('|'), 'g'))
  const forms: SecretForms = { patterns, fixed }
  if (cache.size > 16) cache.clear()
  cache.set(secret, forms)
  return forms
}

/** Replaces every form of `secret` in `text`. */
export function redactForms(text: string, secret: string, replacement: string): string {
  let result = text
  for (const pattern of secretForms(secret).patterns) result = result.replace(pattern, replacement)
  return result
}
