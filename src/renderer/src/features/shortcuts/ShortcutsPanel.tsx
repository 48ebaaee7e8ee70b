import { strings } from '../../i18n'
import { Dialog } from '../../ui/Dialog'
import { isMac, shortcuts } from './shortcuts'
import './shortcuts.css'

/** The shortcuts, listed in a modal dialog (ui/Dialog): focus stays inside it, and Esc or Close ends it. */
export function ShortcutsPanel({ onClose }: { onClose(): void }) {
  const t = strings.shortcuts
  const mac = isMac()
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t.title}
      size="sm"
      initialFocus="content"
    >
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.id}>
              <th scope="row">{t[shortcut.id]}</th>
              <td>
                <kbd>{shortcut.keys(mac)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
