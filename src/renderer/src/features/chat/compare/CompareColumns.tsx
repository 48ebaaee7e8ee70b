import { memo } from 'react'
import type { Api } from '../../../../../shared/api'
import type { ChatCompareResponse } from '../../../../../shared/chat'
import type { PagedMessage } from '../../../../../shared/history'
import { friendlyModelName } from '../../../../../shared/models'
import { strings } from '../../../i18n'
import { ErrorBoundary } from '../../../lib/ErrorBoundary'
import { PlainBlock } from '../../../markdown/PlainBlock'
import { StreamingMarkdown } from '../../../markdown/StreamingMarkdown'
import { Button } from '../../../ui/Button'
import { AnswerUsage } from '../../usage/AnswerUsage'
import type { StreamState } from '../chat-stream-store'
import './compare.css'
import { useStaggeredStreams } from './use-staggered-streams'
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
 * its model, time to first token, speed, tokens and cost, and its own Stop. They are sibling versions:
 * the one chosen becomes the shown branch, the others stay one `‹ ›` away.
 */
export function CompareColumns({ api, run, streams, onStop, onChoose }: CompareColumnsProps) {
  const storedAnswers = useStoredAnswers(api, run, streams)
  // Three or four answers streaming take turns to draw, half of them a frame (use-staggered-streams.ts).
  const shown = useStaggeredStreams(streamIdsOf(run), streams)
  return (
    <section className="compare-columns" aria-label={strings.compare.title}>
      {run.answers.map((answer) => (
        <CompareColumn
          key={answer.assistantMessageId}
          answer={answer}
          stream={answer.streamId ? shown.get(answer.streamId) : undefined}
          stored={storedAnswers.get(answer.assistantMessageId)}
          onStop={onStop}
          onChoose={onChoose}
        />
      ))}
    </section>
  )
}

/** The run's stream ids, the same array for the same run (the answers that could not start have none). */
const streamIds = new WeakMap<ChatCompareResponse, string[]>()
function streamIdsOf(run: ChatCompareResponse): string[] {
  let ids = streamIds.get(run)
  if (!ids) streamIds.set(run, (ids = run.answers.flatMap((answer) => (answer.streamId ? [answer.streamId] : []))))
  return ids
}

interface CompareColumnProps {
  answer: ChatCompareResponse['answers'][number]
  stream: StreamState | undefined
  /** The saved message, once the answer ended: its cost, and its text when this view holds no stream. */
  stored: PagedMessage | undefined
  onStop(streamId: string): void
  onChoose(messageId: string): void
}

/**
 * One answer. Memoised: each stream's text arrives as its own event, and only its column draws again
 * (the stream store keeps the other streams' objects as they were).
 */
const CompareColumn = memo(function CompareColumn({ answer, stream, stored, onStop, onChoose }: CompareColumnProps) {
  const status = stream?.status ?? stored?.status ?? (answer.error ? 'error' : 'streaming')
  const error = stream?.error ?? (stored?.errorKind ? { kind: stored.errorKind } : answer.error)
  const timings = stream?.timings ?? stored?.timings ?? null
  const usage = stream?.usage ?? stored?.usage ?? null
  const text = stream?.text ?? stored?.content ?? ''
  return (
    <article
      className="compare-column"
      aria-label={friendlyModelName(answer.model)}
      aria-busy={status === 'streaming'}
      data-message-id={answer.assistantMessageId}
    >
      <h2 className="compare-column-model">{friendlyModelName(answer.model)}</h2>
      <div className="compare-column-text text">
        {/* Drawn as the transcript draws answers; one that cannot be drawn shows its text plainly. */}
        <ErrorBoundary
          label="message"
          resetKey={answer.assistantMessageId}
          fallback={() => <PlainBlock text={text} reason="failed" />}
        >
          <StreamingMarkdown text={text} />
        </ErrorBoundary>
      </div>
      {/* Kept in sight at the bottom of the columns while a long answer scrolls past. */}
      <footer className="compare-column-footer">
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
        {status !== 'streaming' && stored ? <AnswerUsage usage={stored.usage} costUsd={stored.costUsd} /> : null}
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
      </footer>
    </article>
  )
})
