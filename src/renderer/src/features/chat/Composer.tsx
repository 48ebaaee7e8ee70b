import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { strings } from '../../i18n'

interface ComposerProps {
  isStreaming: boolean
  onSend(text: string): void
  onStop(): void
}

/** The message box: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing (Telex, VNI) does neither. */
export function Composer({ isStreaming, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('')

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (isStreaming || !text.trim()) return
    onSend(text)
    setText('')
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    submit()
  }

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
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
