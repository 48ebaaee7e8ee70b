import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, SearchHit } from '../../../../shared/history'
import { strings } from '../../i18n'
import type { ConversationList, ConversationListStore } from './conversation-list-store'
import { ConversationRow } from './ConversationRow'
import { SearchResults } from './SearchResults'

interface SidebarProps {
  api: Api
  list: ConversationList
  store: ConversationListStore
  currentId: string | null
  onOpen(conversationId: string, messageId?: string): void
  onNewChat(): void
  searchRef: React.Ref<HTMLInputElement>
}

const searchDelayMs = 150

export function Sidebar({ api, list, store, currentId, onOpen, onNewChat, searchRef }: SidebarProps) {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [deleted, setDeleted] = useState<Conversation | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const { conversations } = list
  // TanStack Virtual hands back fresh functions each render; the React Compiler skips this component, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 8,
    getItemKey: (index) => conversations[index]!.id,
  })

  // Debounced search; a newer query wins over an older answer still on its way.
  useEffect(() => {
    if (!query.trim()) return
    let current = true
    const timer = setTimeout(() => {
      void api.history.search({ query: query.slice(0, 500), limit: 50 }).then((result) => {
        if (current) setHits(result.ok ? result.value.hits : [])
      })
    }, searchDelayMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, query])

  // Undo stays offered for a few seconds, then the deletion is final for this session.
  useEffect(() => {
    if (!deleted) return
    const timer = setTimeout(() => setDeleted(null), 6000)
    return () => clearTimeout(timer)
  }, [deleted])

  // More pages as the user nears the end of the list.
  const items = virtualizer.getVirtualItems()
  const lastVisible = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (list.nextCursor && lastVisible >= conversations.length - 10) void store.loadMore()
  }, [lastVisible, conversations.length, list.nextCursor, store])

  const remove = async (conversation: Conversation) => {
    const result = await api.history.delete({ conversationId: conversation.id })
    if (!result.ok) return
    store.remove(conversation.id)
    setDeleted(conversation)
    if (conversation.id === currentId) onNewChat()
  }
  const undo = async () => {
    if (!deleted) return
    const result = await api.history.restore({ conversationId: deleted.id })
    if (result.ok) store.upsert(result.value)
    setDeleted(null)
  }

  return (
    <aside className="sidebar" aria-label={strings.history.sidebar}>
      <button type="button" className="new-chat" onClick={onNewChat} title={strings.history.newChatShortcut}>
        {strings.chat.newChat}
      </button>
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label={strings.history.search}
        placeholder={strings.history.searchPlaceholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setHits(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setQuery('')
        }}
      />
      {query.trim() ? (
        <SearchResults query={query} hits={hits} onOpen={(hit) => onOpen(hit.conversationId, hit.messageId)} />
      ) : (
        <div className="conversation-scroll" ref={scrollRef}>
          {conversations.length === 0 && !list.loading ? <p className="hint">{strings.history.empty}</p> : null}
          <div
            role="list"
            aria-label={strings.history.conversations}
            style={{ height: virtualizer.getTotalSize() }}
            className="rows"
          >
            {items.map((item) => {
              const conversation = conversations[item.index]!
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <ConversationRow
                    conversation={conversation}
                    current={conversation.id === currentId}
                    onOpen={() => onOpen(conversation.id)}
                    onRename={(title) =>
                      void api.history.rename({ conversationId: conversation.id, title }).then((result) => {
                        if (result.ok) store.upsert(result.value)
                      })
                    }
                    onTogglePin={() =>
                      void api.history
                        .pin({ conversationId: conversation.id, pinned: !conversation.pinned })
                        .then((result) => {
                          if (result.ok) store.upsert(result.value)
                        })
                    }
                    onDelete={() => void remove(conversation)}
                  />
                </div>
              )
            })}
          </div>
        </div>
      )}
      {deleted ? (
        <div className="toast" role="status">
          {strings.history.deleted(deleted.title)}{' '}
          <button type="button" onClick={() => void undo()}>
            {strings.history.undo}
          </button>
        </div>
      ) : null}
    </aside>
  )
}
