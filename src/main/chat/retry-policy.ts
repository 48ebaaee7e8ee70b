/**
 * When a request that failed before the answer began is tried again, and after how long.
 * Retried: rate limits, server trouble and connection failures; never a wrong key, an unknown
 * model or a bad request, which would fail the same way again. The server's `Retry-After` wins over
 * our own backoff (exponential from 0.5 s, at most 8 s, with jitter so many clients do not retry in
 * step), the same schedule as the openai SDK's, made visible: the UI counts down each wait.
 */
import OpenAI from 'openai'
import type { AppError } from '../../shared/errors'

/** A server asking us to wait longer than this is answered with the error, not with a long silence. */
export const longestWaitMs = 60_000

const retryableKinds = new Set<AppError['kind']>(['rate_limited', 'server', 'network', 'timeout'])

export function retryDelayMs(
  caught: unknown,
  error: AppError,
  attemptsSoFar: number,
  maxRetries: number,
  random: () => number = Math.random,
): number | null {
  if (attemptsSoFar >= maxRetries || !retryableKinds.has(error.kind)) return null
  const asked = retryAfterMs(caught)
  if (asked !== null) return asked <= longestWaitMs ? asked : null
  const backoff = Math.min(8_000, 500 * 2 ** attemptsSoFar)
  return Math.round(backoff * (1 - random() * 0.25))
}

/** `retry-after-ms` (OpenAI's), or `Retry-After` in seconds or as an HTTP date. */
function retryAfterMs(caught: unknown): number | null {
  if (!(caught instanceof OpenAI.APIError) || !caught.headers) return null
  const headers = caught.headers as Headers | Record<string, string | undefined>
  const read = (name: string) =>
    typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get(name)
      : ((headers as Record<string, string | undefined>)[name] ?? null)
  const milliseconds = Number(read('retry-after-ms'))
  if (Number.isFinite(milliseconds) && milliseconds >= 0 && read('retry-after-ms') !== null) return milliseconds
  const value = read('retry-after')
  if (value === null) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

/** Waits, unless `signal` aborts first (Stop during the countdown); resolves false when aborted. */
export function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
