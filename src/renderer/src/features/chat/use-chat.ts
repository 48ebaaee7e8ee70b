import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { ActiveStream, ChatCompareResponse } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'
import { connection } from '../../api/connection-store'
import { loopsIn, ToolApprovalsStore } from '../tools/tool-approvals-store'
import { ChatStreamStore } from './chat-stream-store'
import { TranscriptStore } from './transcript-store'
import type { ConversationOverrides } from '../../../../shared/history'

/**
 * The chat's state across conversations: live streams (from events, re-attached after a reload)
 * and the open conversation's stored messages. Main stores every message; this only shows them.
 */
export function useChat(api: Api, conversationId: string | null, onConversationCreated: (id: string) => void) {
  const streamStore = useMemo(() => new ChatStreamStore(), [])
  const transcriptStore = useMemo(() => new TranscriptStore(api), [api])
  const streams = useSyncExternalStore(streamStore.subscribe, streamStore.getSnapshot)
  const transcript = useSyncExternalStore(transcriptStore.subscribe, transcriptStore.getSnapshot)
  // Tool calls, approvals and loops, live (features/tools): a loop answers even while no stream is live.
  const toolStore = useMemo(() => new ToolApprovalsStore(api), [api])
  const toolLive = useSyncExternalStore(toolStore.subscribe, toolStore.getSnapshot)
  useEffect(
    () =>
      toolStore.start((changedIn) => {
        if (changedIn !== null && changedIn === transcriptStore.getSnapshot().conversationId)
          void transcriptStore.refreshNewest()
      }),
    [toolStore, transcriptStore],
  )
  // An error belongs to the conversation it happened in; opening another one hides it.
  const [failure, setFailure] = useState<{ conversationId: string | null; error: AppError } | null>(null)
  const sendError = failure?.conversationId === conversationId ? failure.error : null
  const setSendError = useCallback(
    (error: AppError | null) => setFailure(error ? { conversationId, error } : null),
    [conversationId],
  )

  // The Compare shown in each conversation until one answer is chosen: the runs this view started,
  // and those main reports still streaming (so a reload, or coming back to the conversation, shows them).
  const [compareRuns, setCompareRuns] = useState<ReadonlyMap<string, ChatCompareResponse>>(new Map())
  const keepCompareRuns = useCallback((actives: readonly ActiveStream[]) => {
    const runs = actives.flatMap((active) => (active.compare ? [active.compare] : []))
    if (runs.length > 0)
      setCompareRuns((current) => {
        const next = new Map(current)
        for (const run of runs) next.set(run.conversationId, run)
        return next
      })
  }, [])
  const closeCompare = useCallback((conversationId: string) => {
    setCompareRuns((current) => {
      const next = new Map(current)
      next.delete(conversationId)
      return next
    })
  }, [])

  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if ('streamId' in event) {
        streamStore.apply(event)
        const stream = streamStore.getSnapshot().get(event.streamId)
        const open = transcriptStore.getSnapshot().conversationId
        // A new answer, or one that ended: the stored messages changed (ended ones re-read even when
        // this view never saw their start, as after a reload).
        if (event.type === 'start' ? stream?.conversationId === open : event.type === 'done' || event.type === 'error')
          void transcriptStore.refreshNewest()
      }
    })
    // Streams already running when this view opened (a reload, a second window), with their Compares.
    void api.chat.active().then((result) => {
      streamStore.attachAll(result.ok ? result.value : [])
      if (result.ok) keepCompareRuns(result.value)
    })
    return unsubscribe
  }, [api, keepCompareRuns, streamStore, transcriptStore])

  // Browser mode's server gone: the answers streaming here end as interrupted (Stop would reach no one);
  // back again: what still streams there goes on, and the stored messages say how the rest ended.
  const link = useSyncExternalStore(connection.subscribe, connection.getSnapshot)
  useEffect(() => {
    if (link.status !== 'open') streamStore.interruptAll()
  }, [link.status, streamStore])
  useEffect(() => {
    if (link.reconnects === 0) return
    // Loops and approvals too: one that ended during the blip would otherwise keep its conversation answering.
    void toolStore.reread()
    void api.chat.active().then((result) => {
      if (result.ok) {
        streamStore.reattach(result.value)
        keepCompareRuns(result.value)
      }
      void transcriptStore.refreshNewest()
    })
  }, [api, keepCompareRuns, link.reconnects, streamStore, toolStore, transcriptStore])

  useEffect(() => {
    if (transcriptStore.getSnapshot().conversationId !== conversationId) void transcriptStore.open(conversationId)
  }, [conversationId, transcriptStore])

  const liveStreams = [...streams.values()].filter(
    (stream) => stream.status === 'streaming' && stream.conversationId === conversationId && conversationId !== null,
  )
  // A tool loop waiting for an approval or running a call has no live stream, yet it is answering.
  const liveLoops = loopsIn(toolLive, conversationId)
  const [sending, setSending] = useState(false)
  const isStreaming = sending || liveStreams.length > 0 || liveLoops.length > 0
  // Stop pressed while a question is still on its way: main starts its answer before this view
  // knows the stream, so the stop waits here for the stream ids the reply brings.
  const stopWhenStarted = useRef(false)
  // The streams the last reply started, for a Stop pressed while the view still opens their conversation.
  const startedStreamIds = useRef<(string | null)[]>([])
  const stopIfAsked = useCallback(
    (streamIds: (string | null)[]) => {
      startedStreamIds.current = streamIds
      if (!stopWhenStarted.current) return
      stopWhenStarted.current = false
      for (const streamId of streamIds) if (streamId) void api.chat.stop({ streamId })
    },
    [api],
  )

  /** Resolves true once main has stored the message (the composer then clears its text). */
  const send = useCallback(
    async (
      content: string,
      model: string,
      overrides?: ConversationOverrides,
      attachments: { id: string; name: string }[] = [],
    ): Promise<boolean> => {
      setSending(true)
      stopWhenStarted.current = false
      startedStreamIds.current = []
      setSendError(null)
      const result = await api.chat.send({
        conversationId,
        content,
        model,
        ...(overrides && conversationId === null ? { overrides } : {}),
        ...(attachments.length ? { attachments } : {}),
      })
      if (!result.ok) {
        setSending(false)
        setSendError(result.error)
        return false
      }
      stopIfAsked([result.value.streamId])
      // Still "sending" until the view shows the new conversation, so Stop does not blink to Send.
      if (result.value.conversationId !== conversationId) {
        await transcriptStore.open(result.value.conversationId)
        onConversationCreated(result.value.conversationId)
      } else await transcriptStore.refreshNewest()
      setSending(false)
      return true
    },
    [api, conversationId, onConversationCreated, setSendError, stopIfAsked, transcriptStore],
  )

  /** Compare: one question to several models; resolves the run (its answers' streams), or null when refused. */
  const compare = useCallback(
    async (
      content: string,
      models: string[],
      overrides?: ConversationOverrides,
      attachments: { id: string; name: string }[] = [],
    ): Promise<ChatCompareResponse | null> => {
      setSending(true)
      stopWhenStarted.current = false
      startedStreamIds.current = []
      setSendError(null)
      const result = await api.chat.compare({
        conversationId,
        content,
        models,
        ...(overrides && conversationId === null ? { overrides } : {}),
        ...(attachments.length ? { attachments } : {}),
      })
      if (!result.ok) {
        setSending(false)
        setSendError(result.error)
        return null
      }
      const run = result.value
      stopIfAsked(run.answers.map((answer) => answer.streamId))
      setCompareRuns((current) => new Map(current).set(run.conversationId, run))
      if (run.conversationId !== conversationId) {
        await transcriptStore.open(run.conversationId)
        onConversationCreated(run.conversationId)
      } else await transcriptStore.refreshNewest()
      setSending(false)
      return run
    },
    [api, conversationId, onConversationCreated, setSendError, stopIfAsked, transcriptStore],
  )

  const retry = useCallback(
    async (messageId: string) => {
      const result = await api.chat.retry({ messageId })
      if (!result.ok) setSendError(result.error)
      await transcriptStore.refreshNewest()
    },
    [api, setSendError, transcriptStore],
  )

  const continueAnswer = useCallback(
    async (messageId: string) => {
      const result = await api.chat.continue({ messageId })
      if (!result.ok) setSendError(result.error)
      await transcriptStore.refreshNewest()
    },
    [api, setSendError, transcriptStore],
  )

  const stop = useCallback(() => {
    if (sending) {
      stopWhenStarted.current = true
      for (const streamId of startedStreamIds.current) if (streamId) void api.chat.stop({ streamId })
    }
    for (const stream of liveStreams) void api.chat.stop({ streamId: stream.streamId })
    // Denies a waiting approval or cancels the running call (MCP cancellation), and ends the loop.
    for (const loopStreamId of liveLoops) void api.chat.stop({ streamId: loopStreamId })
  }, [api, liveLoops, liveStreams, sending])

  return {
    streams,
    streamStore,
    toolStore,
    transcript,
    transcriptStore,
    isStreaming,
    sendError,
    send,
    compare,
    compareRun: conversationId === null ? null : (compareRuns.get(conversationId) ?? null),
    closeCompare,
    retry,
    continueAnswer,
    stop,
  }
}
