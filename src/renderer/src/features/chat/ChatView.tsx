import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ModelInfo } from '../../../../shared/contract'
import type { Conversation } from '../../../../shared/history'
import { knownModels } from '../../../../shared/models'
import { strings } from '../../i18n'
import type { TransferActions } from '../transfer/use-transfers'
import { Composer } from './Composer'
import { TranscriptView } from './TranscriptView'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { useChat } from './use-chat'
import { useMessageActions } from './use-message-actions'

interface ChatViewProps {
  api: Api
  conversation: Conversation | null
  conversationId: string | null
  focusMessageId: string | null
  onFocusHandled(): void
  defaultModel: string
  hasKey: boolean
  transfers: TransferActions
  onConversationCreated(id: string): void
  onOpenSettings(): void
  inputRef: React.Ref<HTMLTextAreaElement>
}

export function ChatView(props: ChatViewProps) {
  const { api, conversation, conversationId, defaultModel, hasKey } = props
  const chat = useChat(api, conversationId, props.onConversationCreated)
  // The picker starts at the conversation's model, else the default; a choice here lasts for this window.
  const [pickedModel, setModel] = useState<string | null>(null)
  const model = pickedModel ?? conversation?.overrides.model ?? defaultModel
  const [models, setModels] = useState<ModelInfo[]>(knownModels.map((known) => ({ ...known })))
  const activeModel = model.trim() || defaultModel
  const messageActions = useMessageActions(api, chat.transcriptStore, activeModel)
  // Esc stops the answer, unless a dialog is open (Esc closes that) or nothing streams.
  useShortcuts({
    stop: () => {
      if (!chat.isStreaming || document.querySelector('dialog[open]')) return false
      chat.stop()
    },
  })
  const error = chat.sendError ?? messageActions.actionError

  useEffect(() => {
    if (!hasKey) return
    void api.models.list().then((result) => {
      if (result.ok && result.value.length) setModels(result.value)
    })
  }, [api, hasKey])

  return (
    <section className="chat" aria-label={conversation?.title ?? strings.chat.newConversation}>
      <header className="chat-header">
        <h1 className="chat-title">{conversation?.title ?? strings.chat.newConversation}</h1>
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
        {conversationId ? (
          <div className="export-buttons" role="group" aria-label={strings.transfer.exportConversation}>
            <button type="button" onClick={() => props.transfers.exportConversation(conversationId, 'markdown')}>
              {strings.transfer.exportMarkdown}
            </button>
            <button type="button" onClick={() => props.transfers.exportConversation(conversationId, 'json')}>
              {strings.transfer.exportJson}
            </button>
          </div>
        ) : null}
      </header>
      {!hasKey ? (
        <div className="banner" role="status">
          {strings.chat.noKeyBanner}{' '}
          <button type="button" onClick={props.onOpenSettings}>
            {strings.chat.openSettings}
          </button>
        </div>
      ) : null}
      <TranscriptView
        conversationId={conversationId}
        transcript={chat.transcript}
        transcriptStore={chat.transcriptStore}
        streams={chat.streams}
        streamStore={chat.streamStore}
        focusMessageId={props.focusMessageId}
        onFocusHandled={props.onFocusHandled}
        onRetry={(messageId) => void chat.retry(messageId)}
        onContinue={(messageId) => void chat.continueAnswer(messageId)}
        onOpenSettings={props.onOpenSettings}
        busy={chat.isStreaming}
        actions={messageActions}
      />
      {error ? (
        <p className="error" role="alert">
          {strings.errors[error.kind]} {error.kind === 'invalid_payload' ? error.message : ''}
        </p>
      ) : null}
      <Composer
        inputRef={props.inputRef}
        isStreaming={chat.isStreaming}
        onSend={(text) => chat.send(text, activeModel)}
        onStop={chat.stop}
      />
    </section>
  )
}
