import { useEffect, useState } from 'react'
import type { Api } from '../../../../../shared/api'
import type { ChatCompareResponse } from '../../../../../shared/chat'
import type { PagedMessage } from '../../../../../shared/history'
import type { StreamState } from '../chat-stream-store'

/**
 * The stored messages of a Compare's answers that this view holds no stream for: those that ended
 * before a reload (or before the view came back to the conversation) show what was saved. Each is
 * read once; an answer whose stream the view holds is shown from the stream.
 */
export function useStoredAnswers(
  api: Api,
  run: ChatCompareResponse,
  streams: ReadonlyMap<string, StreamState>,
): ReadonlyMap<string, PagedMessage> {
  const [stored, setStored] = useState<ReadonlyMap<string, PagedMessage>>(new Map())
  const missing = run.answers
    .filter((answer) => !(answer.streamId && streams.has(answer.streamId)) && !stored.has(answer.assistantMessageId))
    .map((answer) => answer.assistantMessageId)
  // A string, so the effect runs again only when the set of answers to read changes.
  const missingKey = missing.join(' ')
  useEffect(() => {
    if (!missingKey) return
    let current = true
    for (const messageId of missingKey.split(' '))
      void api.history.message({ messageId }).then((result) => {
        if (current && result.ok) setStored((known) => new Map(known).set(messageId, result.value))
      })
    return () => {
      current = false
    }
  }, [api, missingKey])
  return stored
}
