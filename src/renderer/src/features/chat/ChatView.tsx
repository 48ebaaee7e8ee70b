import { useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ModelInfo } from '../../../../shared/contract'
import { knownModels } from '../../../../shared/models'
import { strings } from '../../i18n'
import { Composer } from './Composer'
import { MessageView } from './MessageView'
import { useChat } from './use-chat'

interface ChatViewProps {
  api: Api
  defaultModel: string
  hasKey: boolean
  onOpenSettings(): void
}

export function ChatView({ api, defaultModel, hasKey, onOpenSettings }: ChatViewProps) {
  const chat = useChat(api)
  // The picker starts at the default model; a choice here lasts for this window, not as a setting.
  const [pickedModel, setModel] = useState<string | null>(null)
  const model = pickedModel ?? defaultModel
  const [models, setModels] = useState<ModelInfo[]>(knownModels.map((known) => ({ ...known })))
  const logRef = useRef<HTMLDivElement>(null)
  const activeModel = model.trim() || defaultModel

  useEffect(() => {
    if (!hasKey) return
    void api.models.list().then((result) => {
      if (result.ok && result.value.length) setModels(result.value)
    })
  }, [api, hasKey])

  // Follow the answer as it grows, unless the user scrolled up to read.
  const lastText =
    chat.messages.length + [...chat.streams.values()].reduce((sum, stream) => sum + stream.text.length, 0)
  useEffect(() => {
    const log = logRef.current
    if (log && log.scrollHeight - log.scrollTop - log.clientHeight < 120) log.scrollTop = log.scrollHeight
  }, [lastText])

  return (
    <section className="chat">
      <header className="chat-header">
        <label className="model-picker">
          <span>{strings.chat.model}</span>
          <input
            list="model-options"
            value={model}
            onChange={(event) => setModel(event.target.value)}
            spellCheck={false}
          />
          <datalist id="model-options">
            {models.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </datalist>
        </label>
        <button type="button" onClick={chat.clear} disabled={chat.isStreaming}>
          {strings.chat.newChat}
        </button>
      </header>
      {!hasKey ? (
        <div className="banner" role="status">
          {strings.chat.noKeyBanner}{' '}
          <button type="button" onClick={onOpenSettings}>
            {strings.chat.openSettings}
          </button>
        </div>
      ) : null}
      <div className="transcript" role="log" aria-label={strings.chat.transcript} aria-live="polite" ref={logRef}>
        {chat.messages.length === 0 ? <p className="empty">{strings.chat.empty}</p> : null}
        {chat.messages.map((message, index) => (
          <MessageView
            key={message.id}
            message={message}
            stream={message.role === 'assistant' && message.streamId ? chat.streams.get(message.streamId) : undefined}
            isLast={index === chat.messages.length - 1}
            onRetry={() => void chat.retry(activeModel)}
            onOpenSettings={onOpenSettings}
          />
        ))}
      </div>
      <Composer
        isStreaming={chat.isStreaming}
        onSend={(text) => void chat.send(text, activeModel)}
        onStop={chat.stop}
      />
    </section>
  )
}
