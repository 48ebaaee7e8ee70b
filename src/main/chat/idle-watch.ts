/**
 * Watches a chat request's response for the ways a gateway can hold an answer open or grow main's
 * memory, and aborts the request when one happens (the text received so far is kept by the caller):
 * - silence: no bytes for `idleMs` (keep-alive comments such as `: ping`, which the SSE parser rightly
 *   drops, count as signs of life, so this watches the raw body under the SDK, through its `fetch`);
 * - the total deadline: `deadlineMs` from the request's start, however steadily bytes trickle in;
 * - size: a line, an event or a body over the limits of body-limits.ts.
 * It also reads a non-streamed JSON answer as a stream (json-answer.ts), keeps only the start of an
 * error body, and refuses redirects to another origin (refuse-cross-origin-redirects.ts).
 */
import { refuseCrossOriginRedirects } from '../net/refuse-cross-origin-redirects'
import { limitBody, truncateBody, type AnswerBodyLimits, type BodyTooLargeError } from './body-limits'
import { plainErrorText } from '../plain-error-text'
import { isJsonResponse, jsonAnswerAsSse } from './json-answer'

export interface WatchOptions {
  idleMs: number
  /** From the watch's creation (the request's start); null for none. */
  deadlineMs: number | null
  limits: AnswerBodyLimits
  /** Scrubbed from a web page's text before it is summarised (the summary cuts it short). */
  secrets: readonly string[]
}

/** Why the watch ended the request; null while it has not. `too_large` without an error is the answer cap's. */
export type WatchEnd =
  { reason: 'idle' } | { reason: 'deadline' } | { reason: 'too_large'; error: BodyTooLargeError | null }

/** An error body says what went wrong in its first KB; the SDK reads it whole into one string. */
const maxErrorBodyBytes = 64 * 1024

export class IdleWatch {
  private readonly controller = new AbortController()
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly deadline: ReturnType<typeof setTimeout> | null
  private closed = false
  private end: WatchEnd | null = null
  private readonly onStop = () => this.controller.abort()

  /** `stop` is the user's Stop; the request's signal aborts on either (one listener, removed on close). */
  constructor(
    private readonly options: WatchOptions,
    private readonly stop: AbortSignal,
  ) {
    if (stop.aborted) this.controller.abort()
    else stop.addEventListener('abort', this.onStop, { once: true })
    this.deadline =
      options.deadlineMs === null ? null : setTimeout(() => this.endWith({ reason: 'deadline' }), options.deadlineMs)
    this.arm()
  }

  /** For the request: aborted on Stop, or when the watch ended it. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** True when the abort was ours because of silence, not the user's. */
  get timedOut(): boolean {
    return this.end?.reason === 'idle'
  }

  /** Why the watch ended the request (silence, the deadline, a size limit), or null. */
  get ended(): WatchEnd | null {
    return this.end
  }

  /** Ends the request for a reason of the caller's own (the answer cap), so later checks see one reason. */
  endWith(end: WatchEnd): void {
    if (this.end || this.controller.signal.aborted) return
    this.end = end
    this.controller.abort()
  }

  /** A fetch for the SDK whose response bodies report every chunk of bytes to this watch. */
  wrap(baseFetch: typeof fetch): typeof fetch {
    const guarded = refuseCrossOriginRedirects(baseFetch)
    return async (input, init) => {
      const response = await guarded(input, init)
      this.arm()
      if (!response.body) return response
      const watch = new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          this.arm()
          controller.enqueue(chunk)
        },
      })
      const tooLarge = (error: BodyTooLargeError) => this.endWith({ reason: 'too_large', error })
      const meta = { status: response.status, statusText: response.statusText, headers: response.headers }
      if (!response.ok) return new Response(response.body.pipeThrough(truncateBody(maxErrorBodyBytes)), meta)
      if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
        // A web page with status 200 (a captive portal, a base URL that points at a website): read as SSE it
        // would end as "stream ended early"; as an error event it says what answered instead.
        const page = await new Response(response.body.pipeThrough(truncateBody(maxErrorBodyBytes))).text()
        const message = `The gateway answered with a web page, not an API answer (check the base URL): ${plainErrorText(response.status, `${response.status} ${page}`, this.options.secrets)}`
        const headers = new Headers(response.headers)
        headers.set('content-type', 'text/event-stream')
        return new Response(`data: ${JSON.stringify({ error: { message } })}\n\n`, { ...meta, headers })
      }
      if (isJsonResponse(response)) {
        // One JSON document: no lines to cap, but its size is, more tightly than a stream's (it is held
        // whole); read whole, then given to the SDK as SSE.
        const limited = response.body.pipeThrough(
          limitBody({ maxLineBytes: null, maxBodyBytes: this.options.limits.maxJsonBodyBytes }, tooLarge),
        )
        const text = await new Response(limited.pipeThrough(watch)).text()
        const sse = jsonAnswerAsSse(text)
        if (sse === null) return new Response(text, meta)
        const headers = new Headers(response.headers)
        headers.set('content-type', 'text/event-stream')
        headers.delete('content-length')
        return new Response(sse, { ...meta, headers })
      }
      return new Response(response.body.pipeThrough(limitBody(this.options.limits, tooLarge)).pipeThrough(watch), meta)
    }
  }

  /** Not watching for silence while we wait on purpose (a retry's countdown); the next request re-arms it. */
  pause(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Stops watching; call when the stream ended, whatever the reason. */
  close(): void {
    this.closed = true
    this.stop.removeEventListener('abort', this.onStop)
    if (this.timer) clearTimeout(this.timer)
    if (this.deadline) clearTimeout(this.deadline)
    this.timer = null
  }

  arm(): void {
    if (this.closed || this.controller.signal.aborted) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.endWith({ reason: 'idle' }), this.options.idleMs)
  }
}
