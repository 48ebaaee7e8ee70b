import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import { ConversationListStore } from './conversation-list-store'

/** The conversation list, loaded once and kept in step with main's history events. */
export function useConversations(api: Api) {
  const store = useMemo(() => new ConversationListStore(api), [api])
  const list = useSyncExternalStore(store.subscribe, store.getSnapshot)
  useEffect(() => {
    void store.reload()
    return api.onEvent((event) => {
      if (event.type !== 'history') return
      if (event.change === 'conversation') store.upsert(event.conversation)
      else if (event.change === 'deleted') store.remove(event.conversationId)
      else void store.reload()
    })
  }, [api, store])
  return { list, store }
}
