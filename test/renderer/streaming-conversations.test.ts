import { describe, expect, it } from 'vitest'
import type { ActiveStream, ChatEvent } from '../../src/shared/chat'
import { StreamingConversationsStore } from '../../src/renderer/src/features/history/use-streaming-conversations'

const conversationA = '11111111-1111-4111-8111-111111111111'
const conversationB = '22222222-2222-4222-8222-222222222222'
const stream1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const stream2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const message = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
const timings = { timeToFirstTokenMs: 1, totalMs: 2, tokensPerSecond: null }

const start = (streamId: string, conversationId: string): ChatEvent => ({
  type: 'start',
  streamId,
  seq: 0,
  model: 'gpt-4.1',
  conversationId,
  messageId: message,
  initialText: '',
})
const done = (streamId: string): ChatEvent => ({
  type: 'done',
  streamId,
  seq: 5,
  finishReason: 'stop',
  stopped: false,
  usage: null,
  timings,
})
const active = (streamId: string, conversationId: string): ActiveStream => ({
  streamId,
  conversationId,
  messageId: message,
  model: 'gpt-4.1',
  text: 'so far',
  reasoning: '',
  lastSeq: 3,
})

describe('StreamingConversationsStore', () => {
  it('marks a conversation from its stream’s start until its done or error', () => {
    const store = new StreamingConversationsStore()
    store.apply(start(stream1, conversationA))
    store.apply(start(stream2, conversationB))
    expect([...store.getSnapshot()].sort()).toEqual([conversationA, conversationB])
    store.apply({ type: 'delta', streamId: stream1, seq: 1, content: 'x' })
    store.apply(done(stream1))
    expect([...store.getSnapshot()]).toEqual([conversationB])
    store.apply({ type: 'error', streamId: stream2, seq: 2, error: { kind: 'network', message: 'gone' }, timings })
    expect(store.getSnapshot().size).toBe(0)
  })

  it('takes the streams main runs after a reload, but not one that ended before the answer came', () => {
    const store = new StreamingConversationsStore()
    store.apply(done(stream2))
    store.attach([active(stream1, conversationA), active(stream2, conversationB)])
    expect([...store.getSnapshot()]).toEqual([conversationA])
  })

  it('keeps a conversation marked while another of its streams still runs', () => {
    const store = new StreamingConversationsStore()
    store.apply(start(stream1, conversationA))
    store.apply(start(stream2, conversationA))
    store.apply(done(stream1))
    expect([...store.getSnapshot()]).toEqual([conversationA])
  })

  it('tells its listeners only when the set changes', () => {
    const store = new StreamingConversationsStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.apply(start(stream1, conversationA))
    store.apply({ type: 'delta', streamId: stream1, seq: 1, content: 'x' })
    store.apply(start(stream2, conversationA))
    expect(calls).toBe(1)
  })
})
