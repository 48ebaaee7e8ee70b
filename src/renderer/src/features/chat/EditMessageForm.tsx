import { useState } from 'react'
import { strings } from '../../i18n'

interface EditMessageFormProps {
  initial: string
  /** Resolves true once main accepted the new text. */
  onSend(content: string): Promise<boolean>
  onCancel(): void
}

/** Edits a question in place; sending replaces it and every later message. */
export function EditMessageForm({ initial, onSend, onCancel }: EditMessageFormProps) {
  const [text, setText] = useState(initial)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (!text.trim() || busy) return
    setBusy(true)
    const sent = await onSend(text)
    setBusy(false)
    if (sent) onCancel()
  }
  return (
    <form
      className="edit-message"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <textarea
        aria-label={strings.chat.editMessage}
        value={text}
        autoFocus
        rows={Math.min(12, text.split('\n').length + 1)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // Esc here leaves the editor; it must not also stop an answer (a window shortcut).
            event.preventDefault()
            onCancel()
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            void send()
          }
        }}
      />
      <p className="hint">{strings.chat.editReplaces}</p>
      <div className="actions">
        <button type="submit" disabled={busy || !text.trim()}>
          {strings.chat.sendEdited}
        </button>
        <button type="button" onClick={onCancel}>
          {strings.chat.cancel}
        </button>
      </div>
    </form>
  )
}
