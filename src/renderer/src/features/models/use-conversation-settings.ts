import { useCallback, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Conversation, ConversationOverrides } from '../../../../shared/history'

const noOverrides: ConversationOverrides = {}

function sameOverrides(a: ConversationOverrides, b: ConversationOverrides): boolean {
  return (
    a.model === b.model &&
    a.temperature === b.temperature &&
    a.maxTokens === b.maxTokens &&
    a.systemPrompt === b.systemPrompt
  )
}

/**
 * The one source of truth for the open conversation's model and parameters. A conversation's are
 * stored with it (`history:setOverrides`); a new chat's wait in a draft that starts from the
 * default model and is stored by its first message. Nothing here changes Settings, so a choice in
 * one conversation never reaches another or the next new chat.
 *
 * A choice shows at once: it is kept locally until the stored conversation (from the list's history
 * event) says the same, and dropped again if main refuses it.
 */
export function useConversationSettings(
  api: Api,
  conversationId: string | null,
  conversation: Conversation | null,
  defaultModel: string,
) {
  const [draft, setDraft] = useState<ConversationOverrides>({})
  const [draftFor, setDraftFor] = useState(conversationId)
  const [local, setLocal] = useState<{ conversationId: string; overrides: ConversationOverrides } | null>(null)
  // A new chat's draft is forgotten when another conversation opens ("adjust state when a prop changes").
  if (draftFor !== conversationId) {
    setDraftFor(conversationId)
    setDraft({})
  }
  const stored = conversation && conversation.id === conversationId ? conversation.overrides : null
  const pending = local && local.conversationId === conversationId ? local.overrides : null
  if (pending && stored && sameOverrides(pending, stored)) setLocal(null)
  const overrides = conversationId === null ? draft : (pending ?? stored ?? noOverrides)
  const model = overrides.model?.trim() || defaultModel

  // A send waits for the last save, so the answer uses what the picker shows.
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  /** Stores the conversation's overrides (or keeps a new chat's); resolves with main's refusal, if any. */
  const save = useCallback(
    async (next: ConversationOverrides): Promise<AppError | null> => {
      if (conversationId === null) {
        setDraft(next)
        return null
      }
      setLocal({ conversationId, overrides: next })
      const request = api.history.setOverrides({ conversationId, overrides: next })
      saving.current = request
      const result = await request
      if (result.ok) return null
      setLocal((current) => (current?.overrides === next ? null : current))
      return result.error
    },
    [api, conversationId],
  )
  const setModel = useCallback((next: string) => save({ ...overrides, model: next }), [overrides, save])

  /** What a new chat's first message creates the conversation with: its draft and the model shown. */
  const newChatOverrides = useCallback((): ConversationOverrides => ({ ...draft, model }), [draft, model])
  /** The conversation a new chat's first message created holds what was sent, before its event arrives. */
  const adopt = useCallback(
    (createdId: string, sent: ConversationOverrides) => setLocal({ conversationId: createdId, overrides: sent }),
    [],
  )
  const settled = useCallback(() => saving.current.then(() => undefined), [])
  return { overrides, model, save, setModel, newChatOverrides, adopt, settled }
}
