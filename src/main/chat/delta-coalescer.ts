/**
 * Joins text deltas into at most one flush per interval (about one per frame), so a model that
 * sends thousands of tiny deltas a second costs the renderer one IPC message and one React render
 * per frame. The first delta after a quiet spell flushes at once, so time to first token is not delayed.
 */
export interface CoalescerClock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: CoalescerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class DeltaCoalescer {
  private pending = ''
  private timer: unknown = null
  private lastFlushAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly onFlush: (text: string) => void,
    private readonly intervalMs = 16,
    private readonly clock: CoalescerClock = systemClock,
  ) {}

  push(text: string): void {
    if (!text) return
    this.pending += text
    if (this.timer !== null) return
    const wait = this.lastFlushAt + this.intervalMs - this.clock.now()
    if (wait <= 0) this.flush()
    else this.timer = this.clock.setTimeout(() => this.flush(), wait)
  }

  /** Sends whatever is pending now; called on every timer and once at the end of a stream. */
  flush(): void {
    this.cancelTimer()
    if (!this.pending) return
    const text = this.pending
    this.pending = ''
    this.lastFlushAt = this.clock.now()
    this.onFlush(text)
  }

  /** Stops the timer without sending: for a stream that is being torn down after its final flush. */
  dispose(): void {
    this.cancelTimer()
  }

  private cancelTimer(): void {
    if (this.timer === null) return
    this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
