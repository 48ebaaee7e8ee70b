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

  constructor(private readonly idleMs: number) {
    this.arm()
  }

  /** Aborted when the stream went quiet for too long. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get timedOut(): boolean {
    return this.controller.signal.aborted
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
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  arm(): void {
    if (this.closed || this.timedOut) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.controller.abort(), this.idleMs)
  }
}
