import type { ReactNode } from 'react'
import { AlertDialog, Dialog as RadixDialog } from 'radix-ui'
import { strings } from '../i18n'
import { Button } from './Button'
import { IconButton } from './IconButton'
import { X } from './icons'
import { cx } from './cx'

/**
 * A modal dialog on Radix Dialog: focus is trapped and returned, Esc and the close button close it,
 * the page behind is inert. `footer` holds the dialog's buttons, right-aligned.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  footer,
  size = 'md',
  children,
}: {
  open: boolean
  onOpenChange(open: boolean): void
  title: ReactNode
  description?: ReactNode
  footer?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  children?: ReactNode
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-overlay" />
        <RadixDialog.Content
          className={cx('ui-dialog', `ui-dialog--${size}`)}
          // Without a description Radix warns unless told there is none.
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="ui-dialog__header">
            <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close asChild>
              <IconButton label={strings.ui.close} icon={<X size={16} aria-hidden />} size="sm" />
            </RadixDialog.Close>
          </header>
          {description ? (
            <RadixDialog.Description className="ui-dialog__description">{description}</RadixDialog.Description>
          ) : null}
          {children ? <div className="ui-dialog__body">{children}</div> : null}
          {footer ? <footer className="ui-dialog__footer">{footer}</footer> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

/**
 * A question that needs an answer before anything happens ("Leave without saving?"), on Radix
 * AlertDialog: focus starts on Cancel, so Enter never destroys by accident.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
}: {
  open: boolean
  onOpenChange(open: boolean): void
  title: ReactNode
  description?: ReactNode
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
  onConfirm(): void
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="ui-overlay" />
        <AlertDialog.Content
          className="ui-dialog ui-dialog--sm"
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <AlertDialog.Title className="ui-dialog__title">{title}</AlertDialog.Title>
          {description ? (
            <AlertDialog.Description className="ui-dialog__description">{description}</AlertDialog.Description>
          ) : null}
          <footer className="ui-dialog__footer">
            <AlertDialog.Cancel asChild>
              <Button>{cancelLabel ?? strings.ui.cancel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
