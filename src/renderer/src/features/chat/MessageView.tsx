import type { AppError } from '../../../../shared/errors'
import { friendlyModelName } from '../../../../shared/models'
import { errorsFixedInSettings, strings } from '../../i18n'
import type { StreamState } from './chat-stream-store'
import type { UiMessage } from './use-chat'

interface MessageViewProps {
  message: UiMessage
  stream: StreamState | undefined
  isLast: boolean
  onRetry(): void
  onOpenSettings(): void
}

export function MessageView({ message, stream, isLast, onRetry, onOpenSettings }: MessageViewProps) {
  if (message.role === 'user') {
    return (
      <article className="message user" aria-label={strings.chat.you}>
        <div className="text">{message.text}</div>
      </article>
    )
  }
  const error = message.sendError ?? stream?.error ?? null
  const text = stream?.text ?? ''
  const waiting = !error && (!stream || (stream.status === 'streaming' && !text))
  return (
    <article
      className="message assistant"
      aria-label={strings.chat.assistant}
      aria-busy={stream?.status === 'streaming'}
    >
      {waiting ? <div className="pending">{strings.chat.thinking}</div> : null}
      {text ? <div className="text">{text}</div> : null}
      {stream?.status === 'stopped' ? <div className="note">{strings.chat.stopped}</div> : null}
      {error ? <ErrorNote error={error} canRetry={isLast} onRetry={onRetry} onOpenSettings={onOpenSettings} /> : null}
      {stream && stream.status !== 'streaming' && stream.status !== 'error' ? (
        <div className="meta">
          {strings.chat.meta({
            model: friendlyModelName(stream.model),
            ttftMs: stream.timings?.timeToFirstTokenMs ?? null,
            tokensPerSecond: stream.timings?.tokensPerSecond ?? null,
            tokens: stream.usage?.completionTokens ?? null,
          })}
        </div>
      ) : null}
    </article>
  )
}

function ErrorNote({
  error,
  canRetry,
  onRetry,
  onOpenSettings,
}: {
  error: AppError
  canRetry: boolean
  onRetry(): void
  onOpenSettings(): void
}) {
  const explanation = strings.errors[error.kind]
  // The server's own words help with a refused request; for the rest our sentence says it better.
  const detail =
    error.kind === 'bad_request' || error.kind === 'server' || error.kind === 'unknown_model' ? error.message : null
  return (
    <div className="error" role="alert">
      <p>{explanation}</p>
      {detail ? <p className="detail">{detail}</p> : null}
      <div className="actions">
        {errorsFixedInSettings.has(error.kind) ? (
          <button type="button" onClick={onOpenSettings}>
            {strings.chat.openSettings}
          </button>
        ) : null}
        {canRetry ? (
          <button type="button" onClick={onRetry}>
            {strings.chat.retry}
          </button>
        ) : null}
      </div>
    </div>
  )
}
