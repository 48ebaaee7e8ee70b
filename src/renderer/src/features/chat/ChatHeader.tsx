import { memo, type ReactNode } from 'react'
import { strings } from '../../i18n'
import { IconButton } from '../../ui/IconButton'
import { FileJson, FileText, MoreHorizontal, SlidersHorizontal } from '../../ui/icons'
import { Menu, type MenuItem } from '../../ui/Menu'
import { Tooltip } from '../../ui/Tooltip'
import './chat-header.css'

export interface HeaderAction {
  id: string
  label: string
  icon: ReactNode
  onSelect(): void
}

/**
 * The chat's one header row: the title (it gets the room left, truncated with a tooltip of the
 * whole), the conversation's total under it, the model picker, and the secondary actions. The
 * actions are icon buttons while the header is wide and one "More" menu once it is narrow: a CSS
 * container query on the header's own width decides (no JavaScript measuring), so nothing is
 * pushed off-screen whatever the sidebar does. Only one of the two is ever displayed, so each
 * action has one accessible name on the page.
 */
export const ChatHeader = memo(function ChatHeader({
  title,
  subtitle,
  leading,
  picker,
  actions,
}: {
  /** The conversation's title, or null for a new chat. */
  title: string | null
  /** A quiet line under the title (the conversation's total). */
  subtitle?: ReactNode
  /** Room at the left edge (the sidebar's toggle while it is collapsed). */
  leading?: ReactNode
  picker: ReactNode
  actions: readonly HeaderAction[]
}) {
  const shown = title ?? strings.chat.newConversation
  const menuItems: MenuItem[] = actions.map((action) => ({
    label: action.label,
    icon: action.icon,
    onSelect: action.onSelect,
  }))
  return (
    <header className="chat-header">
      <div className="chat-header__row">
        {leading ? <div className="chat-header__leading">{leading}</div> : null}
        <div className="chat-header__heading">
          <Tooltip content={title ?? null} side="bottom">
            <h1 className="chat-header__title">{shown}</h1>
          </Tooltip>
          {subtitle ? <div className="chat-header__subtitle">{subtitle}</div> : null}
        </div>
        <div className="chat-header__picker">{picker}</div>
        {actions.length > 0 ? (
          <>
            <div className="chat-header__actions" role="group" aria-label={strings.header.actions}>
              {actions.map((action) => (
                <IconButton
                  key={action.id}
                  label={action.label}
                  icon={action.icon}
                  tooltipSide="bottom"
                  onClick={action.onSelect}
                />
              ))}
            </div>
            <div className="chat-header__more">
              <Menu
                label={strings.header.actions}
                items={menuItems}
                trigger={
                  <IconButton
                    label={strings.header.more}
                    icon={<MoreHorizontal size={18} aria-hidden />}
                    tooltipSide="bottom"
                  />
                }
              />
            </div>
          </>
        ) : null}
      </div>
    </header>
  )
})

/** The header's actions for a conversation (Export only once it exists). */
export function headerActions({
  onOpenSettings,
  onExport,
}: {
  onOpenSettings(): void
  onExport: ((format: 'markdown' | 'json') => void) | null
}): HeaderAction[] {
  return [
    {
      id: 'settings',
      label: strings.conversationSettings.open,
      icon: <SlidersHorizontal size={18} aria-hidden />,
      onSelect: onOpenSettings,
    },
    ...(onExport
      ? [
          {
            id: 'markdown',
            label: strings.transfer.exportMarkdown,
            icon: <FileText size={18} aria-hidden />,
            onSelect: () => onExport('markdown'),
          },
          {
            id: 'json',
            label: strings.transfer.exportJson,
            icon: <FileJson size={18} aria-hidden />,
            onSelect: () => onExport('json'),
          },
        ]
      : []),
  ]
}
