import { useEffect, useRef } from 'react'
import { strings } from '../../i18n'

/**
 * Asks before a restore replaces the history. A native modal `<dialog>` (as the shortcuts panel):
 * focus stays inside, Esc cancels, and focus starts on Cancel so Enter alone never replaces anything.
 */
export function RestoreDialog({ date, onConfirm, onClose }: { date: string; onConfirm(): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  const t = strings.backups
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="restore-title"
      aria-describedby="restore-body"
      onClose={onClose}
    >
      <h2 id="restore-title">{t.confirmTitle}</h2>
      <p id="restore-body">{t.confirmBody(date)}</p>
      <form method="dialog" className="actions">
        <button type="submit" autoFocus>
          {t.cancel}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onConfirm()
            dialog.current?.close()
          }}
        >
          {t.confirm}
        </button>
      </form>
    </dialog>
  )
}
