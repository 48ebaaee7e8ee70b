import { useId, useState } from 'react'
import { strings } from '../../i18n'
import { CopyButton } from '../../markdown/CodeBlock'

interface MessageToolbarProps {
  text: string
  /** What Copy copies when the message is shown cut: its whole text, read from main. */
  wholeText?: (() => Promise<string | null>) | undefined
  /** Shown for the user's own questions. */
  onEdit: (() => void) | null
  /** Why Edit is shown disabled (a message too long to send edited), or undefined. */
  editBlocked?: string | undefined
  /** Shown for the last answer once it has ended. */
  onRegenerate: (() => void) | null
  onDelete: (() => void) | null
}

/** Copy, edit, regenerate and delete for one message; delete asks once more, since it cannot be undone. */
export function MessageToolbar({ text, wholeText, onEdit, editBlocked, onRegenerate, onDelete }: MessageToolbarProps) {
  const [confirming, setConfirming] = useState(false)
  const blockedNote = useId()
  return (
    <div className="message-toolbar" role="group" aria-label={strings.chat.messageActions}>
      {text ? <CopyButton text={wholeText ?? text} label={strings.chat.copyMessage} /> : null}
      {editBlocked ? (
        <>
          <button type="button" disabled aria-describedby={blockedNote}>
            {strings.chat.edit}
          </button>
          <span id={blockedNote} className="hint">
            {editBlocked}
          </span>
        </>
      ) : onEdit ? (
        <button type="button" onClick={onEdit}>
          {strings.chat.edit}
        </button>
      ) : null}
      {onRegenerate ? (
        <button type="button" onClick={onRegenerate}>
          {strings.chat.regenerate}
        </button>
      ) : null}
      {onDelete && !confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          {strings.chat.deleteMessage}
        </button>
      ) : null}
      {onDelete && confirming ? (
        <>
          <button type="button" className="danger" onClick={onDelete}>
            {strings.chat.confirmDelete}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {strings.chat.cancel}
          </button>
        </>
      ) : null}
    </div>
  )
}
