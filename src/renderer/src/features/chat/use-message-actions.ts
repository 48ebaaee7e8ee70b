import { useCallback, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { TranscriptStore } from './transcript-store'

/**
 * Regenerate, edit and resend, delete: each asks main, then re-reads the newest messages. Edit and
 * resend replaces (main deletes the question and what follows, then sends the new text).
 */
export function useMessageActions(api: Api, transcriptStore: TranscriptStore, model: string) {
  const [failure, setFailure] = useState<{ conversationId: string | null; error: AppError } | null>(null)
  const conversationId = transcriptStore.getSnapshot().conversationId
  const actionError = failure && failure.conversationId === conversationId ? failure.error : null

  const settle = useCallback(
    async (result: { ok: true } | { ok: false; error: AppError }) => {
      setFailure(
        result.ok ? null : { conversationId: transcriptStore.getSnapshot().conversationId, error: result.error },
      )
      await transcriptStore.refreshNewest()
      return result.ok
    },
    [transcriptStore],
  )

  const regenerate = useCallback(
    async (messageId: string) => settle(await api.chat.retry({ messageId })),
    [api, settle],
  )
  const editAndResend = useCallback(
    async (messageId: string, content: string) => settle(await api.chat.edit({ messageId, content, model })),
    [api, model, settle],
  )
  const deleteMessage = useCallback(
    async (messageId: string) => {
      const result = await api.history.deleteMessage({ messageId })
      if (result.ok) transcriptStore.remove(messageId)
      return settle(result)
    },
    [api, settle, transcriptStore],
  )
  return { actionError, regenerate, editAndResend, deleteMessage }
}

export type MessageActionHandlers = Pick<
  ReturnType<typeof useMessageActions>,
  'regenerate' | 'editAndResend' | 'deleteMessage'
>
