import { useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react'
import { strings } from '../../i18n'
import { IconButton } from '../../ui/IconButton'
import { ArrowUp, Square } from '../../ui/icons'
import { drafts } from './draft-store'

interface ComposerProps {
  /** Whose draft the box shows and keeps: a conversation's id, or the new chat's key. */
  draftKey: string
  isStreaming: boolean
  /** Resolves true once main stored the message; only then is the draft cleared, so nothing typed is lost. */
  onSend(text: string): Promise<boolean>
  onStop(): void
  inputRef?: React.Ref<HTMLTextAreaElement>
}

/**
 * The message box: one rounded box with the text and an icon Send (Stop while an answer streams). It
 * grows with its text up to a limit, then scrolls (chat.css). Enter sends, Shift+Enter adds a line,
 * and Enter while an IME is composing (Telex, VNI) does neither. What is typed is the conversation's
 * draft (draft-store), kept per conversation and across reloads.
 */
export function Composer({ draftKey, isStreaming, onSend, onStop, inputRef }: ComposerProps) {
  const text = useSyncExternalStore(drafts.subscribe, () => drafts.get(draftKey))

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (isStreaming || !text.trim()) return
    const sent = text
    const key = draftKey
    if (await onSend(sent)) drafts.clearIfSent(key, sent)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      <div className="composer-box">
        <textarea
          ref={inputRef}
          aria-label={strings.chat.message}
          placeholder={strings.chat.messagePlaceholder}
          value={text}
          rows={1}
          onChange={(event) => drafts.setDraft(draftKey, event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
        <div className="composer-actions">
          {isStreaming ? (
            <IconButton
              variant="secondary"
              className="composer-stop"
              label={strings.chat.stop}
              icon={<Square aria-hidden />}
              onClick={onStop}
            />
          ) : (
            <IconButton
              type="submit"
              variant="primary"
              className="composer-send"
              label={strings.chat.send}
              icon={<ArrowUp aria-hidden />}
              disabled={!text.trim()}
            />
          )}
        </div>
      </div>
    </form>
  )
}
