import type { ActiveStream, ChatEvent, Timings, Usage } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'
import { ExternalStore } from '../../lib/external-store'

export interface StreamState {
  streamId: string
  conversationId: string | null
  messageId: string | null
  model: string
  text: string
  reasoning: string
  /** `interrupted`: the connection to the app's server was lost while it streamed (browser mode). */
  status: 'streaming' | 'complete' | 'stopped' | 'error' | 'interrupted'
  /** The highest sequence number applied; older or repeated events are ignored. */
  lastSeq: number
  finishReason: string | null
  usage: Usage | null
  timings: Timings | null
  error: AppError | null
  /** While a failed request waits to be sent again: when the wait ends, and why it failed. */
  retry: { attempt: number; maxAttempts: number; until: number; error: AppError } | null
}

/**
 * Every stream's state, built from chat events whatever view is showing, and found by the stored
 * message it fills. A view that opens while a stream runs (a reload, a second window) seeds it from
 * `chat:active`; events it already holds (seq ≤ lastSeq) are then ignored, so no text doubles.
 */
export class ChatStreamStore extends ExternalStore<ReadonlyMap<string, StreamState>> {
  /**
   * Events of streams that began before this view opened arrive without their `start`; they wait
   * here until `chat:active` says what those streams hold, then the later ones are replayed.
   */
  private waiting: Map<string, ChatEvent[]> | null = new Map()

  constructor() {
    // Compare streams up to four answers at once, each event its own task: views draw once a frame.
    super(new Map(), { oncePerFrame: true })
  }

  /** The live stream filling this message, if any. */
  forMessage(messageId: string): StreamState | undefined {
    for (const stream of this.getSnapshot().values()) if (stream.messageId === messageId) return stream
    return undefined
  }

  /** The streams running when this view opened, from `chat:active`; call once. */
  attachAll(actives: readonly ActiveStream[]): void {
    const waiting = this.waiting ?? new Map<string, ChatEvent[]>()
    this.waiting = null
    for (const active of actives) {
      if (this.getSnapshot().has(active.streamId)) continue
      this.put({ ...emptyStream(active.streamId), ...active })
      for (const event of waiting.get(active.streamId) ?? []) this.apply(event)
    }
  }

  /**
   * The event stream is gone (browser mode's server stopped answering): no event will end these
   * streams, so they end here, text kept, and no Stop waits on a server that cannot hear it.
   */
  interruptAll(): void {
    const next = new Map(this.getSnapshot())
    for (const [id, stream] of next)
      if (stream.status === 'streaming') next.set(id, { ...stream, status: 'interrupted', retry: null })
    this.set(next)
  }

  /**
   * Back after a lost connection: the streams still running on the server (from `chat:active`) go on
   * from what it holds, and later events apply after its `lastSeq`. The others stay ended; their
   * stored messages say how they ended.
   */
  reattach(actives: readonly ActiveStream[]): void {
    const next = new Map(this.getSnapshot())
    for (const active of actives)
      next.set(active.streamId, {
        ...(next.get(active.streamId) ?? emptyStream(active.streamId)),
        ...active,
        status: 'streaming',
        retry: null,
      })
    this.set(next)
  }

  apply(event: ChatEvent): void {
    const current = this.getSnapshot().get(event.streamId)
    if (!current && event.type !== 'start') {
      // Mid-stream of a stream this view never saw start: keep until attached, or drop after.
      if (this.waiting) this.waiting.set(event.streamId, [...(this.waiting.get(event.streamId) ?? []), event])
      return
    }
    if (current && event.seq <= current.lastSeq) return
    const next: StreamState = { ...(current ?? emptyStream(event.streamId)), lastSeq: event.seq, retry: null }
    switch (event.type) {
      case 'retrying':
        next.retry = {
          attempt: event.attempt,
          maxAttempts: event.maxAttempts,
          until: Date.now() + event.delayMs,
          error: event.error,
        }
        break
      case 'start':
        next.model = event.model
        next.conversationId = event.conversationId
        next.messageId = event.messageId
        next.text = event.initialText
        break
      case 'delta':
        next.text += event.content
        break
      case 'reasoning':
        next.reasoning += event.content
        break
      case 'done':
        next.status = event.stopped ? 'stopped' : 'complete'
        next.finishReason = event.finishReason
        next.usage = event.usage
        next.timings = event.timings
        break
      case 'error':
        next.status = 'error'
        next.error = event.error
        next.timings = event.timings
        break
    }
    this.put(next)
  }

  private put(stream: StreamState): void {
    this.set(new Map(this.getSnapshot()).set(stream.streamId, stream))
  }
}

/** A stream as it starts, before any event filled it. */
export function emptyStream(streamId: string): StreamState {
  return {
    streamId,
    conversationId: null,
    messageId: null,
    model: '',
    text: '',
    reasoning: '',
    status: 'streaming',
    lastSeq: -1,
    finishReason: null,
    usage: null,
    timings: null,
    error: null,
    retry: null,
  }
}
