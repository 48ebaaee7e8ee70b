/**
 * Large messages reach the renderer in bounded pages (issue 19, item 4): through the real dispatch
 * and a real SQLite file, a page of `history:messages` stops at its character budget, a text over
 * the per-message cap comes cut with its full length, and `history:messageText` gives the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { defaultPageLimits } from '../../src/main/history/message-pages'
import type { PagedMessage } from '../../src/shared/history'
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
    expect(cut.fullLength?.content).toBe(content.length)
    let text = cut.content
    while (text.length < cut.fullLength!.content) {
      const slice = (await core.dispatch('history:messageText', {
        messageId: message.id,
        field: 'content',
        offset: text.length,
        length: 1_000_000,
      })) as { ok: true; value: { text: string; fullLength: number } }
      expect(slice.value.fullLength).toBe(content.length)
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
