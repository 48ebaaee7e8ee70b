/**
 * Compare's columns take turns to draw when more than two answers stream (use-staggered-streams.ts):
 * each column still draws at least every other frame, and a first token, an end or an error draws at once.
 */
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyStream, type StreamState } from '../../src/renderer/src/features/chat/chat-stream-store'
import {
  catchUpAfterMs,
  ColumnTurns,
  useStaggeredStreams,
} from '../../src/renderer/src/features/chat/compare/use-staggered-streams'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const ids = ['a', 'b', 'c', 'd']
const started = (id: string, text = 'Hello'): StreamState => ({ ...emptyStream(id), model: id, text })

/** The store's next map: each named stream gets more text (a new state object, as the store makes). */
function grow(streams: ReadonlyMap<string, StreamState>, which = ids): ReadonlyMap<string, StreamState> {
  const next = new Map(streams)
  for (const id of which) next.set(id, { ...next.get(id)!, text: `${next.get(id)!.text} more` })
  return next
}

const drawnNow = (shown: ReadonlyMap<string, StreamState>, streams: ReadonlyMap<string, StreamState>) =>
  ids.filter((id) => streams.has(id) && shown.get(id) === streams.get(id))

describe('ColumnTurns', () => {
  it('with four answers streaming, half the columns draw a frame, and each at least every other frame', () => {
    const turns = new ColumnTurns()
    let streams: ReadonlyMap<string, StreamState> = new Map(ids.map((id) => [id, started(id)]))
    expect(drawnNow(turns.update(ids, streams, 0), streams)).toEqual(ids)
    const lastDrawn = new Map(ids.map((id) => [id, 0]))
    for (let frame = 1; frame <= 10; frame++) {
      streams = grow(streams)
      const drawn = drawnNow(turns.update(ids, streams, 0), streams)
      expect(drawn).toHaveLength(2)
      for (const id of drawn) lastDrawn.set(id, frame)
      for (const id of ids) expect(frame - lastDrawn.get(id)!).toBeLessThanOrEqual(1)
    }
  })

  it('with two answers streaming, both draw every frame', () => {
    const turns = new ColumnTurns()
    const two = ['a', 'b']
    let streams: ReadonlyMap<string, StreamState> = new Map(two.map((id) => [id, started(id)]))
    turns.update(two, streams, 0)
    for (let frame = 0; frame < 4; frame++) {
      streams = grow(streams, two)
      expect(drawnNow(turns.update(two, streams, 0), streams)).toEqual(two)
    }
  })

  it('an end, an error and a first token draw in the frame they arrive, whatever the turn', () => {
    const turns = new ColumnTurns()
    let streams: ReadonlyMap<string, StreamState> = new Map([
      ...ids.slice(0, 3).map((id) => [id, started(id)] as const),
      ['d', started('d', '')],
    ])
    turns.update(ids, streams, 0)
    for (let frame = 0; frame < 2; frame++) {
      const next = new Map(grow(streams, ['a', 'b', 'c']))
      if (frame === 0) next.set('d', { ...next.get('d')!, text: 'First' })
      next.set(frame === 0 ? 'a' : 'b', { ...next.get(frame === 0 ? 'a' : 'b')!, status: 'complete' })
      if (frame === 1) next.set('c', { ...next.get('c')!, status: 'error' })
      streams = next
      const drawn = drawnNow(turns.update(ids, streams, 0), streams)
      expect(drawn).toEqual(expect.arrayContaining(frame === 0 ? ['a', 'd'] : ['b', 'c']))
    }
  })

  it('the same map drawn again shows the same and takes no turn; a catch-up round draws everything', () => {
    const turns = new ColumnTurns()
    let streams: ReadonlyMap<string, StreamState> = new Map(ids.map((id) => [id, started(id)]))
    turns.update(ids, streams, 0)
    streams = grow(streams)
    const first = turns.update(ids, streams, 0)
    expect(turns.update(ids, streams, 0)).toBe(first)
    expect(drawnNow(turns.update(ids, streams, 1), streams)).toEqual(ids)
  })
})

describe('useStaggeredStreams', () => {
  it('columns left behind catch up when no new text comes', () => {
    vi.useFakeTimers()
    let streams: ReadonlyMap<string, StreamState> = new Map(ids.map((id) => [id, started(id)]))
    const view = renderHook(({ current }) => useStaggeredStreams(ids, current), { initialProps: { current: streams } })
    streams = grow(streams)
    view.rerender({ current: streams })
    expect(drawnNow(view.result.current, streams)).toHaveLength(2)
    act(() => vi.advanceTimersByTime(catchUpAfterMs - 1))
    expect(drawnNow(view.result.current, streams)).toHaveLength(2)
    act(() => vi.advanceTimersByTime(1))
    expect(drawnNow(view.result.current, streams)).toEqual(ids)
  })

  it('a render of the same streams (a parent drawing) does not put the catch-up off', () => {
    vi.useFakeTimers()
    let streams: ReadonlyMap<string, StreamState> = new Map(ids.map((id) => [id, started(id)]))
    const view = renderHook(({ current }) => useStaggeredStreams(ids, current), { initialProps: { current: streams } })
    streams = grow(streams)
    view.rerender({ current: streams })
    act(() => vi.advanceTimersByTime(catchUpAfterMs / 2))
    view.rerender({ current: streams })
    act(() => vi.advanceTimersByTime(catchUpAfterMs / 2))
    expect(drawnNow(view.result.current, streams)).toEqual(ids)
  })

  it('shows only the columns of this run', () => {
    const turns = new ColumnTurns()
    const earlier: ReadonlyMap<string, StreamState> = new Map(ids.map((id) => [id, started(id)]))
    turns.update(ids, earlier, 0)
    const next = new Map([['e', started('e')]])
    expect([...turns.update(['e'], next, 0).keys()]).toEqual(['e'])
  })
})
