import { useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, ConversationOverrides } from '../../../../shared/history'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { ModelPicker } from '../models/ModelPicker'
import { ConversationSettingsPanel } from '../settings/ConversationSettingsPanel'
import { ConversationUsage } from '../usage/ConversationUsage'
import type { TransferActions } from '../transfer/use-transfers'
import type { ChatCompareResponse } from '../../../../shared/chat'
import { Button } from '../../ui/Button'
import { CompareColumns } from './compare/CompareColumns'
import { ComparePicker } from './compare/ComparePicker'
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
  settings: Settings
  hasKey: boolean
  transfers: TransferActions
  onConversationCreated(id: string): void
  onOpenSettings(): void
  onNewChat(): void
  inputRef: React.Ref<HTMLTextAreaElement>
}

export function ChatView(props: ChatViewProps) {
  const { api, conversation, conversationId, defaultModel, hasKey } = props
  const chat = useChat(api, conversationId, props.onConversationCreated)
  // The picker starts at the conversation's model, else the default; a choice here lasts for this window.
  const [pickedModel, setModel] = useState<string | null>(null)
  // A new chat's settings (a preset, say) wait here until its first message creates it.
  const [draft, setDraft] = useState<ConversationOverrides>({})
  // Forgotten when another conversation opens (React's "adjust state when a prop changes" pattern).
  const [draftFor, setDraftFor] = useState(conversationId)
  if (draftFor !== conversationId) {
    setDraftFor(conversationId)
    setDraft({})
  }
  const model =
    pickedModel ?? conversation?.overrides.model ?? (conversationId ? undefined : draft.model) ?? defaultModel
  const activeModel = model.trim() || defaultModel
  const [panelFor, setPanelFor] = useState<string | null>(null)
  const panelKey = conversation?.id ?? (conversationId ? null : 'new')
  const messageActions = useMessageActions(api, chat.transcriptStore, activeModel)
  // Esc stops the answer, unless a dialog is open (Esc closes that) or nothing streams.
  useShortcuts({
    stop: () => {
      if (!chat.isStreaming || document.querySelector('dialog[open]')) return false
      chat.stop()
    },
  })
  const error = chat.sendError ?? messageActions.actionError
  // Compare: the models picked (the composer sends to them when two or more are), and the last run shown.
  const [comparing, setComparing] = useState<string[] | null>(null)
  const [compareRun, setCompareRun] = useState<ChatCompareResponse | null>(null)
  if (compareRun && compareRun.conversationId !== conversationId) setCompareRun(null)

  return (
    <section className="chat" aria-label={conversation?.title ?? strings.chat.newConversation}>
      <header className="chat-header">
        <h1 className="chat-title">{conversation?.title ?? strings.chat.newConversation}</h1>
        <ModelPicker api={api} value={model} onChange={setModel} hasKey={hasKey} />
        {panelKey ? (
          <button
            type="button"
            aria-expanded={panelFor === panelKey}
            onClick={() => setPanelFor(panelFor === panelKey ? null : panelKey)}
          >
            {strings.conversationSettings.open}
          </button>
        ) : null}
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
      {panelKey && panelFor === panelKey ? (
        <ConversationSettingsPanel
          key={panelKey}
          api={api}
          conversation={conversation}
          draft={draft}
          onDraftChange={setDraft}
          defaults={props.settings}
          onClose={() => setPanelFor(null)}
        />
      ) : null}
      {conversation ? (
        <ConversationUsage api={api} conversationId={conversation.id} version={conversation.updatedAt} />
      ) : null}
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
        onNewChat={props.onNewChat}
        busy={chat.isStreaming}
        actions={messageActions}
      />
      {compareRun ? (
        <CompareColumns
          run={compareRun}
          streams={chat.streams}
          onStop={(streamId) => void api.chat.stop({ streamId })}
          onChoose={(messageId) => {
            setCompareRun(null)
            void messageActions.showVersion(messageId)
          }}
        />
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {strings.errors[error.kind]} {error.kind === 'invalid_payload' ? error.message : ''}
        </p>
      ) : null}
      <div className="compare-bar">
        <Button
          size="sm"
          variant="ghost"
          className="compare-toggle"
          aria-pressed={comparing !== null}
          onClick={() => setComparing(comparing ? null : [])}
        >
          {strings.compare.toggle}
        </Button>
        {comparing ? <ComparePicker api={api} picked={comparing} onChange={setComparing} /> : null}
      </div>
      <Composer
        inputRef={props.inputRef}
        isStreaming={chat.isStreaming}
        onSend={async (text) => {
          if (!comparing || comparing.length < 2) return chat.send(text, activeModel, draft)
          const run = await chat.compare(text, comparing, draft)
          if (run) setCompareRun(run)
          return run !== null
        }}
        onStop={chat.stop}
      />
    </section>
  )
}
