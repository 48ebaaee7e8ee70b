import { useState, type ReactNode } from 'react'
import { maxSentMessageChars } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'
import { textLength, type PagedMessage } from '../../../../shared/history'
import { friendlyModelName } from '../../../../shared/models'
import { errorsFixedInSettings, strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { ErrorBoundary } from '../../lib/ErrorBoundary'
import { PlainBlock } from '../../markdown/PlainBlock'
import { StreamingMarkdown } from '../../markdown/StreamingMarkdown'
import { Button } from '../../ui/Button'
import { CircleAlert, RefreshCw } from '../../ui/icons'
import { Spinner } from '../../ui/Spinner'
import { MessageAttachments } from '../attachments/MessageAttachments'
import { AnswerUsage } from '../usage/AnswerUsage'
import { ToolCalls } from '../tools/ToolCalls'
import { modelPickerInputId } from '../models/ModelPicker'
import type { StreamState } from './chat-stream-store'
import { EditMessageForm } from './EditMessageForm'
import { MessageToolbar } from './MessageToolbar'
import { RetryCountdown } from './RetryCountdown'
import { VersionSwitcher, versionKeys } from './VersionSwitcher'
import { isCut } from './transcript-store'
import type { MessageActionHandlers } from './use-message-actions'

interface MessageViewProps {
  message: PagedMessage
  /** The live stream filling this message, while it streams (or just ended). */
  stream: StreamState | undefined
  canRetry: boolean
  highlighted: boolean
  /** The conversation's last message (an answer there can be regenerated). */
  isLast: boolean
  /** An answer streams in this conversation: questions cannot be edited meanwhile. */
  conversationBusy: boolean
  actions: MessageActionHandlers
  onRetry(): void
  onContinue(): void
  onOpenSettings(): void
  /** Starts a new chat: the way out of a conversation too long for the model. */
  onNewChat(): void
  /** Reads on in a message whose text came cut. */
  onShowMore(): void
  /** A cut message's whole text, read from main (for Copy); null when it could not be read. */
  wholeText(): Promise<string | null>
  /** More controls at the start of the message's action row (issue 15's version switcher goes here). */
  actionsLeading?: ReactNode
}

/** Says a long message is shown in part, with the way to read on. */
function CutTextNote(props: { message: PagedMessage; onShowMore(): void }) {
  const { message } = props
  if (!message.fullLength || !isCut(message)) return null
  return (
    <div className="note">
      {strings.chat.textCut(formatNumber(textLength(message.content)), formatNumber(message.fullLength.content))}{' '}
      <Button size="sm" variant="ghost" onClick={props.onShowMore}>
        {strings.chat.showMore}
      </Button>
    </div>
  )
}

/** One stored message; an answer still streaming shows the live text from its events. */
export function MessageView(props: MessageViewProps) {
  const { message, stream, canRetry, highlighted, onRetry, onOpenSettings, actions } = props
  const [editing, setEditing] = useState(false)
  const cut = isCut(message)
  const className = `message ${message.role}${highlighted ? ' highlighted' : ''}`
  if (message.role !== 'assistant') {
    return (
      <article
        className={className}
        aria-label={strings.chat.you}
        data-message-id={message.id}
        onKeyDown={versionKeys(message.versions, actions.showVersion)}
      >
        {editing ? (
          <EditMessageForm
            initial={message.content}
            onSend={(content) => actions.editAndResend(message.id, content)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            {message.attachments?.length ? <MessageAttachments attachments={message.attachments} /> : null}
            <div className="message-bubble">
              <div className="text">{message.content}</div>
              <CutTextNote message={message} onShowMore={props.onShowMore} />
            </div>
            <MessageToolbar
              createdAt={message.createdAt}
              text={message.content}
              wholeText={cut ? props.wholeText : undefined}
              // A question shown cut (or read on past the limit) is too long to send edited, so Edit says so
              // rather than open on the part shown, which would resend it silently cut.
              editBlocked={
                cut || message.content.length > maxSentMessageChars
                  ? strings.chat.editTooLong(formatNumber(maxSentMessageChars))
                  : undefined
              }
              onEdit={props.conversationBusy ? null : () => setEditing(true)}
              onRegenerate={null}
              onDelete={() => void actions.deleteMessage(message.id)}
              leading={
                message.versions ? (
                  <VersionSwitcher versions={message.versions} onShow={actions.showVersion} />
                ) : (
                  props.actionsLeading
                )
              }
            />
          </>
        )}
      </article>
    )
  }
  const live = message.status === 'streaming' && stream ? stream : null
  const status = live ? live.status : message.status
  const text = live ? live.text : message.content
  const reasoning = live ? live.reasoning : (message.reasoning ?? '')
  const error: AppError | null =
    live?.error ??
    (message.status === 'error'
      ? {
          kind: message.errorKind ?? 'internal',
          message: message.errorMessage ?? '',
          ...(message.errorCause ? { cause: message.errorCause } : {}),
        }
      : null)
  const usage = live?.usage ?? message.usage
  const finishReason = live ? live.finishReason : message.finishReason
  const timings = live?.timings ?? message.timings
  return (
    <article
      className={className}
      aria-label={strings.chat.assistant}
      aria-busy={status === 'streaming'}
      data-message-id={message.id}
      onKeyDown={versionKeys(message.versions, actions.showVersion)}
    >
      {live?.retry ? <RetryCountdown retry={live.retry} /> : null}
      {/* Nothing at all has arrived yet; once thinking streams, its section says so instead. */}
      {status === 'streaming' && !text && !reasoning && !live?.retry ? (
        <div className="pending" role="status">
          <Spinner />
          {strings.transcript.waiting}
        </div>
      ) : null}
      {reasoning ? (
        <details className="reasoning" open={status === 'streaming' && !text}>
          <summary>
            {status === 'streaming' && !text ? (
              <>
                <Spinner />
                {strings.transcript.thinking}
              </>
            ) : (
              strings.chat.thinkingSection
            )}
          </summary>
          <div className="reasoning-text">{reasoning}</div>
        </details>
      ) : null}
      {text ? (
        <div className="text">
          {/* An answer that cannot be drawn shows its text plainly; the rest of the transcript stays. */}
          <ErrorBoundary
            label="message"
            resetKey={message.id}
            fallback={() => <PlainBlock text={text} reason="failed" />}
          >
            <StreamingMarkdown key={message.id} text={text} streaming={status === 'streaming'} />
          </ErrorBoundary>
        </div>
      ) : null}
      <ToolCalls message={message} />
      {live ? null : <CutTextNote message={message} onShowMore={props.onShowMore} />}
      {/* "The text received so far is kept" only when some arrived. */}
      {status === 'stopped' ? <div className="note">{withKept(strings.chat.stopped, text !== '')}</div> : null}
      {status === 'interrupted' ? (
        // Live: this tab lost the app's server mid-answer; stored: the app closed before it finished.
        <div className="note">
          {withKept(live ? strings.connection.answerInterrupted : strings.chat.interrupted, text !== '')}
        </div>
      ) : null}
      {finishReason === 'length' ? <div className="note">{strings.chat.lengthLimit}</div> : null}
      {finishReason === 'content_filter' ? <div className="note">{strings.chat.contentFilter}</div> : null}
      {error ? (
        <ErrorNote error={error} hasText={text !== ''} onOpenSettings={onOpenSettings} onNewChat={props.onNewChat} />
      ) : null}
      {canRetry && status !== 'streaming' ? (
        <div className="message-actions">
          {/* Continuing an answer that hit the size limit would only hit it again. */}
          {/* An answer that asked for tool calls usually has no text, but its calls are worth continuing. */}
          {(text !== '' || (message.toolCalls?.length ?? 0) > 0) && error?.kind !== 'too_large' ? (
            <Button size="sm" onClick={props.onContinue}>
              {strings.chat.continue}
            </Button>
          ) : null}
          <Button size="sm" icon={<RefreshCw aria-hidden />} onClick={onRetry}>
            {strings.chat.retry}
          </Button>
        </div>
      ) : null}
      {status === 'complete' || status === 'stopped' ? (
        <div className="meta">
          {strings.chat.meta({
            model: friendlyModelName(live?.model ?? message.model ?? ''),
            ttftMs: timings?.timeToFirstTokenMs ?? null,
            tokensPerSecond: timings?.tokensPerSecond ?? null,
            tokens: usage?.completionTokens ?? null,
          })}
        </div>
      ) : null}
      {status !== 'streaming' ? <AnswerUsage usage={usage} costUsd={message.costUsd} /> : null}
      {status !== 'streaming' ? (
        <MessageToolbar
          createdAt={message.createdAt}
          text={text}
          wholeText={!live && cut ? props.wholeText : undefined}
          onEdit={null}
          onRegenerate={!canRetry ? () => void actions.regenerate(message.id) : null}
          onDelete={() => void actions.deleteMessage(message.id)}
          pinned={props.isLast}
          leading={
            message.versions ? (
              <VersionSwitcher versions={message.versions} onShow={actions.showVersion} />
            ) : (
              props.actionsLeading
            )
          }
        />
      ) : null}
    </article>
  )
}

/** Kinds whose message from main adds something the general sentence cannot (the server's words, the cause). */
const detailKinds = new Set<AppError['kind']>(['bad_request', 'server', 'unknown_model', 'network', 'tls'])

/** Kinds another model may not have: the way out is the model picker above the conversation. */
const pickModelKinds = new Set<AppError['kind']>(['unknown_model', 'forbidden'])

/** An ending note, followed by "the text so far is kept" when the answer has text to keep. */
function withKept(note: string, hasText: boolean): string {
  return hasText ? `${note} ${strings.chat.textKept}` : note
}

function ErrorNote(props: { error: AppError; hasText: boolean; onOpenSettings(): void; onNewChat(): void }) {
  const { error, onOpenSettings } = props
  const explanation = withKept(strings.errors[error.kind], props.hasText)
  // The cause of a connection failure, in the user's language; the server's own words help with a refused
  // request; for the rest our sentence says it better. (An answer stored before causes existed keeps main's words.)
  const detail = error.cause
    ? strings.connectionCauses[error.cause]
    : detailKinds.has(error.kind)
      ? error.message
      : null
  const pickModel = pickModelKinds.has(error.kind)
  const newChat = error.kind === 'context_too_long'
  const settings = errorsFixedInSettings.has(error.kind)
  return (
    <div className="message-error" role="alert">
      <CircleAlert className="message-error__icon" aria-hidden />
      <div className="message-error__body">
        <p>{explanation}</p>
        {detail ? <p className="detail">{detail}</p> : null}
        {pickModel || newChat || settings ? (
          <div className="message-actions">
            {pickModel ? (
              <Button size="sm" onClick={() => document.getElementById(modelPickerInputId)?.focus()}>
                {strings.chat.pickModel}
              </Button>
            ) : null}
            {newChat ? (
              <Button size="sm" onClick={props.onNewChat}>
                {strings.chat.newChat}
              </Button>
            ) : null}
            {settings ? (
              <Button size="sm" onClick={onOpenSettings}>
                {strings.chat.openSettings}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  )
}
