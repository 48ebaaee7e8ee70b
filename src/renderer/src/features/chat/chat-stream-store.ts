import type { ChatEvent, Timings, Usage } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'

export interface StreamState {
  model: string
  text: string
  status: 'streaming' | 'complete' | 'stopped' | 'error'
  /** The highest sequence number applied; older or repeated events are ignored. */
  lastSeq: number
  finishReason: string | null
  usage: Usage | null
  timings: Timings | null
  error: AppError | null
}

/**
 * Every stream's state, built from chat events whatever view is showing. Events can arrive before
 * `chat.send` has answered with the stream's id, so they are kept by id from the first one on.
 * The snapshot is an immutable Map replaced on each change, for `useSyncExternalStore`.
 */
export class ChatStreamStore {
  private streams = new Map<string, StreamState>()
  private readonly listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): ReadonlyMap<string, StreamState> => this.streams

  apply(event: ChatEvent): void {
    const current = this.streams.get(event.streamId)
    if (current && event.seq <= current.lastSeq) return
    const base: StreamState = current ?? {
      model: '',
      text: '',
      status: 'streaming',
      lastSeq: -1,
      finishReason: null,
      usage: null,
      timings: null,
      error: null,
    }
    const next: StreamState = { ...base, lastSeq: event.seq }
    switch (event.type) {
      case 'start':
        next.model = event.model
        break
      case 'delta':
        next.text = base.text + event.content
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
    this.streams = new Map(this.streams).set(event.streamId, next)
    for (const listener of this.listeners) listener()
  }
}
