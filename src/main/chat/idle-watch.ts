/**
 * The heartbeat problem of long answers: a gateway that stops sending without closing leaves a
 * stream hanging forever. `IdleWatch` aborts when no bytes have arrived for `idleMs`. It watches
 * the raw body under the SDK (through the SDK's `fetch` option), so keep-alive comments such as
 * `: ping`, which the SSE parser rightly drops, still count as signs of life.
 */
export class IdleWatch {
  private readonly controller = new AbortController()
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false
  private quiet = false
  private readonly onStop = () => this.controller.abort()

  /** `stop` is the user's Stop; the request's signal aborts on either (one listener, removed on close). */
  constructor(
    private readonly idleMs: number,
    private readonly stop: AbortSignal,
  ) {
    if (stop.aborted) this.controller.abort()
    else stop.addEventListener('abort', this.onStop, { once: true })
    this.arm()
  }

  /** For the request: aborted on Stop, or when the stream went quiet for too long. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** True when the abort was ours (silence), not the user's. */
  get timedOut(): boolean {
    return this.quiet
  }

  /** A fetch for the SDK whose response bodies report every chunk of bytes to this watch. */
  wrap(baseFetch: typeof fetch): typeof fetch {
    return async (input, init) => {
      const response = await baseFetch(input, init)
      this.arm()
      if (!response.body) return response
      const watched = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform: (chunk, controller) => {
            this.arm()
            controller.enqueue(chunk)
          },
        }),
      )
      return new Response(watched, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    }
  }

  /** Not watching while we wait on purpose (a retry's countdown); the next request re-arms it. */
  pause(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Stops watching; call when the stream ended, whatever the reason. */
  close(): void {
    this.closed = true
    this.stop.removeEventListener('abort', this.onStop)
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  arm(): void {
    if (this.closed || this.controller.signal.aborted) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.quiet = true
      this.controller.abort()
    }, this.idleMs)
  }
}
