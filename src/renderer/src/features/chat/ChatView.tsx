import './chat.css'
import { loopsIn, ToolApprovalsContext } from '../tools/tool-approvals-store'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Api } from '../../../../shared/api'
import type { Conversation, ConversationOverrides } from '../../../../shared/history'
import type { Settings } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { showToast } from '../../ui/toast-store'
import { ModelDatalist } from '../models/ModelDatalist'
import { ModelPicker } from '../models/ModelPicker'
import { useConversationSettings } from '../models/use-conversation-settings'
import { ConversationSettingsPanel } from '../settings/ConversationSettingsPanel'
import { ConversationUsage } from '../usage/ConversationUsage'
import { usageVersion } from '../usage/usage-version'
import type { TransferActions } from '../transfer/use-transfers'
import { ChatHeader, headerActions } from './ChatHeader'
import { Button } from '../../ui/Button'
import { Columns2 } from '../../ui/icons'
import { CompareColumns } from './compare/CompareColumns'
import { ComparePicker } from './compare/ComparePicker'
import { AttachmentApiContext } from '../attachments/attachment-urls'
import { refusalText } from '../attachments/attachment-words'
import { Composer, type SentAttachment } from './Composer'
import { drafts, newChatDraftKey } from './draft-store'
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
  /** The message box (App's shortcuts focus it; the empty chat's suggestions fill and focus it). */
  inputRef: React.RefObject<HTMLTextAreaElement | null>
  /** Placed at the header's left edge (the sidebar's toggle while the sidebar is collapsed). */
  headerLeading?: ReactNode
}

export function ChatView(props: ChatViewProps) {
  const { api, conversation, conversationId, defaultModel, hasKey } = props
  // The model and parameters of the open conversation (or of the new chat): see use-conversation-settings.
  const conversationSettings = useConversationSettings(api, conversationId, conversation, defaultModel)
  const activeModel = conversationSettings.model
  const sentOverrides = useRef<ConversationOverrides>({})
  const { adopt } = conversationSettings
  const { onConversationCreated } = props
  const created = useCallback(
    (id: string) => {
      adopt(id, sentOverrides.current)
      onConversationCreated(id)
    },
    [adopt, onConversationCreated],
  )
  const chat = useChat(api, conversationId, created)
  // Tool calls and approvals, live for every message of this view (features/tools).
  const { toolStore } = chat
  // A server that could not start: the question goes on without it; main tells once per failed start.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'tool-server-failed')
          showToast({
            key: `tool-server-failed-${event.serverId}`,
            tone: 'error',
            title: strings.toolSettings.serverFailed(event.serverName),
            description: strings.toolSettings.serverFailedHint,
          })
      }),
    [api],
  )
  const [panelOpen, setPanelOpen] = useState(false)
  const messageActions = useMessageActions(api, chat.transcriptStore, activeModel)
  // Esc stops the answer, unless a dialog is open (Esc closes that) or nothing streams. It reads the
  // stores as they are at the key press, not the last render, so an answer that just started stops too.
  useShortcuts({
    stop: () => {
      if (document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]')) return false
      const open = chat.transcriptStore.getSnapshot().conversationId
      const live = [...chat.streamStore.getSnapshot().values()].filter(
        (stream) => stream.status === 'streaming' && open !== null && stream.conversationId === open,
      )
      const loops = loopsIn(chat.toolStore.getSnapshot(), open)
      if (live.length === 0 && loops.length === 0) return false
      for (const stream of live) void api.chat.stop({ streamId: stream.streamId })
      for (const loopStreamId of loops) void api.chat.stop({ streamId: loopStreamId })
    },
  })
  const error = chat.sendError ?? messageActions.actionError
  const draftKey = conversationId ?? newChatDraftKey
  const fillSuggestion = (prompt: string) => {
    drafts.setDraft(draftKey, prompt)
    requestAnimationFrame(() => {
      const box = props.inputRef.current
      box?.focus()
      box?.setSelectionRange(prompt.length, prompt.length)
    })
  }
  const { setModel } = conversationSettings
  const chooseModel = useCallback(
    (model: string) =>
      void setModel(model).then((refused) => {
        if (refused)
          showToast({
            key: 'conversation-model',
            tone: 'error',
            duration: null,
            title: strings.models.saveFailed,
            description: strings.errors[refused.kind],
          })
      }),
    [setModel],
  )
  // The header and the dialog are memoised with stable props, so a streaming answer (which renders
  // this view for every batch of text) does not render them again and again.
  const prices = props.settings.prices
  const picker = useMemo(
    () => <ModelPicker api={api} value={activeModel} onChange={chooseModel} hasKey={hasKey} prices={prices} />,
    [api, activeModel, chooseModel, hasKey, prices],
  )
  const { transfers } = props
  const actions = useMemo(
    () =>
      headerActions({
        onOpenSettings: () => setPanelOpen(true),
        onExport: conversationId ? (format) => transfers.exportConversation(conversationId, format) : null,
      }),
    [conversationId, transfers],
  )
  const usageId = conversation?.id
  // A string that changes when the total must be asked again (an answer added, deleted or changed).
  const totalVersion = conversation ? usageVersion(conversation.updatedAt, chat.transcript.messages) : undefined
  const subtitle = useMemo(
    () =>
      usageId !== undefined && totalVersion !== undefined ? (
        <ConversationUsage api={api} conversationId={usageId} version={totalVersion} />
      ) : null,
    [api, usageId, totalVersion],
  )
  const send = async (text: string, attachments: SentAttachment[]) => {
    await conversationSettings.settled()
    if (conversationId !== null) return chat.send(text, activeModel, undefined, attachments)
    sentOverrides.current = conversationSettings.newChatOverrides()
    return chat.send(text, activeModel, sentOverrides.current, attachments)
  }
  // Compare: the models picked (the composer sends to them when two or more are), and the last run shown.
  const [comparing, setComparing] = useState<string[] | null>(null)
  const { compareRun, closeCompare } = chat
  // While its columns show, a Compare's answers are not drawn a second time in the transcript above.
  const comparedIds = useMemo(
    () => new Set(compareRun?.answers.map((answer) => answer.assistantMessageId) ?? []),
    [compareRun],
  )
  // Stable, so a streaming column does not draw the others again (see CompareColumn).
  const stopStream = useCallback((streamId: string) => void api.chat.stop({ streamId }), [api])
  const { showVersion } = messageActions
  const chooseCompared = useCallback(
    (messageId: string) => {
      if (conversationId) closeCompare(conversationId)
      void showVersion(messageId)
    },
    [closeCompare, conversationId, showVersion],
  )

  return (
    <AttachmentApiContext.Provider value={api}>
      <ToolApprovalsContext.Provider value={toolStore}>
        <section className="chat" aria-label={conversation?.title ?? strings.chat.newConversation}>
          <ChatHeader
            title={conversationId ? (conversation?.title ?? null) : null}
            leading={props.headerLeading}
            subtitle={subtitle}
            picker={picker}
            actions={actions}
          />
          <ModelDatalist api={api} hasKey={hasKey} />
          <ConversationSettingsPanel
            open={panelOpen}
            onOpenChange={setPanelOpen}
            api={api}
            hasKey={hasKey}
            isNew={conversationId === null}
            overrides={conversationSettings.overrides}
            model={activeModel}
            defaults={props.settings}
            onSave={conversationSettings.save}
          />
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
            onSuggestion={fillSuggestion}
            busy={chat.isStreaming}
            actions={messageActions}
            hiddenMessageIds={comparedIds}
          />
          {compareRun ? (
            <CompareColumns
              api={api}
              run={compareRun}
              streams={chat.streams}
              onStop={stopStream}
              onChoose={chooseCompared}
            />
          ) : null}
          {error ? (
            <p className="composer-error" role="alert">
              {error.attachment ? refusalText(error.attachment) : strings.errors[error.kind]}{' '}
              {error.kind === 'invalid_payload' ? error.message : ''}
            </p>
          ) : null}
          <div className="compare-bar">
            <Button
              size="sm"
              variant="ghost"
              className="compare-toggle"
              icon={<Columns2 aria-hidden />}
              aria-pressed={comparing !== null}
              onClick={() => setComparing(comparing ? null : [])}
            >
              {strings.compare.toggle}
            </Button>
            {comparing ? <ComparePicker api={api} picked={comparing} onChange={setComparing} /> : null}
          </div>
          <Composer
            api={api}
            keepOriginalImages={props.settings.keepOriginalImages}
            model={activeModel}
            draftKey={draftKey}
            inputRef={props.inputRef}
            isStreaming={chat.isStreaming}
            onSend={async (text, attachments) => {
              if (!comparing || comparing.length < 2) return send(text, attachments)
              await conversationSettings.settled()
              // As send does: the new conversation adopts exactly the settings it was created with.
              if (conversationId === null) sentOverrides.current = conversationSettings.newChatOverrides()
              const run = await chat.compare(
                text,
                comparing,
                conversationId === null ? sentOverrides.current : undefined,
                attachments,
              )
              return run !== null
            }}
            onStop={chat.stop}
          />
        </section>
      </ToolApprovalsContext.Provider>
    </AttachmentApiContext.Provider>
  )
}
