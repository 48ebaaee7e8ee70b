import { useState } from 'react'
import { maxSentMessageChars } from '../../../../shared/chat'
import type { AppError } from '../../../../shared/errors'
import { textLength, type PagedMessage } from '../../../../shared/history'
import { friendlyModelName } from '../../../../shared/models'
import { errorsFixedInSettings, strings } from '../../i18n'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { ErrorBoundary } from '../../lib/ErrorBoundary'
import { PlainBlock } from '../../markdown/PlainBlock'
import { StreamingMarkdown } from '../../markdown/StreamingMarkdown'
import { AnswerUsage } from '../usage/AnswerUsage'
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
}

/** Says a long message is shown in part, with the way to read on. */
function CutTextNote(props: { message: PagedMessage; onShowMore(): void }) {
  const { message } = props
  if (!message.fullLength || !isCut(message)) return null
  return (
    <div className="note">
      {strings.chat.textCut(formatNumber(textLength(message.content)), formatNumber(message.fullLength.content))}{' '}
      <button type="button" onClick={props.onShowMore}>
        {strings.chat.showMore}
      </button>
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
            <div className="text">{message.content}</div>
            <CutTextNote message={message} onShowMore={props.onShowMore} />
            {message.versions ? <VersionSwitcher versions={message.versions} onShow={actions.showVersion} /> : null}
            <MessageToolbar
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
      {status === 'streaming' && !text && !live?.retry ? <div className="pending">{strings.chat.thinking}</div> : null}
      {reasoning ? (
        <details className="reasoning" open={status === 'streaming' && !text}>
          <summary>{strings.chat.thinkingSection}</summary>
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
            <StreamingMarkdown key={message.id} text={text} />
          </ErrorBoundary>
        </div>
      ) : null}
      {live ? null : <CutTextNote message={message} onShowMore={props.onShowMore} />}
      {status === 'stopped' ? <div className="note">{strings.chat.stopped}</div> : null}
      {status === 'interrupted' ? <div className="note">{strings.chat.interrupted}</div> : null}
      {finishReason === 'length' ? <div className="note">{strings.chat.lengthLimit}</div> : null}
      {finishReason === 'content_filter' ? <div className="note">{strings.chat.contentFilter}</div> : null}
      {error ? <ErrorNote error={error} onOpenSettings={onOpenSettings} onNewChat={props.onNewChat} /> : null}
      {canRetry && status !== 'streaming' ? (
        <div className="actions">
          {/* Continuing an answer that hit the size limit would only hit it again. */}
          {text && error?.kind !== 'too_large' ? (
            <button type="button" onClick={props.onContinue}>
              {strings.chat.continue}
            </button>
          ) : null}
          <button type="button" onClick={onRetry}>
            {strings.chat.retry}
          </button>
        </div>
      ) : null}
      {message.versions ? <VersionSwitcher versions={message.versions} onShow={actions.showVersion} /> : null}
      {status !== 'streaming' ? (
        <MessageToolbar
          text={text}
          wholeText={!live && cut ? props.wholeText : undefined}
          onEdit={null}
          onRegenerate={!canRetry ? () => void actions.regenerate(message.id) : null}
          onDelete={() => void actions.deleteMessage(message.id)}
        />
      ) : null}
      {status === 'complete' || status === 'stopped' ? (
        <div className="meta">
          <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt)}</time>
          {' · '}
          {strings.chat.meta({
            model: friendlyModelName(live?.model ?? message.model ?? ''),
            ttftMs: timings?.timeToFirstTokenMs ?? null,
            tokensPerSecond: timings?.tokensPerSecond ?? null,
            tokens: usage?.completionTokens ?? null,
          })}
        </div>
      ) : null}
      {status !== 'streaming' ? <AnswerUsage usage={usage} costUsd={message.costUsd} /> : null}
    </article>
  )
}

/** Kinds whose message from main adds something the general sentence cannot (the server's words, the cause). */
const detailKinds = new Set<AppError['kind']>(['bad_request', 'server', 'unknown_model', 'network', 'tls'])

/** Kinds another model may not have: the way out is the model picker above the conversation. */
const pickModelKinds = new Set<AppError['kind']>(['unknown_model', 'forbidden'])

function ErrorNote(props: { error: AppError; onOpenSettings(): void; onNewChat(): void }) {
  const { error, onOpenSettings } = props
  const explanation = strings.errors[error.kind]
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
    <div className="error" role="alert">
      <p>{explanation}</p>
      {detail ? <p className="detail">{detail}</p> : null}
      {pickModel || newChat || settings ? (
        <div className="actions">
          {pickModel ? (
            <button type="button" onClick={() => document.getElementById(modelPickerInputId)?.focus()}>
              {strings.chat.pickModel}
            </button>
          ) : null}
          {newChat ? (
            <button type="button" onClick={props.onNewChat}>
              {strings.chat.newChat}
            </button>
          ) : null}
          {settings ? (
            <button type="button" onClick={onOpenSettings}>
              {strings.chat.openSettings}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
