import { useSyncExternalStore } from 'react'
import { Toast } from 'radix-ui'
import { strings } from '../i18n'
import { Button } from './Button'
import { IconButton } from './IconButton'
import { CircleAlert, CircleCheck, Info, X } from './icons'
import { cx } from './cx'
import { toasts, type ToastEntry } from './toast-store'

const toneIcon = { info: Info, success: CircleCheck, error: CircleAlert }

function ToastItem({ entry }: { entry: ToastEntry }) {
  const tone = entry.tone ?? 'info'
  const Icon = toneIcon[tone]
  const duration = entry.duration === null ? Infinity : (entry.duration ?? (tone === 'error' ? 8000 : 5000))
  return (
    <Toast.Root
      className={cx('ui-toast', `ui-toast--${tone}`)}
      duration={duration}
      // An error interrupts (assertive); the rest waits its turn.
      type={tone === 'error' ? 'foreground' : 'background'}
      onOpenChange={(open) => {
        if (!open) toasts.dismiss(entry.id)
      }}
    >
      <Icon className="ui-toast__icon" size={18} aria-hidden />
      <div className="ui-toast__text">
        <Toast.Title className="ui-toast__title">{entry.title}</Toast.Title>
        {entry.description ? (
          <Toast.Description className="ui-toast__description">{entry.description}</Toast.Description>
        ) : null}
      </div>
      {entry.action ? (
        <Toast.Action asChild altText={entry.action.label}>
          <Button size="sm" onClick={entry.action.onClick}>
            {entry.action.label}
          </Button>
        </Toast.Action>
      ) : null}
      <Toast.Close asChild>
        <IconButton label={strings.ui.dismiss} icon={<X size={14} aria-hidden />} size="sm" />
      </Toast.Close>
    </Toast.Root>
  )
}

/** The one place toasts appear (bottom right), on Radix Toast: F8 reaches them, swipe or Esc dismisses. */
export function Toaster() {
  const entries = useSyncExternalStore(toasts.subscribe, toasts.getSnapshot)
  return (
    <Toast.Provider label={strings.ui.notifications} swipeDirection="right">
      {entries.map((entry) => (
        <ToastItem key={entry.id} entry={entry} />
      ))}
      <Toast.Viewport className="ui-toast-viewport" />
    </Toast.Provider>
  )
}
