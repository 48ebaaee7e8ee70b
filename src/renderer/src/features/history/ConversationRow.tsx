import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Conversation } from '../../../../shared/history'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { IconButton } from '../../ui/IconButton'
import { FileJson, FileText, MoreHorizontal, Pencil, Pin, PinOff, Trash2 } from '../../ui/icons'
import { Menu, type MenuItem } from '../../ui/Menu'
import { StatusDot } from '../../ui/StatusDot'
import { Tooltip } from '../../ui/Tooltip'
import { cx } from '../../ui/cx'

interface ConversationRowProps {
  conversation: Conversation
  current: boolean
  /** An answer of this conversation is streaming now. */
  streaming: boolean
  onOpen(): void
  onRename(title: string): void
  onTogglePin(): void
  onExport(format: 'markdown' | 'json'): void
  onDelete(): void
}

/**
 * One conversation in the sidebar: its title (the full one in a tooltip when cut), a sign while it
 * answers, and its actions in a menu behind "More actions". The row has one height whatever its
 * state: the More button always takes its place and only fades in (hover, focus, current row).
 */
export function ConversationRow({
  conversation,
  current,
  streaming,
  onOpen,
  onRename,
  onTogglePin,
  onExport,
  onDelete,
}: ConversationRowProps) {
  const [editing, setEditing] = useState(false)
  const [menuOpen, setMenuOpen] = useState(false)
  const [draft, setDraft] = useState(conversation.title)
  const openRef = useRef<HTMLButtonElement>(null)
  const renameRef = useRef<HTMLInputElement>(null)
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
    // Enter's keypress would otherwise land on the title button that takes the focus, opening the conversation.
    event.preventDefault()
    refocus.current = true
    finish(event.key === 'Enter')
  }

  const title = conversation.title || strings.chat.newConversation
  const items: MenuItem[] = [
    {
      label: conversation.pinned ? strings.history.unpin : strings.history.pin,
      icon: conversation.pinned ? <PinOff aria-hidden /> : <Pin aria-hidden />,
      onSelect: onTogglePin,
    },
    {
      label: strings.history.rename,
      icon: <Pencil aria-hidden />,
      onSelect: () => {
        setDraft(conversation.title)
        setEditing(true)
      },
    },
    { label: strings.transfer.exportMarkdown, icon: <FileText aria-hidden />, onSelect: () => onExport('markdown') },
    { label: strings.transfer.exportJson, icon: <FileJson aria-hidden />, onSelect: () => onExport('json') },
  ]

  return (
    <div
      className={cx('conversation', current ? 'current' : null, menuOpen ? 'menu-open' : null)}
      role="listitem"
      aria-label={conversation.title}
    >
      {editing ? (
        <input
          ref={renameRef}
          className="ui-input rename"
          aria-label={strings.history.newTitle}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
          autoFocus
          maxLength={200}
        />
      ) : (
        // Below the title, not beside it: on the right it would cover the row's More button.
        <Tooltip content={title} side="bottom" whenTruncated>
          <Button
            variant="ghost"
            ref={openRef}
            className="open"
            onClick={onOpen}
            aria-current={current ? 'page' : undefined}
            icon={conversation.pinned ? <Pin className="pin" aria-hidden /> : undefined}
          >
            <span className="title" data-truncates>
              {title}
            </span>
          </Button>
        </Tooltip>
      )}
      {/* Beside the title, not in it: a button's content is not read as its own elements. */}
      {streaming ? <StatusDot label={strings.history.answering} /> : null}
      <Menu
        label={strings.history.more}
        items={[
          ...items,
          'separator',
          { label: strings.history.delete, icon: <Trash2 aria-hidden />, danger: true, onSelect: onDelete },
        ]}
        onOpenChange={setMenuOpen}
        onCloseAutoFocus={(event) => {
          // Rename was chosen: the focus belongs in its field, not back on the More button.
          if (!renameRef.current) return
          event.preventDefault()
          renameRef.current.focus()
        }}
        trigger={
          <IconButton className="more" label={strings.history.more} icon={<MoreHorizontal aria-hidden />} size="sm" />
        }
      />
    </div>
  )
}
