import { z } from 'zod'

/**
 * Error kinds a user can act on. Main maps every failure to one of these once
 * (`src/main/errors`), the renderer words each one once (`src/renderer/src/i18n`).
 */
export const errorKinds = [
  'no_key',
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
  'aborted',
  'invalid_payload',
  'not_found',
  /** A file the user gave (an import) is broken; the message names what and where. */
  'invalid_file',
  'internal',
] as const

export const ErrorKindSchema = z.enum(errorKinds)
export type ErrorKind = z.infer<typeof ErrorKindSchema>

/** An error as it crosses the boundary: a kind, a scrubbed message, never a stack or a secret. */
export const AppErrorSchema = z.object({
  kind: ErrorKindSchema,
  message: z.string(),
  /** HTTP status from the gateway, when there was one. */
  status: z.number().int().optional(),
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
