import type { ReactNode } from 'react'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { IconButton } from '../../ui/IconButton'
import { BarChart3, Keyboard, MessageSquare, Settings } from '../../ui/icons'
import { isMac, shortcuts } from '../shortcuts/shortcuts'

export type Page = 'chat' | 'settings' | 'usage'

const keysOf = (id: 'list') => shortcuts.find((shortcut) => shortcut.id === id)!.keys(isMac())

/** The sidebar's foot: the app's views (the current one marked) and the shortcuts panel. */
export function SidebarNav({
  page,
  onNavigate,
  onShowShortcuts,
}: {
  page: Page
  onNavigate(page: Page): void
  onShowShortcuts(): void
}) {
  const item = (target: Page, label: string, icon: ReactNode) => (
    <Button
      variant="ghost"
      className="nav-item"
      icon={icon}
      aria-current={page === target ? 'page' : undefined}
      onClick={() => onNavigate(target)}
    >
      {label}
    </Button>
  )
  return (
    <nav className="sidebar-nav" aria-label={strings.sidebar.navigation}>
      {item('chat', strings.nav.chat, <MessageSquare aria-hidden />)}
      {item('usage', strings.usage.nav, <BarChart3 aria-hidden />)}
      <div className="nav-row">
        {item('settings', strings.nav.settings, <Settings aria-hidden />)}
        <IconButton
          label={strings.shortcuts.open}
          tooltip={`${strings.shortcuts.open} (${keysOf('list')})`}
          icon={<Keyboard aria-hidden />}
          aria-haspopup="dialog"
          onClick={onShowShortcuts}
        />
      </div>
    </nav>
  )
}
