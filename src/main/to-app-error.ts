/**
 * The one place where failures become `AppError`s: SDK errors, network errors, anything thrown.
 * Messages are scrubbed of secrets here, before they can be logged or cross to the renderer.
 */
import OpenAI from 'openai'
import {
  connectionCauseInEnglish,
  ConnectionCauseSchema,
  tlsCauses,
  type AppError,
  type ConnectionCause,
  type ErrorKind,
} from '../shared/errors'
import { scrubSecrets } from './log'
import { RedirectRefusedError } from './net/refuse-cross-origin-redirects'
import { plainErrorText } from './plain-error-text'

/** Walks an error's `cause` chain (fetch wraps the socket error) for a Node error code. */
function findErrorCode(error: unknown): ConnectionCause | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    const cause = ConnectionCauseSchema.safeParse(code)
    if (cause.success) return cause.data
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** Finds an error of `type` in an error's `cause` chain (the SDK wraps what fetch threw). */
function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (current instanceof type) return current
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** The gateway's own words: its JSON error's message, else its body as plain text (an HTML page summarised). */
function serverMessage(error: InstanceType<typeof OpenAI.APIError>, secrets: readonly string[]): string {
  const body = error.error as { message?: unknown } | undefined
  if (body && typeof body.message === 'string' && body.message) return body.message
  return typeof error.status === 'number' ? plainErrorText(error.status, error.message, secrets) : error.message
}

function kindForStatus(status: number, message: string, code: string | null | undefined): ErrorKind {
  if (status === 401) return 'invalid_key'
  if (status === 403) return 'forbidden'
  if (status === 404) return /model/i.test(message) || code === 'model_not_found' ? 'unknown_model' : 'not_found'
  if (status === 413) return 'context_too_long'
  if (status === 400 && (code === 'context_length_exceeded' || /context|too long|maximum.*tokens/i.test(message)))
    return 'context_too_long'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server'
  return 'bad_request'
}

function byCode(cause: ConnectionCause): AppError {
  return { kind: tlsCauses.has(cause) ? 'tls' : 'network', message: connectionCauseInEnglish[cause], cause }
}

export function toAppError(error: unknown, secrets: readonly string[]): AppError {
  const clean = (message: string) => scrubSecrets(message, secrets).slice(0, 2000)
  if (error instanceof OpenAI.APIUserAbortError) return { kind: 'aborted', message: 'Stopped.' }
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return { kind: 'timeout', message: 'The gateway took too long to answer.' }
  const redirect = findCause(error, RedirectRefusedError)
  if (redirect) return { kind: 'redirect_refused', message: clean(redirect.message), status: redirect.status }
  if (error instanceof OpenAI.APIConnectionError) {
    const code = findErrorCode(error)
    return code ? byCode(code) : { kind: 'network', message: clean(`Could not reach the gateway: ${error.message}`) }
  }
  if (error instanceof OpenAI.APIError) {
    const message = clean(serverMessage(error, secrets))
    if (typeof error.status !== 'number') return { kind: 'server', message }
    return { kind: kindForStatus(error.status, message, error.code), message, status: error.status }
  }
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'aborted', message: 'Stopped.' }
  // SQLITE_READONLY: the history is open read-only after a failed update (see safe-migration.ts).
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  if (typeof errcode === 'number' && (errcode & 0xff) === 8)
    return { kind: 'read_only', message: 'The history is read-only until the app is updated; nothing was changed.' }
  const code = findErrorCode(error)
  if (code) return byCode(code)
  return { kind: 'internal', message: clean(error instanceof Error ? error.message : String(error)) }
}
