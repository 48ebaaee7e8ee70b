import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, SearchHit } from '../../../../shared/history'
import { strings } from '../../i18n'
import { formatMonthYear } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { MessageSquare, MessageSquarePlus, Search } from '../../ui/icons'
import { Tooltip } from '../../ui/Tooltip'
import { cx } from '../../ui/cx'
import { isMac, shortcuts } from '../shortcuts/shortcuts'
import type { ConversationList, ConversationListStore } from './conversation-list-store'
import { ConversationRow } from './ConversationRow'
import { toListRows, type ListRow } from './date-groups'
import { SearchResults } from './SearchResults'
import { SidebarNav, type Page } from './SidebarNav'
import { sidebarId, SidebarToggle } from './SidebarToggle'
import { UndoToast } from './UndoToast'
import './sidebar.css'

interface SidebarProps {
  api: Api
  list: ConversationList
  store: ConversationListStore
  currentId: string | null
  /** Conversations with an answer streaming now. */
  streaming: ReadonlySet<string>
  page: Page
  /** Folded away (wide windows) or closed (the narrow overlay): kept mounted, so the search stays. */
  hidden: boolean
  /** Shown over the chat (narrow windows). */
  overlay: boolean
  onOpen(conversationId: string, messageId?: string): void
  onNewChat(): void
  onNavigate(page: Page): void
  onShowShortcuts(): void
  onExport(conversationId: string, format: 'markdown' | 'json'): void
  /** The open conversation was deleted: show an empty chat, leaving the focus to Undo. */
  onCurrentDeleted(): void
  searchRef: React.Ref<HTMLInputElement>
}

const searchDelayMs = 150
const keysOf = (id: 'newChat' | 'search') => shortcuts.find((shortcut) => shortcut.id === id)!.keys(isMac())

function headingLabel(row: Extract<ListRow, { kind: 'heading' }>): string {
  return row.group.startsWith('month-')
    ? formatMonthYear(row.at)
    : strings.history.groups[row.group as keyof typeof strings.history.groups]
}

/** The app's side: brand, New chat, search, the conversations by date, and the views at its foot. */
export function Sidebar(props: SidebarProps) {
  const { api, list, store, currentId, streaming, onOpen, onNewChat, searchRef } = props
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<Conversation | null>(null)
  const forgetDeleted = useCallback(() => setDeleted(null), [])
  const scrollRef = useRef<HTMLDivElement>(null)
  const { conversations } = list
  // Date groups are counted from today; the list re-renders often enough (every change) to follow midnight.
  const rows = useMemo(() => toListRows(conversations, Date.now()), [conversations])
  // TanStack Virtual hands back fresh functions each render; the React Compiler skips this component, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]!.kind === 'heading' ? 32 : 36),
    overscan: 8,
    getItemKey: (index) => {
      const row = rows[index]!
      return row.kind === 'heading' ? `heading-${row.group}` : row.conversation.id
    },
  })

  // The open conversation stays in sight when it changes from elsewhere (Alt+↓, a search hit, a new chat).
  const currentIndex = rows.findIndex((row) => row.kind === 'conversation' && row.conversation.id === currentId)
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' })
    // Only when the open conversation changes: a row moving in the list (a new answer) must not scroll it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId])

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
    if (list.nextCursor && lastVisible >= rows.length - 10) void store.loadMore()
  }, [lastVisible, rows.length, list.nextCursor, store])

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
    <aside
      id={sidebarId}
      className={cx('sidebar', props.overlay ? 'sidebar--overlay' : null)}
      aria-label={strings.history.sidebar}
      hidden={props.hidden}
      // The narrow overlay moves the focus here when it opens, so a keyboard user starts inside it.
      tabIndex={props.overlay ? -1 : undefined}
    >
      <div className="sidebar-head">
        <span className="brand">{strings.appName}</span>
        <SidebarToggle />
      </div>
      <Tooltip content={`${strings.chat.newChat} (${keysOf('newChat')})`} side="right">
        <Button className="new-chat" icon={<MessageSquarePlus aria-hidden />} onClick={onNewChat}>
          {strings.chat.newChat}
        </Button>
      </Tooltip>
      <div className="sidebar-search">
        <Search className="sidebar-search__icon" aria-hidden />
        <input
          ref={searchRef}
          type="search"
          className="ui-input sidebar-search__input"
          aria-label={strings.history.search}
          aria-keyshortcuts="Control+K Meta+K"
          placeholder={strings.history.searchPlaceholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setHits(null)
            setSearchError(null)
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || !query) return
            // Clearing the search is this Escape's whole job: the overlay stays open.
            event.preventDefault()
            setQuery('')
          }}
        />
        {query ? null : (
          <kbd className="sidebar-search__keys" aria-hidden="true">
            {keysOf('search')}
          </kbd>
        )}
      </div>
      {query.trim() ? (
        <div className="sidebar-scroll">
          <SearchResults
            query={query}
            hits={hits}
            error={searchError}
            onOpen={(hit) => onOpen(hit.conversationId, hit.messageId)}
          />
        </div>
      ) : (
        <div className="sidebar-scroll conversation-scroll" ref={scrollRef}>
          {list.error ? (
            <p className="error" role="alert">
              {strings.history.listFailed} {list.error}
            </p>
          ) : null}
          {conversations.length === 0 && !list.loading && !list.error ? (
            <div className="sidebar-empty">
              <EmptyState
                icon={<MessageSquare aria-hidden />}
                title={strings.history.empty}
                description={strings.history.emptyHint}
              />
            </div>
          ) : null}
          <div
            role="list"
            aria-label={strings.history.conversations}
            style={{ height: virtualizer.getTotalSize() }}
            className="rows"
          >
            {items.map((item) => {
              const row = rows[item.index]!
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'heading' ? (
                    // Not a focus stop, and not a list item: a visual section title (a list may only hold items).
                    <div className="group-heading" aria-hidden="true">
                      {headingLabel(row)}
                    </div>
                  ) : (
                    <ConversationRow
                      conversation={row.conversation}
                      current={row.conversation.id === currentId}
                      streaming={streaming.has(row.conversation.id)}
                      onOpen={() => onOpen(row.conversation.id)}
                      onRename={(title) =>
                        void api.history.rename({ conversationId: row.conversation.id, title }).then((result) => {
                          if (result.ok) store.upsert(result.value)
                        })
                      }
                      onTogglePin={() =>
                        void api.history
                          .pin({ conversationId: row.conversation.id, pinned: !row.conversation.pinned })
                          .then((result) => {
                            if (result.ok) store.upsert(result.value)
                          })
                      }
                      onExport={(format) => props.onExport(row.conversation.id, format)}
                      onDelete={() => void remove(row.conversation)}
                    />
                  )}
                </div>
              )
            })}
          </div>
        </div>
      )}
      {deleted ? (
        <UndoToast key={deleted.id} title={deleted.title} onUndo={() => void undo()} onExpire={forgetDeleted} />
      ) : null}
      <SidebarNav page={props.page} onNavigate={props.onNavigate} onShowShortcuts={props.onShowShortcuts} />
    </aside>
  )
}
