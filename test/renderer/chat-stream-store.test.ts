import { describe, expect, it } from 'vitest'
import type { ChatEvent } from '../../src/shared/chat'
import { ChatStreamStore } from '../../src/renderer/src/features/chat/chat-stream-store'

const streamId = 'stream-1'
const conversationId = '00000000-0000-4000-8000-000000000001'
const messageId = '00000000-0000-4000-8000-000000000002'

const start = (seq = 0): ChatEvent => ({
  type: 'start',
  streamId,
  seq,
  model: 'deepseek-v3.2',
  conversationId,
  messageId,
  initialText: '',
})
const delta = (seq: number, content: string): ChatEvent => ({ type: 'delta', streamId, seq, content })

describe('ChatStreamStore', () => {
  it('builds the answer from start and deltas, and ignores an event it already applied', () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    for (const event of [start(), delta(1, 'Xin '), delta(2, 'chào'), delta(2, 'chào'), delta(1, 'Xin ')])
      store.apply(event)
    expect(store.forMessage(messageId)).toMatchObject({ text: 'Xin chào', lastSeq: 2, status: 'streaming' })
  })

  it('re-attaches after a reload: chat:active gives the text so far, and only later events are added', () => {
    const store = new ChatStreamStore()
    // Events of a stream that began before this view opened arrive before chat:active answers.
    store.apply(delta(3, 'c'))
    store.apply(delta(4, 'd'))
    expect(store.getSnapshot().size).toBe(0)
    store.attachAll([{ streamId, conversationId, messageId, model: 'm', text: 'abc', reasoning: '', lastSeq: 3 }])
    expect(store.forMessage(messageId)?.text).toBe('abcd')
    store.apply(delta(4, 'd'))
    store.apply(delta(5, 'e'))
    expect(store.forMessage(messageId)).toMatchObject({ text: 'abcde', lastSeq: 5, conversationId })
  })

  it('after attaching, drops mid-stream events of streams it never saw start', () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    store.apply({ type: 'delta', streamId: 'other', seq: 7, content: 'lost' })
    expect(store.getSnapshot().size).toBe(0)
  })

  it('ends a stream as stopped or failed, keeping its text', () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    store.apply(start())
    store.apply(delta(1, 'partial'))
    const timings = { timeToFirstTokenMs: 10, totalMs: 20, tokensPerSecond: null }
    store.apply({ type: 'error', streamId, seq: 2, error: { kind: 'network', message: 'down' }, timings })
    expect(store.forMessage(messageId)).toMatchObject({ text: 'partial', status: 'error', error: { kind: 'network' } })
  })

  it('ends streaming answers as interrupted when the connection goes, and goes on from the server after', () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    for (const event of [start(), delta(1, 'Xin '), delta(2, 'chào')]) store.apply(event)
    store.interruptAll()
    expect(store.forMessage(messageId)).toMatchObject({ text: 'Xin chào', status: 'interrupted' })
    // Back: the server still streams it, with more text than this view saw; later events add to that.
    store.reattach([
      { streamId, conversationId, messageId, model: 'm', text: 'Xin chào bạn', reasoning: '', lastSeq: 6 },
    ])
    expect(store.forMessage(messageId)).toMatchObject({ text: 'Xin chào bạn', status: 'streaming', lastSeq: 6 })
    store.apply(delta(6, ' bạn'))
    store.apply(delta(7, '!'))
    expect(store.forMessage(messageId)).toMatchObject({ text: 'Xin chào bạn!', lastSeq: 7 })
  })

  it('keeps an interrupted answer ended when the server no longer streams it', () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    for (const event of [start(), delta(1, 'partial')]) store.apply(event)
    store.interruptAll()
    store.reattach([])
    expect(store.forMessage(messageId)).toMatchObject({ text: 'partial', status: 'interrupted' })
  })
})

describe('ChatStreamStore with several streams', () => {
  it('tells its views once a frame however many events came, its snapshot current at once', async () => {
    const store = new ChatStreamStore()
    store.attachAll([])
    let told = 0
    store.subscribe(() => told++)
    const other = (seq: number, content: string): ChatEvent => ({ type: 'delta', streamId: 'stream-2', seq, content })
    store.apply(start())
    store.apply({
      type: 'start',
      streamId: 'stream-2',
      seq: 0,
      model: 'gpt-4.1',
      conversationId,
      messageId: '00000000-0000-4000-8000-000000000003',
      initialText: '',
    })
    for (let seq = 1; seq <= 5; seq++) {
      store.apply(delta(seq, 'a'))
      store.apply(other(seq, 'b'))
    }
    expect(store.forMessage(messageId)?.text).toBe('aaaaa')
    expect(store.getSnapshot().get('stream-2')?.text).toBe('bbbbb')
    expect(told).toBe(0)
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(told).toBe(1)
    store.apply(delta(6, 'c'))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(told).toBe(2)
  })
})
