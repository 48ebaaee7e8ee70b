import { afterEach, describe, expect, it } from 'vitest'
import type { ConversationBundle } from '../../../src/main/history/history-api'
import type { HistoryStore } from '../../../src/main/history/history-store'
import type { MessageStatus } from '../../../src/shared/history'
import { useTempDirs } from '../../support/temp-dir'
import { finished, openStore } from './history-fixtures'

const tempDir = useTempDirs()
const stores: HistoryStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

function open(): HistoryStore {
  const { store } = openStore(tempDir())
  stores.push(store)
  return store
}

function fill(store: HistoryStore): string[] {
  return ['Một', 'Hai', 'Ba'].map((title, index) => {
    const conversation = store.createConversation({ title, overrides: { temperature: index / 2 } })
    store.appendMessage(conversation.id, { role: 'user', content: `Câu hỏi ${title}`, status: 'complete' })
    const answer = store.appendMessage(conversation.id, { role: 'assistant', content: '', status: 'streaming' })
    store.finishMessage(answer.id, finished(`Trả lời ${title}`))
    return conversation.id
  })
}

describe('export and import', () => {
  it('exports live conversations oldest first, one at a time', () => {
    const store = open()
    const [one, two, three] = fill(store)
    store.deleteConversation(two!)
    const iterator = store.exportBundles(null)[Symbol.iterator]()
    const first = iterator.next()
    if (first.done) throw new Error('nothing was exported')
    expect(first.value).toMatchObject({ conversation: { id: one, title: 'Một', overrides: { temperature: 0 } } })
    expect(first.value.conversation).not.toHaveProperty('messageCount')
    expect(first.value.messages.map((message) => message.content)).toEqual(['Câu hỏi Một', 'Trả lời Một'])
    const second = iterator.next()
    expect(second.done ? null : second.value.conversation.id).toBe(three)
    expect(iterator.next().done).toBe(true)
    expect([...store.exportBundles([three!, one!, two!, three!])].map((bundle) => bundle.conversation.id)).toEqual([
      one,
      three,
    ])
  })

  it('imports into another history as they were, searchable, reporting progress', () => {
    const source = open()
    fill(source)
    const bundles = [...source.exportBundles(null)]
    const target = open()
    const progress: number[] = []
    expect(target.importBundles(bundles, (done) => progress.push(done))).toEqual({ conversations: 3, messages: 6 })
    expect(progress).toEqual([1, 2, 3])
    expect([...target.exportBundles(null)]).toEqual(bundles)
    expect(target.search('tra loi hai', 10).hits).toHaveLength(1)
    expect(target.listConversations({ limit: 10 }).conversations.map((c) => c.messageCount)).toEqual([2, 2, 2])
  })

  it('gives fresh ids to what already exists and keeps each message with its conversation', () => {
    const store = open()
    fill(store)
    const bundles = [...store.exportBundles(null)]
    store.importBundles(bundles)
    expect(store.countConversations()).toBe(6)
    const originalIds = new Set(bundles.map((bundle) => bundle.conversation.id))
    const originalMessageIds = new Set(bundles.flatMap((bundle) => bundle.messages.map((message) => message.id)))
    const copies = [...store.exportBundles(null)].filter((bundle) => !originalIds.has(bundle.conversation.id))
    expect(copies.map((copy) => copy.conversation.title).sort()).toEqual(['Ba', 'Hai', 'Một'])
    for (const copy of copies) {
      const original = bundles.find((bundle) => bundle.conversation.title === copy.conversation.title)!
      expect(copy.messages.map((message) => message.content)).toEqual(
        original.messages.map((message) => message.content),
      )
      for (const message of copy.messages) {
        expect(message.conversationId).toBe(copy.conversation.id)
        expect(originalMessageIds.has(message.id)).toBe(false)
      }
    }
    expect(store.search('cau hoi mot', 10).hits).toHaveLength(2)
  })

  it('imports all or nothing', () => {
    const store = open()
    const source = open()
    fill(source)
    const bundles = [...source.exportBundles(null)]
    const broken: ConversationBundle = {
      ...bundles[1]!,
      messages: [bundles[1]!.messages[0]!, { ...bundles[1]!.messages[1]!, status: 'bogus' as MessageStatus }],
    }
    expect(() => store.importBundles([bundles[0]!, broken, bundles[2]!])).toThrow(/CHECK constraint failed/)
    expect(store.countConversations()).toBe(0)
    expect(store.search('cau hoi', 10).hits).toEqual([])
    // The failed import left nothing half-done: the same bundles import cleanly afterwards.
    expect(store.importBundles(bundles)).toEqual({ conversations: 3, messages: 6 })
  })

  it('imports an answer that was still streaming as interrupted', () => {
    const source = open()
    const conversation = source.createConversation()
    source.appendMessage(conversation.id, { role: 'assistant', content: 'nửa chừng', status: 'streaming' })
    const target = open()
    target.importBundles([...source.exportBundles(null)])
    const [bundle] = [...target.exportBundles(null)]
    expect(bundle!.messages[0]!.status).toBe('interrupted')
    expect(target.search('nua chung', 10).hits).toHaveLength(1)
  })
})
