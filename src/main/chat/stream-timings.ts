import type { Timings } from '../../shared/chat'

/** Measures one stream: request start, first token, end; derives tokens per second from usage. */
export class StreamTimings {
  private readonly startedAt: number
  private firstTokenAt: number | null = null

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now()
  }

  markToken(): void {
    this.firstTokenAt ??= this.now()
  }

  get hasFirstToken(): boolean {
    return this.firstTokenAt !== null
  }

  finish(completionTokens: number | null): Timings {
    const endedAt = this.now()
    const generatingSeconds = this.firstTokenAt === null ? 0 : (endedAt - this.firstTokenAt) / 1000
    return {
      timeToFirstTokenMs: this.firstTokenAt === null ? null : round(this.firstTokenAt - this.startedAt),
      totalMs: round(endedAt - this.startedAt),
      tokensPerSecond: completionTokens && generatingSeconds > 0 ? round(completionTokens / generatingSeconds) : null,
    }
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
