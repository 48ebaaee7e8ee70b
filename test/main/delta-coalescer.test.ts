import { describe, expect, it } from 'vitest'
import { DeltaCoalescer, type CoalescerClock } from '../../src/main/chat/delta-coalescer'

/** A clock whose time and timers move only when the test says so. */
function manualClock() {
  let now = 0
  let timers: Array<{ at: number; callback: () => void; id: number }> = []
  let nextId = 0
  const clock: CoalescerClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = ++nextId
      timers.push({ at: now + ms, callback, id })
      return id
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle)
    },
  }
  const advance = (ms: number) => {
    now += ms
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer)
      timer.callback()
    }
  }
  return { clock, advance, pendingTimers: () => timers.length }
}

describe('DeltaCoalescer', () => {
  it('sends the first delta at once, then at most one batch per interval', () => {
    const { clock, advance } = manualClock()
    const flushed: string[] = []
    const coalescer = new DeltaCoalescer((text) => flushed.push(text), 16, clock)
    coalescer.push('Xin')
    expect(flushed).toEqual(['Xin'])
    coalescer.push(' chào')
    coalescer.push(' bạn')
    expect(flushed).toEqual(['Xin'])
    advance(15)
    expect(flushed).toEqual(['Xin'])
    advance(1)
    expect(flushed).toEqual(['Xin', ' chào bạn'])
  })

  it('flush sends what is pending and cancels the timer; dispose sends nothing', () => {
    const { clock, pendingTimers } = manualClock()
    const flushed: string[] = []
    const coalescer = new DeltaCoalescer((text) => flushed.push(text), 16, clock)
    coalescer.push('a')
    coalescer.push('b')
    expect(pendingTimers()).toBe(1)
    coalescer.flush()
    expect(flushed).toEqual(['a', 'b'])
    expect(pendingTimers()).toBe(0)
    coalescer.push('c')
    coalescer.dispose()
    expect(pendingTimers()).toBe(0)
    expect(flushed).toEqual(['a', 'b'])
  })

  it('keeps a character split across deltas whole (the halves of an emoji)', () => {
    const { clock, advance } = manualClock()
    let text = ''
    const coalescer = new DeltaCoalescer((chunk) => (text += chunk), 16, clock)
    const sheep = '🐑'
    coalescer.push('a')
    coalescer.push(sheep[0]!)
    coalescer.push(sheep[1]!)
    advance(16)
    expect(text).toBe(`a${sheep}`)
  })
})
