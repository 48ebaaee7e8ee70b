import { useEffect, useReducer, useState } from 'react'
import type { StreamState } from '../chat-stream-store'

/** Up to this many answers streaming at once, every column draws every frame. */
export const drawnEveryFrame = 2

/** A column left behind catches up after this long without a new frame of text (all streams paused). */
export const catchUpAfterMs = 100

/**
 * Compare's drawing budget. Each column re-parses its growing last block whenever it draws, so four
 * answers streaming at 2,000 deltas/s each cost four parses a frame. With more than two streaming, the
 * columns take turns: half of them draw their new text in a frame, the other half in the next, so each
 * still moves 30 times a second and a frame does half the work. A column draws at once, whatever the
 * turn, when it gets its first text (its time to first token shows), ends, fails or waits to retry.
 *
 * Returns what each column shows (by stream id). When no new text comes (every stream paused), the
 * columns left behind catch up after `catchUpAfterMs`.
 */
export function useStaggeredStreams(
  streamIds: readonly string[],
  streams: ReadonlyMap<string, StreamState>,
): ReadonlyMap<string, StreamState> {
  // One per mounted view: it remembers what each column shows and whose turn it is.
  const [turns] = useState(() => new ColumnTurns())
  const [round, catchUp] = useReducer((count: number) => count + 1, 0)
  const shown = turns.update(streamIds, streams, round)
  const behind = streamIds.some((id) => streams.get(id) !== undefined && shown.get(id) !== streams.get(id))
  // Restarted by new text only (not by a parent's render), so a pause of every stream is caught up in time.
  useEffect(() => {
    if (!behind) return
    const timer = setTimeout(catchUp, catchUpAfterMs)
    return () => clearTimeout(timer)
  }, [behind, streams, round])
  return shown
}

/** Whose turn it is to draw, and what each column showed last. */
export class ColumnTurns {
  private from: ReadonlyMap<string, StreamState> | null = null
  private round = 0
  private shown: ReadonlyMap<string, StreamState> = new Map()
  private turn = 0

  /**
   * Worked out once per new map of streams or catch-up round, so a second render of the same props
   * (React's strict mode, a parent's render) shows the same and does not take a turn.
   */
  update(streamIds: readonly string[], streams: ReadonlyMap<string, StreamState>, round: number) {
    if (this.from === streams && this.round === round) return this.shown
    const everything = this.round !== round
    this.from = streams
    this.round = round
    const waiting = streamIds.filter((id) => {
      const next = streams.get(id)
      const shown = this.shown.get(id)
      return next && shown && next !== shown && !drawsAtOnce(shown, next)
    })
    const staggered = streamIds.filter((id) => streams.get(id)?.status === 'streaming').length > drawnEveryFrame
    // Only this run's columns: a map kept from earlier runs would hold their whole texts.
    const shown = new Map<string, StreamState>()
    streamIds.forEach((id, column) => {
      const next = streams.get(id)
      const before = this.shown.get(id)
      if (!next) return
      // Turns go by column, so a column draws at least every other frame whatever the others do.
      const itsTurn = !waiting.includes(id) || !staggered || everything || (column + this.turn) % 2 === 0
      shown.set(id, itsTurn || !before ? next : before)
    })
    this.shown = shown
    this.turn++
    return shown
  }
}

/** A change a column shows in the frame it arrives: its first text, its end, an error or a retry. */
function drawsAtOnce(shown: StreamState, next: StreamState): boolean {
  return (
    next.status !== 'streaming' ||
    shown.status !== next.status ||
    (shown.text === '' && next.text !== '') ||
    shown.retry !== next.retry
  )
}
