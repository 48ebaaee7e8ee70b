import type { Api } from '../../../../../shared/api'
import type { ChatCompareResponse } from '../../../../../shared/chat'
import { friendlyModelName } from '../../../../../shared/models'
import { strings } from '../../../i18n'
import { Button } from '../../../ui/Button'
import type { StreamState } from '../chat-stream-store'
import './compare.css'
import { useStoredAnswers } from './use-stored-answers'

interface CompareColumnsProps {
  api: Api
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
export function CompareColumns({ api, run, streams, onStop, onChoose }: CompareColumnsProps) {
  const storedAnswers = useStoredAnswers(api, run, streams)
  return (
    <section className="compare-columns" aria-label={strings.compare.title}>
      {run.answers.map((answer) => {
        const stream = answer.streamId ? streams.get(answer.streamId) : undefined
        // Without its stream (it ended before a reload), an answer shows what was saved of it.
        const stored = stream ? undefined : storedAnswers.get(answer.assistantMessageId)
        const status = stream?.status ?? stored?.status ?? (answer.error ? 'error' : 'streaming')
        const error = stream?.error ?? (stored?.errorKind ? { kind: stored.errorKind } : answer.error)
        const timings = stream?.timings ?? stored?.timings ?? null
        const usage = stream?.usage ?? stored?.usage ?? null
        return (
          <article
            key={answer.assistantMessageId}
            className="compare-column"
            aria-label={friendlyModelName(answer.model)}
            aria-busy={status === 'streaming'}
            data-message-id={answer.assistantMessageId}
          >
            <h2 className="compare-column-model">{friendlyModelName(answer.model)}</h2>
            <div className="compare-column-text">{stream?.text ?? stored?.content ?? ''}</div>
            {error ? (
              <p className="compare-column-error" role="alert">
                {strings.errors[error.kind]}
              </p>
            ) : null}
            <p className="compare-column-meta">
              {strings.chat.meta({
                model: strings.compare.status[status],
                ttftMs: timings?.timeToFirstTokenMs ?? null,
                tokensPerSecond: timings?.tokensPerSecond ?? null,
                tokens: usage?.completionTokens ?? null,
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
