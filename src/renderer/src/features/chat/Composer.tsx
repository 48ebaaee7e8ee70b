import { useRef, useState, useSyncExternalStore, type DragEvent, type FormEvent, type KeyboardEvent } from 'react'
import type { Api } from '../../../../shared/api'
import { strings } from '../../i18n'
import { IconButton } from '../../ui/IconButton'
import { ArrowUp, Paperclip, Square } from '../../ui/icons'
import { AttachmentTray } from '../attachments/AttachmentTray'
import { useComposerAttachments } from '../attachments/use-composer-attachments'
import { drafts } from './draft-store'

export interface SentAttachment {
  id: string
  name: string
}

interface ComposerProps {
  /** Whose draft the box shows and keeps: a conversation's id, or the new chat's key. */
  draftKey: string
  isStreaming: boolean
  /** Resolves true once main stored the message; only then is the draft cleared, so nothing typed is lost. */
  onSend(text: string, attachments: SentAttachment[]): Promise<boolean>
  api: Api
  /** Settings: send images as they are rather than downscaled. */
  keepOriginalImages: boolean
  /** The model the question goes to: its provider's rule estimates the images' tokens. */
  model?: string
  onStop(): void
  inputRef?: React.Ref<HTMLTextAreaElement>
}

/**
 * The message box: one rounded box with the text and an icon Send (Stop while an answer streams). It
 * grows with its text up to a limit, then scrolls (chat.css). Enter sends, Shift+Enter adds a line,
 * and Enter while an IME is composing (Telex, VNI) does neither. What is typed is the conversation's
 * draft (draft-store), kept per conversation and across reloads.
 */
export function Composer(props: ComposerProps) {
  const { draftKey, isStreaming, onSend, onStop, inputRef, api, keepOriginalImages, model } = props
  const text = useSyncExternalStore(drafts.subscribe, () => drafts.get(draftKey))
  const attachments = useComposerAttachments(api, keepOriginalImages, model)
  const picker = useRef<HTMLInputElement>(null)
  const [dropping, setDropping] = useState(false)
  const canSend = text.trim() !== '' && attachments.links !== null

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (isStreaming || !canSend || attachments.links === null) return
    const sent = text
    const key = draftKey
    if (await onSend(sent, attachments.links)) {
      drafts.clearIfSent(key, sent)
      attachments.clear()
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDropping(false)
    if (event.dataTransfer.files.length) attachments.add([...event.dataTransfer.files])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => void submit(event)}
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes('Files')) return
        event.preventDefault()
        setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className={`composer-box${dropping ? ' is-dropping' : ''}`}>
        <AttachmentTray
          items={attachments.items}
          error={attachments.error}
          estimatedTokens={attachments.estimatedTokens}
          onRemove={attachments.remove}
        />
        <div className="composer-row">
          <IconButton
            className="composer-attach"
            label={strings.attachments.attach}
            icon={<Paperclip aria-hidden />}
            onClick={() => picker.current?.click()}
          />
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            aria-hidden
            accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,text/*,.md,.csv,.json,.ts,.tsx,.js,.py,.go,.rs,.java,.c,.cpp,.h,.sh,.yaml,.yml,.toml,.xml,.sql"
            onChange={(event) => {
              if (event.target.files?.length) attachments.add([...event.target.files])
              event.target.value = ''
            }}
          />
          <textarea
            ref={inputRef}
            aria-label={strings.chat.message}
            placeholder={strings.chat.messagePlaceholder}
            value={text}
            rows={1}
            onChange={(event) => drafts.setDraft(draftKey, event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={(event) => {
              const files = [...event.clipboardData.files]
              if (files.length === 0) return
              event.preventDefault()
              attachments.add(files)
            }}
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
                disabled={!canSend}
              />
            )}
          </div>
        </div>
      </div>
    </form>
  )
}
