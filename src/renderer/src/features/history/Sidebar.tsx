import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, SearchHit } from '../../../../shared/history'
import { strings } from '../../i18n'
import type { ConversationList, ConversationListStore } from './conversation-list-store'
import { ConversationRow } from './ConversationRow'
import { SearchResults } from './SearchResults'
import { UndoToast } from './UndoToast'

interface SidebarProps {
  api: Api
  list: ConversationList
  store: ConversationListStore
  currentId: string | null
  onOpen(conversationId: string, messageId?: string): void
  onNewChat(): void
  /** The open conversation was deleted: show an empty chat, leaving the focus to Undo. */
  onCurrentDeleted(): void
  searchRef: React.Ref<HTMLInputElement>
}

const searchDelayMs = 150

export function Sidebar(props: SidebarProps) {
  const { api, list, store, currentId, onOpen, onNewChat, searchRef } = props
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<Conversation | null>(null)
  const forgetDeleted = useCallback(() => setDeleted(null), [])
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
        if (!current) return
        setHits(result.ok ? result.value.hits : [])
        setSearchError(result.ok ? null : result.error.message || strings.errors[result.error.kind])
      })
    }, searchDelayMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, query])

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
    if (conversation.id === currentId) props.onCurrentDeleted()
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
          setSearchError(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setQuery('')
        }}
      />
      {query.trim() ? (
        <SearchResults
          query={query}
          hits={hits}
          error={searchError}
          onOpen={(hit) => onOpen(hit.conversationId, hit.messageId)}
        />
      ) : (
        <div className="conversation-scroll" ref={scrollRef}>
          {list.error ? (
            <p className="error" role="alert">
              {strings.history.listFailed} {list.error}
            </p>
          ) : null}
          {conversations.length === 0 && !list.loading && !list.error ? (
            <p className="hint">{strings.history.empty}</p>
          ) : null}
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
        <UndoToast key={deleted.id} title={deleted.title} onUndo={() => void undo()} onExpire={forgetDeleted} />
      ) : null}
    </aside>
  )
}
