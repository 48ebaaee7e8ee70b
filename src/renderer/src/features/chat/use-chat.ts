import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { ChatMessage } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'
import { ChatStreamStore, type StreamState } from './chat-stream-store'

export type UiMessage =
  | { id: string; role: 'user'; text: string }
  /** `streamId` is null until `chat.send` answers; `sendError` is set when it refused to start. */
  | { id: string; role: 'assistant'; streamId: string | null; sendError: AppError | null }

let nextId = 0
const newId = () => `m${++nextId}`

/** The chat view's state: the transcript, the live streams, and the actions on them. */
export function useChat(api: Api) {
  const store = useMemo(() => new ChatStreamStore(), [])
  useEffect(() => api.onChatEvent((event) => store.apply(event)), [api, store])
  const streams = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [messages, setMessages] = useState<UiMessage[]>([])

  const last = messages.at(-1)
  const activeStreamId = last?.role === 'assistant' ? last.streamId : null
  const activeStream = activeStreamId ? streams.get(activeStreamId) : undefined
  const waitingForSend = last?.role === 'assistant' && last.streamId === null && last.sendError === null
  const isStreaming = waitingForSend || activeStream?.status === 'streaming'

  const start = useCallback(
    async (history: UiMessage[], model: string) => {
      const placeholder: UiMessage = { id: newId(), role: 'assistant', streamId: null, sendError: null }
      setMessages([...history, placeholder])
      const result = await api.chat.send({ messages: toChatMessages(history, streams), model })
      setMessages((current) =>
        current.map((message) =>
          message.id !== placeholder.id
            ? message
            : result.ok
              ? { ...placeholder, streamId: result.value.streamId }
              : { ...placeholder, sendError: result.error },
        ),
      )
    },
    [api, streams],
  )

  const send = useCallback(
    (text: string, model: string) => start([...messages, { id: newId(), role: 'user', text }], model),
    [messages, start],
  )

  /** Sends the conversation again without the failed answer. */
  const retry = useCallback((model: string) => start(messages.slice(0, -1), model), [messages, start])

  const stop = useCallback(() => {
    if (activeStreamId) void api.chat.stop({ streamId: activeStreamId })
  }, [api, activeStreamId])

  const clear = useCallback(() => setMessages([]), [])

  return { messages, streams, isStreaming, send, retry, stop, clear }
}

/** The conversation as the model sees it: user messages and whatever text each answer has. */
function toChatMessages(messages: UiMessage[], streams: ReadonlyMap<string, StreamState>): ChatMessage[] {
  const chat: ChatMessage[] = []
  for (const message of messages) {
    if (message.role === 'user') chat.push({ role: 'user', content: message.text })
    else {
      const text = message.streamId ? (streams.get(message.streamId)?.text ?? '') : ''
      if (text) chat.push({ role: 'assistant', content: text })
    }
  }
  return chat
}
