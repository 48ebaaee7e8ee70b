import { useCallback, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'
import { showToast } from '../../ui/toast-store'
import type { TranscriptStore } from './transcript-store'

/**
 * Regenerate, edit and resend, delete, switching versions: each asks main, then re-reads the newest
 * messages of the shown branch. Regenerate and Edit add a version beside the old one; nothing is lost.
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
  /** Deletes the message and everything below it; a toast offers Undo (main keeps the branch until the purge). */
  const deleteMessage = useCallback(
    async (messageId: string) => {
      const result = await api.history.deleteMessage({ messageId })
      if (result.ok) transcriptStore.remove(messageId)
      const deleted = await settle(result)
      if (deleted && result.ok && result.value.deleted)
        showToast({
          key: 'message-deleted',
          title: strings.versions.deleted,
          action: {
            label: strings.versions.undo,
            onClick: () => void api.history.restoreMessage({ messageId }).then(settle),
          },
        })
      return deleted
    },
    [api, settle, transcriptStore],
  )
  /** Shows another version (or the branch through any message): main moves the shown leaf, the page is re-read. */
  const showVersion = useCallback(
    async (messageId: string) => settle(await api.history.showMessage({ messageId })),
    [api, settle],
  )
  return { actionError, regenerate, editAndResend, deleteMessage, showVersion }
}

export type MessageActionHandlers = Pick<
  ReturnType<typeof useMessageActions>,
  'regenerate' | 'editAndResend' | 'deleteMessage' | 'showVersion'
>
