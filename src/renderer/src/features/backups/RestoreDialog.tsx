import { strings } from '../../i18n'
import { ConfirmDialog } from '../../ui/Dialog'

/**
 * Asks before a restore replaces the history, on the design system's ConfirmDialog: focus starts
 * on Cancel (so Enter alone never replaces anything) and Esc cancels.
 */
export function RestoreDialog({ date, onConfirm, onClose }: { date: string; onConfirm(): void; onClose(): void }) {
  const t = strings.backups
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t.confirmTitle}
      description={t.confirmBody(date)}
      confirmLabel={t.confirm}
      cancelLabel={t.cancel}
      danger
      onConfirm={onConfirm}
    />
  )
}
