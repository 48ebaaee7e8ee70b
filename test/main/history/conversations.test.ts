import { afterEach, describe, expect, it } from 'vitest'
import { HistoryNotFoundError } from '../../../src/main/history/history-errors'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { useTempDirs } from '../../support/temp-dir'
import { openStore } from './history-fixtures'

const tempDir = useTempDirs()
let store: HistoryStore
afterEach(() => store.close())

function open() {
  const opened = openStore(tempDir())
  store = opened.store
  return opened
}

describe('HistoryStore conversations', () => {
  it('creates, gets and counts conversations', () => {
    open()
    const created = store.createConversation({ title: 'Kế hoạch', overrides: { model: 'gpt-4.1', temperature: 0.3 } })
    expect(created).toMatchObject({ title: 'Kế hoạch', pinned: false, messageCount: 0 })
    expect(created.overrides).toEqual({ model: 'gpt-4.1', temperature: 0.3 })
    expect(store.getConversation(created.id)).toEqual(created)
    expect(store.getConversation('00000000-0000-4000-8000-000000000000')).toBeNull()
    store.createConversation()
    expect(store.countConversations()).toBe(2)
  })

  it('lists pinned first, then most recently updated, page by page with a keyset cursor', () => {
    open()
    const made = Array.from({ length: 25 }, (_, index) => store.createConversation({ title: `c${index}` }))
    store.setPinned(made[3]!.id, true)
    store.setPinned(made[17]!.id, true)
    // A new message moves a conversation up.
    store.appendMessage(made[5]!.id, { role: 'user', content: 'hello', status: 'complete' })

    const seen: string[] = []
    let after = null
    let pages = 0
    do {
      const page = store.listConversations({ limit: 10, after })
      seen.push(...page.conversations.map((conversation) => conversation.title))
      after = page.nextCursor
      pages++
    } while (after)

    const unpinned = made
      .filter((_, index) => index !== 3 && index !== 17 && index !== 5)
      .map((conversation) => conversation.title)
      .reverse()
    expect(pages).toBe(3)
    expect(seen).toEqual(['c17', 'c3', 'c5', ...unpinned])
  })

  it('gives no cursor when the last page is exactly full', () => {
    open()
    for (let index = 0; index < 4; index++) store.createConversation()
    expect(store.listConversations({ limit: 4 }).nextCursor).toBeNull()
    expect(store.listConversations({ limit: 3 }).nextCursor).not.toBeNull()
  })

  it('renames, pins and sets overrides', () => {
    open()
    const { id } = store.createConversation()
    expect(store.renameConversation(id, 'Tên mới').title).toBe('Tên mới')
    expect(store.setPinned(id, true).pinned).toBe(true)
    expect(store.setPinned(id, false).pinned).toBe(false)
    expect(store.setOverrides(id, { systemPrompt: 'Trả lời ngắn gọn.' }).overrides).toEqual({
      systemPrompt: 'Trả lời ngắn gọn.',
    })
  })

  it('says which conversation does not exist', () => {
    open()
    const missing = '00000000-0000-4000-8000-000000000000'
    for (const attempt of [
      () => store.renameConversation(missing, 'x'),
      () => store.setPinned(missing, true),
      () => store.setOverrides(missing, {}),
      () => store.restoreConversation(missing),
      () => store.appendMessage(missing, { role: 'user', content: 'x', status: 'complete' }),
    ]) {
      expect(attempt).toThrow(HistoryNotFoundError)
      expect(attempt).toThrow(`The conversation ${missing} does not exist.`)
    }
  })

  it('soft-deletes (hidden everywhere, restorable) and purges for good after the delay', () => {
    open()
    const kept = store.createConversation({ title: 'kept' })
    const gone = store.createConversation({ title: 'gone' })
    const message = store.appendMessage(gone.id, { role: 'user', content: 'bí mật', status: 'complete' })

    store.deleteConversation(gone.id)
    expect(store.getConversation(gone.id)).toBeNull()
    expect(store.getMessage(message.id)).toBeNull()
    expect(store.listConversations({ limit: 10 }).conversations.map((c) => c.id)).toEqual([kept.id])
    expect(store.countConversations()).toBe(1)
    expect(store.search('bi mat', 10).hits).toEqual([])
    expect(() => store.renameConversation(gone.id, 'x')).toThrow(HistoryNotFoundError)

    expect(store.restoreConversation(gone.id)).toMatchObject({ id: gone.id, title: 'gone', messageCount: 1 })
    expect(store.search('bi mat', 10).hits).toHaveLength(1)
    expect(store.restoreConversation(gone.id).id).toBe(gone.id) // restoring a live one is harmless

    store.deleteConversation(gone.id)
    // The clock moves 1 ms per reading: nothing is old enough yet for a 1-hour delay.
    expect(store.purgeDeleted(60 * 60 * 1000)).toBe(0)
    expect(store.purgeDeleted(0)).toBe(1)
    expect(() => store.restoreConversation(gone.id)).toThrow(HistoryNotFoundError)
    expect(store.getMessage(message.id)).toBeNull()
    expect(store.search('bi mat', 10).hits).toEqual([])
    expect(store.countConversations()).toBe(1)
  })
})
