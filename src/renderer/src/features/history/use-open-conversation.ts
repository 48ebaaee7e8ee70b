import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation } from '../../../../shared/history'

/**
 * The open conversation's title and settings: from the sidebar's loaded pages when it is there, else
 * asked of main (a search hit can open a conversation far down a list not yet paged in).
 */
export function useOpenConversation(
  api: Api,
  conversationId: string | null,
  listed: Conversation | null,
): Conversation | null {
  const [fetched, setFetched] = useState<Conversation | null>(null)
  const isListed = listed !== null
  useEffect(() => {
    if (!conversationId || isListed) return
    let current = true
    void api.history.get({ conversationId }).then((result) => {
      if (current && result.ok) setFetched(result.value)
    })
    return () => {
      current = false
    }
  }, [api, conversationId, isListed])
  return listed ?? (fetched?.id === conversationId ? fetched : null)
}
