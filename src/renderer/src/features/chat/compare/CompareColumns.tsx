import type { ChatCompareResponse } from '../../../../../shared/chat'
import { friendlyModelName } from '../../../../../shared/models'
import { strings } from '../../../i18n'
import { Button } from '../../../ui/Button'
import type { StreamState } from '../chat-stream-store'
import './compare.css'

interface CompareColumnsProps {
  run: ChatCompareResponse
  streams: ReadonlyMap<string, StreamState>
  onStop(streamId: string): void
  /** "Continue with this one": shows that answer's branch and closes the columns. */
  onChoose(messageId: string): void
}

/**
 * The answers of a Compare, side by side (stacked on a narrow window), each streaming on its own with
 * its model, time to first token, speed and tokens, and its own Stop. They are sibling versions: the
 * one chosen becomes the shown branch, the others stay one `‹ ›` away.
 */
export function CompareColumns({ run, streams, onStop, onChoose }: CompareColumnsProps) {
  return (
    <section className="compare-columns" aria-label={strings.compare.title}>
      {run.answers.map((answer) => {
        const stream = answer.streamId ? streams.get(answer.streamId) : undefined
        const status = stream?.status ?? (answer.error ? 'error' : 'streaming')
        const error = stream?.error ?? answer.error
        return (
          <article
            key={answer.assistantMessageId}
            className="compare-column"
            aria-label={friendlyModelName(answer.model)}
            aria-busy={status === 'streaming'}
            data-message-id={answer.assistantMessageId}
          >
            <h2 className="compare-column-model">{friendlyModelName(answer.model)}</h2>
            <div className="compare-column-text">{stream?.text ?? ''}</div>
            {error ? (
              <p className="compare-column-error" role="alert">
                {strings.errors[error.kind]}
              </p>
            ) : null}
            <p className="compare-column-meta">
              {strings.chat.meta({
                model: strings.compare.status[status],
                ttftMs: stream?.timings?.timeToFirstTokenMs ?? null,
                tokensPerSecond: stream?.timings?.tokensPerSecond ?? null,
                tokens: stream?.usage?.completionTokens ?? null,
              })}
            </p>
            <div className="compare-column-actions">
              {status === 'streaming' && answer.streamId ? (
                <Button size="sm" onClick={() => onStop(answer.streamId!)}>
                  {strings.chat.stop}
                </Button>
              ) : (
                <Button size="sm" variant="primary" onClick={() => onChoose(answer.assistantMessageId)}>
                  {strings.compare.choose}
                </Button>
              )}
            </div>
          </article>
        )
      })}
    </section>
  )
}
