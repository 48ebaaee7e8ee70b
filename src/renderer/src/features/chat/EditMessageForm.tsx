import { useEffect, useRef, useState } from 'react'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'

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
  const formRef = useRef<HTMLFormElement>(null)
  // The question may have been partly scrolled away: bring the whole form into view once it is laid
  // out, and once more the frame after, when the virtualised rows have been measured at their new heights.
  useEffect(() => {
    const reveal = () => formRef.current?.scrollIntoView({ block: 'nearest' })
    let frame = requestAnimationFrame(() => {
      reveal()
      frame = requestAnimationFrame(reveal)
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  const send = async () => {
    if (!text.trim() || busy) return
    setBusy(true)
    const sent = await onSend(text)
    setBusy(false)
    if (sent) onCancel()
  }
  return (
    <form
      ref={formRef}
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
      <p className="message-hint">{strings.chat.editReplaces}</p>
      <div className="message-actions">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {strings.chat.cancel}
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={busy || !text.trim()}>
          {strings.chat.sendEdited}
        </Button>
      </div>
    </form>
  )
}
