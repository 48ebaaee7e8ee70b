import { useId, useState, type ReactNode } from 'react'
import { strings } from '../../i18n'
import { formatFullDateTime, formatMessageTime } from '../../i18n/format'
import { CopyButton } from '../../markdown/CodeBlock'
import { Button } from '../../ui/Button'
import { IconButton } from '../../ui/IconButton'
import { Pencil, RefreshCw, Trash2 } from '../../ui/icons'
import { Tooltip } from '../../ui/Tooltip'

interface MessageToolbarProps {
  /** When the message was written: shown short, the whole date and time in a tooltip. */
  createdAt: number
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
  /** The actions stay in sight (the last answer), instead of showing on hover and focus only. */
  pinned?: boolean
  /** Room at the row's start for more controls about the message (issue 15's version switcher). */
  leading?: ReactNode
}

/**
 * A message's footer: when it was written, then Copy, Edit, Regenerate and Delete as small icon buttons
 * that show on hover and on keyboard focus (chat.css fades them; they keep their place, so nothing
 * moves). Delete asks once more, since it cannot be undone.
 */
export function MessageToolbar(props: MessageToolbarProps) {
  const { text, wholeText, onEdit, editBlocked, onRegenerate, onDelete } = props
  const [confirming, setConfirming] = useState(false)
  const blockedNote = useId()
  return (
    <div className="message-footer">
      {props.leading}
      <Tooltip content={formatFullDateTime(props.createdAt)}>
        <time className="message-time" dateTime={new Date(props.createdAt).toISOString()}>
          {formatMessageTime(props.createdAt)}
        </time>
      </Tooltip>
      <div
        className="message-toolbar"
        role="group"
        aria-label={strings.chat.messageActions}
        data-shown={props.pinned || confirming ? '' : undefined}
      >
        {text ? <CopyButton iconOnly text={wholeText ?? text} label={strings.chat.copyMessage} /> : null}
        {editBlocked ? (
          <>
            <IconButton
              size="sm"
              label={strings.chat.edit}
              icon={<Pencil aria-hidden />}
              disabled
              aria-describedby={blockedNote}
            />
            <span id={blockedNote} className="message-hint">
              {editBlocked}
            </span>
          </>
        ) : onEdit ? (
          <IconButton size="sm" label={strings.chat.edit} icon={<Pencil aria-hidden />} onClick={onEdit} />
        ) : null}
        {onRegenerate ? (
          <IconButton
            size="sm"
            label={strings.chat.regenerate}
            icon={<RefreshCw aria-hidden />}
            onClick={onRegenerate}
          />
        ) : null}
        {onDelete && !confirming ? (
          <IconButton
            size="sm"
            label={strings.chat.deleteMessage}
            icon={<Trash2 aria-hidden />}
            onClick={() => setConfirming(true)}
          />
        ) : null}
        {onDelete && confirming ? (
          <>
            <Button size="sm" variant="danger" onClick={onDelete} autoFocus>
              {strings.chat.confirmDelete}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              {strings.chat.cancel}
            </Button>
          </>
        ) : null}
      </div>
    </div>
  )
}
