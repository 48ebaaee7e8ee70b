import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import type { StoredMessage } from '../../../../shared/history'
import { strings } from '../../i18n'
import { ErrorBoundary } from '../../lib/ErrorBoundary'
import { PlainBlock } from '../../markdown/PlainBlock'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { IconButton } from '../../ui/IconButton'
import { ArrowDown, Sparkles } from '../../ui/icons'
import type { ChatStreamStore, StreamState } from './chat-stream-store'
import { MessageView } from './MessageView'
import type { MessageActionHandlers } from './use-message-actions'
import type { Transcript, TranscriptStore } from './transcript-store'
import { useTranscriptScroll } from './use-transcript-scroll'

interface TranscriptViewProps {
  /** The conversation the view should show; the transcript may still hold the previous one for a moment. */
  conversationId: string | null
  transcript: Transcript
  transcriptStore: TranscriptStore
  streams: ReadonlyMap<string, StreamState>
  streamStore: ChatStreamStore
  /** A search hit to scroll to and highlight. */
  focusMessageId: string | null
  /** Called once the view is at the hit, so the parent can clear it (and the same hit can be asked for again). */
  onFocusHandled(): void
  /** An answer streams in this conversation. */
  busy: boolean
  actions: MessageActionHandlers
  onRetry(messageId: string): void
  onContinue(messageId: string): void
  onOpenSettings(): void
  onNewChat(): void
  /** A suggestion of the empty chat was picked: it fills the message box. */
  onSuggestion(prompt: string): void
  /** Messages shown elsewhere (a Compare's answers, in its columns below), left out of the log. */
  hiddenMessageIds?: ReadonlySet<string>
}

const retryable = new Set<StoredMessage['status']>(['error', 'stopped', 'interrupted'])
/** A finished answer the model ended at its length limit: it can be continued. */
const cutShort = (message: StoredMessage) => message.status === 'complete' && message.finishReason === 'length'

/**
 * The conversation as an ARIA log, virtualised: only the rows on screen are in the DOM, so a
 * conversation of 10,000 messages scrolls like one of ten. Older pages load at the top.
 */
export function TranscriptView(props: TranscriptViewProps) {
  const { transcript, transcriptStore, streams, streamStore, focusMessageId, hiddenMessageIds } = props
  const messages = useMemo(
    () =>
      hiddenMessageIds?.size
        ? transcript.messages.filter((message) => !hiddenMessageIds.has(message.id))
        : transcript.messages,
    [hiddenMessageIds, transcript.messages],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Virtual hands back fresh functions each render; the React Compiler skips this component, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => messages[index]!.id,
  })

  const { highlighted, onScroll, onUserScroll, scrolledUp, scrollToBottom } = useTranscriptScroll({
    virtualizer,
    scrollRef,
    transcript,
    transcriptStore,
    streams,
    conversationId: props.conversationId,
    focusMessageId,
    onFocusHandled: props.onFocusHandled,
  })

  const last = messages.at(-1)
  const empty = messages.length === 0 && !transcript.loading
  return (
    <div className="transcript-frame">
      <div
        className="transcript"
        role="log"
        aria-label={strings.chat.transcript}
        aria-live="polite"
        ref={scrollRef}
        onScroll={onScroll}
        onWheel={onUserScroll}
        onTouchStart={onUserScroll}
        onKeyDown={onUserScroll}
        onPointerDown={onUserScroll}
        tabIndex={0}
      >
        {empty ? <EmptyChat onSuggestion={props.onSuggestion} /> : null}
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
                <ErrorBoundary
                  label="message"
                  resetKey={message.id}
                  fallback={() => (
                    <article
                      className={`message ${message.role}`}
                      aria-label={message.role === 'assistant' ? strings.chat.assistant : strings.chat.you}
                      data-message-id={message.id}
                    >
                      <PlainBlock text={message.content} reason="failed" />
                    </article>
                  )}
                >
                  <MessageView
                    message={message}
                    stream={message.role === 'assistant' ? streamStore.forMessage(message.id) : undefined}
                    canRetry={
                      message === last &&
                      (message.role === 'user' || retryable.has(message.status) || cutShort(message))
                    }
                    highlighted={highlighted === message.id}
                    isLast={message === last}
                    conversationBusy={props.busy}
                    actions={props.actions}
                    onRetry={() => props.onRetry(message.id)}
                    onContinue={() => props.onContinue(message.id)}
                    onOpenSettings={props.onOpenSettings}
                    onNewChat={props.onNewChat}
                    onShowMore={() => void transcriptStore.loadMoreText(message.id)}
                    wholeText={() => transcriptStore.wholeText(message.id)}
                  />
                </ErrorBoundary>
              </div>
            )
          })}
        </div>
      </div>
      {scrolledUp && !empty ? (
        <div className="scroll-to-bottom">
          <IconButton
            variant="secondary"
            label={strings.transcript.scrollToBottom}
            icon={<ArrowDown aria-hidden />}
            onClick={scrollToBottom}
          />
        </div>
      ) : null}
    </div>
  )
}

/** A new chat: a welcome, and a few ways to start that fill the message box (nothing is sent until Send). */
function EmptyChat({ onSuggestion }: { onSuggestion(prompt: string): void }) {
  return (
    <div className="empty-chat">
      <EmptyState
        icon={<Sparkles aria-hidden />}
        title={strings.transcript.emptyTitle}
        description={strings.transcript.emptyDescription}
        action={
          <div className="suggestions" role="group" aria-label={strings.transcript.suggestions}>
            {strings.transcript.suggestionList.map((suggestion) => (
              <Button
                key={suggestion.label}
                size="sm"
                className="suggestion"
                onClick={() => onSuggestion(suggestion.prompt)}
              >
                {suggestion.label}
              </Button>
            ))}
          </div>
        }
      />
    </div>
  )
}
