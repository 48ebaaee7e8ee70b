import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { strings } from '../../i18n'

interface ComposerProps {
  isStreaming: boolean
  /** Resolves true once main stored the message; only then is the box cleared, so nothing typed is lost. */
  onSend(text: string): Promise<boolean>
  onStop(): void
  inputRef?: React.Ref<HTMLTextAreaElement>
}

/** The message box: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing (Telex, VNI) does neither. */
export function Composer({ isStreaming, onSend, onStop, inputRef }: ComposerProps) {
  const [text, setText] = useState('')

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (isStreaming || !text.trim()) return
    const sent = text
    if (await onSend(sent)) setText((current) => (current === sent ? '' : current))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      <textarea
        ref={inputRef}
        aria-label={strings.chat.message}
        placeholder={strings.chat.messagePlaceholder}
        value={text}
        rows={3}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      {isStreaming ? (
        <button type="button" className="stop" onClick={onStop}>
          {strings.chat.stop}
        </button>
      ) : (
        <button type="submit" disabled={!text.trim()}>
          {strings.chat.send}
        </button>
      )}
    </form>
  )
}
