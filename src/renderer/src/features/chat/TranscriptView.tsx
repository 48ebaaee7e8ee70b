import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { StoredMessage } from '../../../../shared/history'
import { strings } from '../../i18n'
import type { ChatStreamStore, StreamState } from './chat-stream-store'
import { MessageView } from './MessageView'
import type { Transcript, TranscriptStore } from './transcript-store'

interface TranscriptViewProps {
  /** The conversation the view should show; the transcript may still hold the previous one for a moment. */
  conversationId: string | null
  transcript: Transcript
  transcriptStore: TranscriptStore
  streams: ReadonlyMap<string, StreamState>
  streamStore: ChatStreamStore
  /** A search hit to scroll to and highlight; cleared by the parent after use. */
  focusMessageId: string | null
  onRetry(messageId: string): void
  onContinue(messageId: string): void
  onOpenSettings(): void
}

/** How close to the bottom still counts as "following" the answer as it grows. */
const followSlackPx = 120
const retryable = new Set<StoredMessage['status']>(['error', 'stopped', 'interrupted'])
/** A finished answer the model ended at its length limit: it can be continued. */
const cutShort = (message: StoredMessage) => message.status === 'complete' && message.finishReason === 'length'

/**
 * The conversation as an ARIA log, virtualised: only the rows on screen are in the DOM, so a
 * conversation of 10,000 messages scrolls like one of ten. Older pages load at the top.
 */
export function TranscriptView(props: TranscriptViewProps) {
  const { transcript, transcriptStore, streams, streamStore, focusMessageId } = props
  const { messages } = transcript
  const scrollRef = useRef<HTMLDivElement>(null)
  const following = useRef(true)
  const [highlighted, setHighlighted] = useState<string | null>(null)
  // TanStack Virtual hands back fresh functions each render; the React Compiler skips this component, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => messages[index]!.id,
  })

  // Keep the view where it was when older messages are put above it.
  const firstId = messages[0]?.id
  const previous = useRef<{ firstId: string | undefined; count: number; height: number }>({
    firstId,
    count: 0,
    height: 0,
  })
  useLayoutEffect(() => {
    const element = scrollRef.current
    const before = previous.current
    const total = virtualizer.getTotalSize()
    if (element && before.firstId !== firstId && before.count > 0 && messages.some((m) => m.id === before.firstId)) {
      element.scrollTop += total - before.height
    }
    previous.current = { firstId, count: messages.length, height: total }
  })

  // Follow the newest text while the user is at the bottom.
  const liveLength = [...streams.values()].reduce((sum, stream) => sum + stream.text.length, 0)
  useEffect(() => {
    if (following.current && messages.length && !focusMessageId)
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' })
  }, [messages.length, liveLength, virtualizer, focusMessageId])

  // Open at a search hit once its conversation has loaded: load back to it, scroll there, highlight it.
  const handledFocus = useRef<string | null>(null)
  const ready =
    transcript.conversationId !== null &&
    transcript.conversationId === props.conversationId &&
    !transcript.loading &&
    messages.length > 0
  useEffect(() => {
    if (!focusMessageId) handledFocus.current = null
    if (!focusMessageId || !ready || handledFocus.current === focusMessageId) return
    handledFocus.current = focusMessageId
    void transcriptStore.loadUntil(focusMessageId).then((found) => {
      if (!found) return
      const index = transcriptStore.getSnapshot().messages.findIndex((message) => message.id === focusMessageId)
      following.current = false
      requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }))
      setHighlighted(focusMessageId)
      setTimeout(() => setHighlighted((current) => (current === focusMessageId ? null : current)), 4000)
    })
  }, [focusMessageId, ready, transcriptStore, virtualizer])

  const onScroll = () => {
    const element = scrollRef.current
    if (!element) return
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight < followSlackPx
    if (element.scrollTop < 200 && transcript.hasMore && !transcript.loading) void transcriptStore.loadOlder()
  }

  const last = messages.at(-1)
  return (
    <div
      className="transcript"
      role="log"
      aria-label={strings.chat.transcript}
      aria-live="polite"
      ref={scrollRef}
      onScroll={onScroll}
      tabIndex={0}
    >
      {messages.length === 0 && !transcript.loading ? <p className="empty">{strings.chat.empty}</p> : null}
      {transcript.hasMore ? <p className="older">{strings.chat.loadingOlder}</p> : null}
      <div className="rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const message = messages[item.index]!
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MessageView
                message={message}
                stream={message.role === 'assistant' ? streamStore.forMessage(message.id) : undefined}
                canRetry={
                  message === last && (message.role === 'user' || retryable.has(message.status) || cutShort(message))
                }
                highlighted={highlighted === message.id}
                onRetry={() => props.onRetry(message.id)}
                onContinue={() => props.onContinue(message.id)}
                onOpenSettings={props.onOpenSettings}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
