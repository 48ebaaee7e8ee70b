import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { ActiveStream, ChatEvent } from '../../../../shared/chat'
import { connection } from '../../api/connection-store'
import { ExternalStore } from '../../lib/external-store'

/**
 * Which conversations have an answer streaming, for the sidebar's indicator. Seeded once from
 * `chat:active` (streams running before this view opened, as after a reload), then kept live by
 * the chat events every view already receives: `start` adds a stream, `done` or `error` ends it.
 * No extra request per conversation, and nothing to poll. In browser mode a lost connection clears
 * it and its return reads `chat:active` again.
 */
export class StreamingConversationsStore extends ExternalStore<ReadonlySet<string>> {
  /** Stream id → conversation id, of the streams running now. */
  private readonly streams = new Map<string, string>()
  /** Streams that ended before `chat:active` answered: its older snapshot must not revive them. */
  private readonly ended = new Set<string>()

  constructor() {
    super(new Set())
  }

  attach(actives: readonly ActiveStream[]): void {
    for (const active of actives)
      if (!this.ended.has(active.streamId)) this.streams.set(active.streamId, active.conversationId)
    this.publish()
  }

  /**
   * The connection to browser mode's server is gone: no event will end these streams, so none is
   * shown as answering (as the transcript ends them as interrupted).
   */
  clear(): void {
    for (const streamId of this.streams.keys()) this.ended.add(streamId)
    this.streams.clear()
    this.publish()
  }

  /** Back after a lost connection: exactly what the server says still streams. */
  reattach(actives: readonly ActiveStream[]): void {
    this.streams.clear()
    for (const active of actives) {
      this.ended.delete(active.streamId)
      this.streams.set(active.streamId, active.conversationId)
    }
    this.publish()
  }

  apply(event: ChatEvent): void {
    if (event.type === 'start') {
      if (event.conversationId && !this.ended.has(event.streamId))
        this.streams.set(event.streamId, event.conversationId)
    } else if (event.type === 'done' || event.type === 'error') {
      this.ended.add(event.streamId)
      if (!this.streams.delete(event.streamId)) return
    } else return
    this.publish()
  }

  private publish(): void {
    const next = new Set(this.streams.values())
    const previous = this.getSnapshot()
    if (next.size === previous.size && [...next].every((id) => previous.has(id))) return
    this.set(next)
  }
}

/** The ids of the conversations whose answer is streaming now. */
export function useStreamingConversations(api: Api): ReadonlySet<string> {
  const store = useMemo(() => new StreamingConversationsStore(), [])
  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if ('streamId' in event) store.apply(event)
    })
    void api.chat.active().then((result) => {
      if (result.ok) store.attach(result.value)
    })
    return unsubscribe
  }, [api, store])
  // As the transcript does (use-chat): a lost server ends what it showed; back, it re-reads what streams.
  const link = useSyncExternalStore(connection.subscribe, connection.getSnapshot)
  useEffect(() => {
    if (link.status !== 'open') store.clear()
  }, [link.status, store])
  useEffect(() => {
    if (link.reconnects === 0) return
    void api.chat.active().then((result) => {
      if (result.ok) store.reattach(result.value)
    })
  }, [api, link.reconnects, store])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
