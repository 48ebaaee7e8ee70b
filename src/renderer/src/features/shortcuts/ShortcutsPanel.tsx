import { useEffect, useRef } from 'react'
import { strings } from '../../i18n'
import { isMac, shortcuts } from './shortcuts'

/** The shortcuts, listed in a modal dialog: focus stays inside it, and Esc or Close ends it. */
export function ShortcutsPanel({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  const t = strings.shortcuts
  const mac = isMac()
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t.title}</h2>
      <table>
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
      <form method="dialog">
        <button type="submit" autoFocus>
          {t.close}
        </button>
      </form>
    </dialog>
  )
}
