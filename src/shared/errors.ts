import { z } from 'zod'
import { AttachmentProblemSchema } from './attachments'

/**
 * Error kinds a user can act on. Main maps every failure to one of these once
 * (`src/main/errors`), the renderer words each one once (`src/renderer/src/i18n`).
 */
export const errorKinds = [
  'no_key',
  /** A key is held, but for another gateway origin: it is not sent until the user enters it again. */
  'key_origin_changed',
  'invalid_key',
  'forbidden',
  'unknown_model',
  'bad_request',
  'context_too_long',
  'rate_limited',
  /** Too many answers streaming at once in this app (the concurrency cap). */
  'busy',
  'server',
  'network',
  /** The gateway's certificate was refused: a proxy or firewall intercepting HTTPS, or the wrong host. */
  'tls',
  'timeout',
  /** The answer had begun and the stream broke: dropped, cut short, or a chunk that was not JSON. */
  'stream_broken',
  /**
   * The gateway sent more than the app accepts: an answer over the size limit (a setting), or a line,
   * event or body over main's caps. The text so far is kept; Continue is not offered.
   */
  'too_large',
  /** The gateway redirected the request to another host; it was refused and nothing was sent there. */
  'redirect_refused',
  'aborted',
  'invalid_payload',
  'not_found',
  /** A file the user gave (an import) is broken; the message names what and where. */
  'invalid_file',
  /** Browser mode refused an upload: its folder would hold too much, or too many arrive at once. */
  'upload_limit',
  /** A file given as an attachment was refused (too large, not an accepted type, SVG…); `attachment` says which and why. */
  'attachment_refused',
  /** The history is open read-only (an update of its schema failed): reading works, changes do not. */
  'read_only',
  /** A change main asked the user to confirm (a tool server's command) was refused: nothing was saved. */
  'not_confirmed',
  'internal',
] as const

export const ErrorKindSchema = z.enum(errorKinds)
export type ErrorKind = z.infer<typeof ErrorKindSchema>

/**
 * Why a connection failed below HTTP (the Node or TLS error code), for `network` and `tls` errors, so
 * the UI can say it in the user's language; main's message says the same in English, for logs.
 */
export const connectionCauses = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
] as const
export const ConnectionCauseSchema = z.enum(connectionCauses)
export type ConnectionCause = z.infer<typeof ConnectionCauseSchema>

/** Each cause in English: main's error message (and logs), and the English UI's wording. */
export const connectionCauseInEnglish: Record<ConnectionCause, string> = {
  ECONNREFUSED: 'The gateway refused the connection.',
  ENOTFOUND: 'The gateway’s address could not be found (DNS).',
  EAI_AGAIN: 'The gateway’s address could not be looked up; the network may be offline.',
  ECONNRESET: 'The connection to the gateway was reset.',
  ENETUNREACH: 'The network is unreachable; the computer may be offline.',
  EHOSTUNREACH: 'The gateway’s host is unreachable.',
  ETIMEDOUT: 'The connection to the gateway timed out.',
  UND_ERR_CONNECT_TIMEOUT: 'The connection to the gateway timed out.',
  CERT_HAS_EXPIRED: 'The gateway’s TLS certificate has expired.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The gateway’s TLS certificate is self-signed and not trusted.',
  SELF_SIGNED_CERT_IN_CHAIN: 'The gateway’s TLS certificate is signed by an authority this computer does not trust.',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The gateway’s TLS certificate could not be verified.',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'The gateway’s TLS certificate could not be verified.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The gateway’s TLS certificate does not match its address.',
  EPROTO: 'The secure connection to the gateway failed (TLS).',
}

/**
 * Certificate failures get their own kind (`tls`): retrying cannot help, and the usual cause is a proxy
 * or firewall that intercepts HTTPS, or a base URL that points at the wrong host.
 */
export const tlsCauses: ReadonlySet<ConnectionCause> = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
])

/** What an import file is when it is not UTF-8 text: an archive, another encoding, or bytes that are not UTF-8 at `byteOffset`. */
export const ImportProblemSchema = z.object({
  kind: z.enum(['zip', 'gzip', 'utf16', 'not_utf8']),
  /** For `not_utf8`: the offset (from 0) of the first byte that is not UTF-8. */
  byteOffset: z.number().int().nonnegative().optional(),
})
export type ImportProblem = z.infer<typeof ImportProblemSchema>

/** An error as it crosses the boundary: a kind, a scrubbed message, never a stack or a secret. */
export const AppErrorSchema = z.object({
  kind: ErrorKindSchema,
  message: z.string(),
  /** HTTP status from the gateway, when there was one. */
  status: z.number().int().optional(),
  /** For `network` and `tls`: the cause, when main recognised it. */
  cause: ConnectionCauseSchema.optional(),
  /** For `invalid_file`: a file that is not UTF-8 JSON at all, so the UI can say what it is in the user's language. */
  importProblem: ImportProblemSchema.optional(),
  /** For `attachment_refused`: the file, the reason and the limit, for the UI to word in the user's language. */
  attachment: AttachmentProblemSchema.optional(),
})
export type AppError = z.infer<typeof AppErrorSchema>

/** Every handler answers with this envelope; errors are values, not exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(kind: ErrorKind, message: string, status?: number): Result<never> {
  return { ok: false, error: status === undefined ? { kind, message } : { kind, message, status } }
}
