import type { Virtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { StreamState } from './chat-stream-store'
import type { Transcript, TranscriptStore } from './transcript-store'

interface TranscriptScrollOptions {
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scrollRef: RefObject<HTMLDivElement | null>
  transcript: Transcript
  transcriptStore: TranscriptStore
  streams: ReadonlyMap<string, StreamState>
  /** The conversation the view should show; the transcript may still hold the previous one for a moment. */
  conversationId: string | null
  focusMessageId: string | null
  onFocusHandled(): void
}

/** How close to the bottom still counts as "following" the answer as it grows. */
const followSlackPx = 120
/** Near the top, the page before loads. */
const loadOlderWithinPx = 200
const highlightMs = 4000

/**
 * Where the transcript is scrolled: at the bottom following a growing answer unless the user
 * scrolled up; in place when older pages are put above; at a search hit, briefly highlighted.
 */
export function useTranscriptScroll(options: TranscriptScrollOptions) {
  const { virtualizer, scrollRef, transcript, transcriptStore, streams, focusMessageId, onFocusHandled } = options
  const { messages } = transcript
  const following = useRef(true)
  // True from the moment we scroll to the end until the view gets there. A long jump in a virtualised list
  // lands in steps (rows are measured on the way), and the scroll events in between are ours, not the
  // user's: they must not count as "scrolled up". A wheel, touch, key or pointer on the list ends it.
  const autoScrolling = useRef(false)
  const [highlighted, setHighlighted] = useState<string | null>(null)
  // Mirrors `following` for the scroll-to-bottom button; set only when it flips, not per scroll event.
  const [scrolledUp, setScrolledUp] = useState(false)

  // Keep the view where it was when older messages are put above it.
  const firstId = messages[0]?.id
  const previous = useRef({ firstId, count: 0, height: 0 })
  useLayoutEffect(() => {
    const element = scrollRef.current
    const before = previous.current
    const total = virtualizer.getTotalSize()
    const prepended =
      before.firstId !== firstId && before.count > 0 && messages.some((message) => message.id === before.firstId)
    if (element && prepended) element.scrollTop += total - before.height
    previous.current = { firstId, count: messages.length, height: total }
  })

  // Follow the newest text while the user is at the bottom. Another conversation, or a new message
  // at the end (the user's own send, a retry), follows again even if the user had scrolled up.
  const lastId = messages.at(-1)?.id
  const seen = useRef({ conversationId: transcript.conversationId, lastId })
  let liveLength = 0
  for (const stream of streams.values())
    if (stream.conversationId === transcript.conversationId) liveLength += stream.text.length
  // Rows grow after they render (an answer's meta and usage lines, a row measured for the first time): the
  // end moves, so a view that follows must move with it.
  const totalSize = virtualizer.getTotalSize()
  useEffect(() => {
    const before = seen.current
    if (before.conversationId !== transcript.conversationId || (lastId && before.lastId !== lastId))
      following.current = true
    seen.current = { conversationId: transcript.conversationId, lastId }
    if (following.current && messages.length && !focusMessageId) {
      autoScrolling.current = true
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' })
    }
  }, [transcript.conversationId, lastId, messages.length, liveLength, totalSize, virtualizer, focusMessageId])

  // Open at a search hit once its conversation has loaded: load back to it, scroll there, highlight it.
  const handledFocus = useRef<string | null>(null)
  const ready =
    transcript.conversationId !== null &&
    transcript.conversationId === options.conversationId &&
    !transcript.loading &&
    messages.length > 0
  useEffect(() => {
    if (!focusMessageId) handledFocus.current = null
    if (!focusMessageId || !ready || handledFocus.current === focusMessageId) return
    handledFocus.current = focusMessageId
    void transcriptStore.loadUntil(focusMessageId).then((found) => {
      const index = transcriptStore.getSnapshot().messages.findIndex((message) => message.id === focusMessageId)
      if (found && index >= 0) {
        following.current = false
        autoScrolling.current = false
        requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }))
        setHighlighted(focusMessageId)
      }
      onFocusHandled()
    })
  }, [focusMessageId, ready, transcriptStore, virtualizer, onFocusHandled])

  useEffect(() => {
    if (!highlighted) return
    const timer = setTimeout(() => setHighlighted(null), highlightMs)
    return () => clearTimeout(timer)
  }, [highlighted])

  const onScroll = () => {
    const element = scrollRef.current
    if (!element) return
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < followSlackPx
    if (atBottom) {
      following.current = true
      autoScrolling.current = false
    } else if (!autoScrolling.current) following.current = false
    if (scrolledUp !== !following.current) setScrolledUp(!following.current)
    if (element.scrollTop < loadOlderWithinPx && transcript.hasMore && !transcript.loading)
      void transcriptStore.loadOlder()
  }

  /** The user reached for the list (wheel, touch, key, pointer): scroll events from now on are theirs. */
  const onUserScroll = () => {
    autoScrolling.current = false
  }

  /** Back to the newest message, following it again (the scroll-to-bottom button). */
  const scrollToBottom = () => {
    following.current = true
    autoScrolling.current = true
    setScrolledUp(false)
    if (messages.length) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' })
  }

  return { highlighted, onScroll, onUserScroll, scrolledUp, scrollToBottom }
}
