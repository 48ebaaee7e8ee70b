import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Conversation } from '../../../../shared/history'
import { strings } from '../../i18n'

interface ConversationRowProps {
  conversation: Conversation
  current: boolean
  onOpen(): void
  onRename(title: string): void
  onTogglePin(): void
  onDelete(): void
}

/** One conversation in the sidebar, with its actions; Rename edits the title in place. */
export function ConversationRow({
  conversation,
  current,
  onOpen,
  onRename,
  onTogglePin,
  onDelete,
}: ConversationRowProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(conversation.title)
  const openRef = useRef<HTMLButtonElement>(null)
  // Enter or Escape leave the title box: the focus goes back to the title, not to the top of the page.
  const refocus = useRef(false)
  useEffect(() => {
    if (editing || !refocus.current) return
    refocus.current = false
    openRef.current?.focus()
  }, [editing])

  const finish = (save: boolean) => {
    if (!editing) return
    setEditing(false)
    if (save && draft.trim() && draft.trim() !== conversation.title) onRename(draft.trim())
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return
    // Escape here cancels the rename only; it should not also clear the search or close anything else.
    event.stopPropagation()
    refocus.current = true
    finish(event.key === 'Enter')
  }

  return (
    <div className={`conversation${current ? ' current' : ''}`} role="listitem" aria-label={conversation.title}>
      {editing ? (
        <input
          className="rename"
          aria-label={strings.history.newTitle}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
          autoFocus
          maxLength={200}
        />
      ) : (
        <button
          type="button"
          ref={openRef}
          className="open"
          onClick={onOpen}
          aria-current={current ? 'page' : undefined}
        >
          {conversation.pinned ? <span aria-hidden="true">📌 </span> : null}
          {conversation.title || strings.chat.newConversation}
        </button>
      )}
      <div className="row-actions">
        <button type="button" onClick={onTogglePin} aria-pressed={conversation.pinned}>
          {conversation.pinned ? strings.history.unpin : strings.history.pin}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(conversation.title)
            setEditing(true)
          }}
        >
          {strings.history.rename}
        </button>
        <button type="button" onClick={onDelete}>
          {strings.history.delete}
        </button>
      </div>
    </div>
  )
}
