/**
 * Large messages reach the renderer in bounded pages (issue 19, item 4): through the real dispatch
 * and a real SQLite file, a page of `history:messages` stops at its character budget, a text over
 * the per-message cap comes cut with its full length, and `history:messageText` gives the rest.
 */
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { defaultPageLimits } from '../../src/main/history/message-pages'
import { textLength, type PagedMessage } from '../../src/shared/history'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
let core: Core

beforeEach(() => {
  core = createTestCore({ dataDir: tempDir() })
})
afterEach(async () => {
  await core.shutdown()
})

type Page = { ok: true; value: { messages: PagedMessage[]; hasMore: boolean } }

describe('history:messages for large messages', () => {
  it('bounds a page by characters, keeps hasMore, and pages through every message once', async () => {
    const { id } = core.history.createConversation({ title: 'big' })
    const sizes = [10, 1_500_000, 20, 900_000, 900_000, 900_000, 30, 900_000, 40]
    const stored = sizes.map((size, index) =>
      core.history.appendMessage(id, {
        role: index % 2 ? 'assistant' : 'user',
        content: String(index % 10).repeat(size),
        status: 'complete',
      }),
    )
    const seen: PagedMessage[] = []
    let before: string | null = null
    let pages = 0
    for (let hasMore = true; hasMore; pages++) {
      const page = (await core.dispatch('history:messages', {
        conversationId: id,
        limit: 100,
        beforeMessageId: before,
      })) as Page
      expect(page.ok).toBe(true)
      const chars = page.value.messages.reduce((sum, message) => sum + message.content.length, 0)
      expect(chars).toBeLessThanOrEqual(defaultPageLimits.maxPageChars)
      seen.unshift(...page.value.messages)
      hasMore = page.value.hasMore
      before = page.value.messages[0]!.id
    }
    expect(pages).toBeGreaterThan(1)
    expect(seen.map((message) => message.id)).toEqual(stored.map((message) => message.id))
    // The 1.5-million-character message came cut, saying how long it is.
    const big = seen[1]!
    expect(big.content.length).toBe(defaultPageLimits.maxMessageChars)
    expect(big.fullLength).toEqual({ content: 1_500_000, reasoning: 0 })
    expect(seen.filter((message) => message.fullLength)).toHaveLength(1)
  })

  it('gives a cut message’s whole text in slices', async () => {
    const { id } = core.history.createConversation({ title: 'huge' })
    const characters = [...'abcdệ🐑']
    const content = Array.from({ length: 1_500_000 }, (_, index) => characters[index % 6]).join('')
    const message = core.history.appendMessage(id, { role: 'assistant', content, status: 'complete' })
    const page = (await core.dispatch('history:messages', {
      conversationId: id,
      limit: 10,
      beforeMessageId: null,
    })) as Page
    const cut = page.value.messages[0]!
    // Lengths and offsets count code points (SQLite's characters): the sheep is one.
    expect(cut.fullLength?.content).toBe(1_500_000)
    let text = cut.content
    while (textLength(text) < cut.fullLength!.content) {
      const slice = (await core.dispatch('history:messageText', {
        messageId: message.id,
        field: 'content',
        offset: textLength(text),
        length: 1_000_000,
      })) as { ok: true; value: { text: string; fullLength: number } }
      expect(slice.value.fullLength).toBe(1_500_000)
      text += slice.value.text
    }
    expect(text === content).toBe(true)
    expect(
      await core.dispatch('history:messageText', {
        messageId: message.id,
        field: 'content',
        offset: 0,
        length: 2_000_000,
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid_payload' },
    })
  })
})

/** A connection that notes the longest string any statement hands to main. */
function recordingConnection(note: (length: number) => void) {
  const noteRow = (row: unknown) => {
    if (row && typeof row === 'object')
      for (const value of Object.values(row)) if (typeof value === 'string') note(value.length)
    return row
  }
  return (path: string, options?: { readOnly: boolean }) => {
    const db = new DatabaseSync(path, { readOnly: options?.readOnly ?? false })
    const prepare = db.prepare.bind(db)
    db.prepare = (sql: string) => {
      const statement = prepare(sql)
      const all = statement.all.bind(statement)
      const get = statement.get.bind(statement)
      statement.all = (...parameters: never[]) => all(...parameters).map(noteRow) as ReturnType<typeof all>
      statement.get = (...parameters: never[]) => noteRow(get(...parameters)) as ReturnType<typeof get>
      return statement
    }
    return db
  }
}

describe('a giant row is cut inside SQLite, never read whole into main', () => {
  it('pages and slices of a 3-million-character row are right, and no statement returns more than the cut', async () => {
    await core.shutdown()
    let longest = 0
    core = createTestCore({
      dataDir: tempDir(),
      openHistoryDatabase: recordingConnection((length) => (longest = Math.max(longest, length))),
    })
    const { id } = core.history.createConversation({ title: 'giant' })
    const characters = [...'abcdệ🐑']
    const content = Array.from({ length: 3_000_000 }, (_, index) => characters[index % 6]).join('')
    const reasoning = 'r'.repeat(1_200_000)
    const message = core.history.appendMessage(id, { role: 'assistant', content, reasoning, status: 'complete' })
    longest = 0

    const page = (await core.dispatch('history:messages', {
      conversationId: id,
      limit: 10,
      beforeMessageId: null,
    })) as Page
    const cut = page.value.messages[0]!
    expect(cut.fullLength).toEqual({ content: 3_000_000, reasoning: 1_200_000 })
    expect(textLength(cut.content)).toBe(defaultPageLimits.maxMessageChars)
    expect(content.startsWith(cut.content)).toBe(true)
    expect(cut.reasoning).toBe('r'.repeat(defaultPageLimits.maxMessageChars))

    const slice = async (field: 'content' | 'reasoning', offset: number) =>
      (
        (await core.dispatch('history:messageText', { messageId: message.id, field, offset, length: 1_000_000 })) as {
          ok: true
          value: { text: string; fullLength: number }
        }
      ).value
    let text = cut.content
    for (let offset = textLength(text); offset < 3_000_000; offset += 1_000_000)
      text += (await slice('content', offset)).text
    expect(text === content).toBe(true)
    expect(await slice('reasoning', 1_000_000)).toEqual({ text: 'r'.repeat(200_000), fullLength: 1_200_000 })
    expect(await slice('content', 3_000_000)).toEqual({ text: '', fullLength: 3_000_000 })
    // 1,000,000 code points are at most 2,000,000 UTF-16 units (here about 1,170,000); the row is 3,500,000.
    expect(longest).toBeGreaterThan(0)
    expect(longest).toBeLessThanOrEqual(2 * defaultPageLimits.maxMessageChars)
    expect(longest).toBeLessThan(content.length)
  })
})
