import type { ReactNode } from 'react'
import { IconButton } from '../../ui/IconButton'
import { AlertTriangle, Info, X } from '../../ui/icons'
import { cx } from '../../ui/cx'
import './banner.css'

/**
 * One line of the banner region above the app (a start-up notice, a ready update): an icon, the
 * text, its actions and a way to dismiss it. Toasts carry what is transient; banners what must be
 * read (a file kept aside, and where) and stays until the user dismisses it.
 */
export function Banner({
  tone,
  children,
  actions,
  dismissLabel,
  onDismiss,
}: {
  tone: 'info' | 'warning'
  children: ReactNode
  actions?: ReactNode
  dismissLabel?: string
  onDismiss?(): void
}) {
  const Icon = tone === 'warning' ? AlertTriangle : Info
  return (
    <div className={cx('app-banner', `app-banner--${tone}`)}>
      <Icon className="app-banner__icon" size={18} aria-hidden />
      <div className="app-banner__text">{children}</div>
      {actions ? <div className="app-banner__actions">{actions}</div> : null}
      {onDismiss && dismissLabel ? (
        <IconButton label={dismissLabel} icon={<X size={16} aria-hidden />} size="sm" onClick={onDismiss} />
      ) : null}
    </div>
  )
}
