import { useEffect, useState } from 'react'
import type { Api } from '../../../../../shared/api'
import type { ChatCompareResponse } from '../../../../../shared/chat'
import type { PagedMessage } from '../../../../../shared/history'
import type { StreamState } from '../chat-stream-store'

/**
 * The saved messages of a Compare's answers once they ended: their cost (main prices an answer as it
 * saves its end, so no stream event carries it), and their text for those this view holds no stream
 * for (ended before a reload, or before the view came back). Each is read once it ended; one read
 * while it still streamed (main's run named it before its events came) is read again after.
 */
export function useStoredAnswers(
  api: Api,
  run: ChatCompareResponse,
  streams: ReadonlyMap<string, StreamState>,
): ReadonlyMap<string, PagedMessage> {
  const [stored, setStored] = useState<ReadonlyMap<string, PagedMessage>>(new Map())
  const toRead = run.answers
    .filter((answer) => {
      const stream = answer.streamId ? streams.get(answer.streamId) : undefined
      if (stream?.status === 'streaming') return false
      const saved = stored.get(answer.assistantMessageId)
      return !saved || (saved.status === 'streaming' && stream !== undefined)
    })
    .map((answer) => answer.assistantMessageId)
  // A string, so the effect runs again only when the set of answers to read changes.
  const toReadKey = toRead.join(' ')
  useEffect(() => {
    if (!toReadKey) return
    let current = true
    for (const messageId of toReadKey.split(' '))
      void api.history.message({ messageId }).then((result) => {
        if (current && result.ok) setStored((known) => new Map(known).set(messageId, result.value))
      })
    return () => {
      current = false
    }
  }, [api, toReadKey])
  return stored
}
