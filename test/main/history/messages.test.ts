import { afterEach, describe, expect, it } from 'vitest'
import { HistoryNotFoundError } from '../../../src/main/history/history-errors'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { titleFromMessage } from '../../../src/main/history/title'
import { useTempDirs } from '../../support/temp-dir'
import { finished, openStore } from './history-fixtures'

const tempDir = useTempDirs()
let store: HistoryStore
afterEach(() => store.close())

function open(dir = tempDir()) {
  const opened = openStore(dir)
  store = opened.store
  return opened
}

describe('HistoryStore messages', () => {
  it('appends, bumps updatedAt and counts', () => {
    open()
    const conversation = store.createConversation()
    const message = store.appendMessage(conversation.id, { role: 'user', content: 'Xin chào', status: 'complete' })
    expect(message).toMatchObject({
      conversationId: conversation.id,
      role: 'user',
      content: 'Xin chào',
      status: 'complete',
      reasoning: null,
      usage: null,
      timings: null,
    })
    expect(store.getMessage(message.id)).toEqual(message)
    const after = store.getConversation(conversation.id)!
    expect(after.updatedAt).toBeGreaterThan(conversation.updatedAt)
    expect(after.messageCount).toBe(1)
  })

  it('titles an untitled conversation from its first user message only', () => {
    open()
    const conversation = store.createConversation()
    store.appendMessage(conversation.id, { role: 'system', content: 'You are terse.', status: 'complete' })
    expect(store.getConversation(conversation.id)!.title).toBe('')
    store.appendMessage(conversation.id, {
      role: 'user',
      content: '\n   \n  Dịch giúp tôi  \nđoạn này',
      status: 'complete',
    })
    store.appendMessage(conversation.id, { role: 'user', content: 'second', status: 'complete' })
    expect(store.getConversation(conversation.id)!.title).toBe('Dịch giúp tôi')

    const named = store.createConversation({ title: 'Chosen' })
    store.appendMessage(named.id, { role: 'user', content: 'other', status: 'complete' })
    expect(store.getConversation(named.id)!.title).toBe('Chosen')
  })

  it('cuts a long title to 80 characters with an ellipsis, never inside an emoji', () => {
    expect(titleFromMessage('a'.repeat(80))).toBe('a'.repeat(80))
    const cut = titleFromMessage(`${'ế'.repeat(78)}😀😀😀`)
    expect(Array.from(cut)).toHaveLength(80)
    expect(cut).toBe(`${'ế'.repeat(78)}😀…`)
    expect(titleFromMessage('   ')).toBe('')
  })

  it('streams cheaply, then finishes with usage and timings', () => {
    open()
    const conversation = store.createConversation()
    const answer = store.appendMessage(conversation.id, {
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: 'gpt-4.1',
    })
    store.updateStreamingMessage(answer.id, 'Một', null)
    store.updateStreamingMessage(answer.id, 'Một hai', 'thinking')
    expect(store.getMessage(answer.id)).toMatchObject({
      content: 'Một hai',
      reasoning: 'thinking',
      status: 'streaming',
    })
    expect(store.search('hai', 10).hits).toEqual([]) // not searchable while streaming

    const done = store.finishMessage(answer.id, finished('Một hai ba'))
    expect(done).toMatchObject({
      content: 'Một hai ba',
      status: 'complete',
      model: 'gpt-4.1',
      usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 },
      costUsd: 0.0012,
      timings: { timeToFirstTokenMs: 120, totalMs: 900, tokensPerSecond: 25.5 },
    })
    expect(store.getMessage(answer.id)).toEqual(done)
    expect(store.search('hai', 10).hits.map((hit) => hit.messageId)).toEqual([answer.id])

    // A late batch does not overwrite the finished text; finishing again replaces the indexed text.
    store.updateStreamingMessage(answer.id, 'late', null)
    expect(store.getMessage(answer.id)!.content).toBe('Một hai ba')
    store.finishMessage(answer.id, finished('Bốn', { status: 'error', errorKind: 'network', errorMessage: 'offline' }))
    expect(store.search('hai', 10).hits).toEqual([])
    expect(store.search('bon', 10).hits).toHaveLength(1)
    expect(store.getMessage(answer.id)).toMatchObject({
      status: 'error',
      errorKind: 'network',
      errorMessage: 'offline',
    })

    expect(() => store.finishMessage('00000000-0000-4000-8000-000000000000', finished('x'))).toThrow(
      HistoryNotFoundError,
    )
  })

  it('pages through a conversation backwards, each page oldest first', () => {
    open()
    const conversation = store.createConversation()
    const ids = Array.from(
      { length: 25 },
      (_, index) => store.appendMessage(conversation.id, { role: 'user', content: `m${index}`, status: 'complete' }).id,
    )
    const newest = store.listMessages(conversation.id, { limit: 10 })
    expect(newest.messages.map((message) => message.content)).toEqual(
      Array.from({ length: 10 }, (_, index) => `m${15 + index}`),
    )
    expect(newest.hasMore).toBe(true)
    const middle = store.listMessages(conversation.id, { limit: 10, beforeMessageId: ids[15] })
    expect(middle.messages.map((message) => message.content)[0]).toBe('m5')
    expect(middle.hasMore).toBe(true)
    const oldest = store.listMessages(conversation.id, { limit: 10, beforeMessageId: ids[5] })
    expect(oldest.messages.map((message) => message.content)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])
    expect(oldest.hasMore).toBe(false)
    expect(() => store.listMessages(conversation.id, { limit: 10, beforeMessageId: conversation.id })).toThrow(
      HistoryNotFoundError,
    )
  })

  it('deletes a message, from the count and from search', () => {
    open()
    const conversation = store.createConversation()
    const message = store.appendMessage(conversation.id, { role: 'user', content: 'xóa tôi', status: 'complete' })
    store.deleteMessage(message.id)
    store.deleteMessage(message.id) // twice is harmless
    expect(store.getMessage(message.id)).toBeNull()
    expect(store.getConversation(conversation.id)!.messageCount).toBe(0)
    expect(store.search('xoa', 10).hits).toEqual([])
  })

  it('turns answers left streaming by a killed app into interrupted ones, searchable', () => {
    const dir = tempDir()
    open(dir)
    const conversation = store.createConversation()
    const answer = store.appendMessage(conversation.id, { role: 'assistant', content: '', status: 'streaming' })
    store.updateStreamingMessage(answer.id, 'Câu trả lời dở dang', null)
    store.close() // the next start-up finds it still streaming

    open(dir)
    expect(store.markInterruptedStreams()).toBe(1)
    expect(store.getMessage(answer.id)).toMatchObject({ status: 'interrupted', content: 'Câu trả lời dở dang' })
    expect(store.search('do dang', 10).hits.map((hit) => hit.messageId)).toEqual([answer.id])
    expect(store.markInterruptedStreams()).toBe(0)
  })

  it('closes once, however often it is asked', () => {
    open()
    store.close()
    store.close()
  })
})
