import { describe, expect, it } from 'vitest'
import type { Api } from '../../src/shared/api'
import type { StoredMessage } from '../../src/shared/history'
import { TranscriptStore } from '../../src/renderer/src/features/chat/transcript-store'

const conversationId = '00000000-0000-4000-8000-000000000001'

function message(index: number): StoredMessage {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    conversationId,
    role: index % 2 ? 'assistant' : 'user',
    content: `message ${index}`,
    reasoning: null,
    status: 'complete',
    errorKind: null,
    errorMessage: null,
    errorCause: null,
    model: null,
    usage: null,
    costUsd: null,
    timings: null,
    finishReason: null,
    createdAt: index,
    updatedAt: index,
  }
}

/** A conversation of `count` messages behind `history:messages`, recording each request's limit. */
function fakeApi(count: number) {
  const all = Array.from({ length: count }, (_, index) => message(index))
  const limits: number[] = []
  const api = {
    history: {
      messages: async (request: { limit: number; beforeMessageId: string | null }) => {
        limits.push(request.limit)
        const end = request.beforeMessageId ? all.findIndex((item) => item.id === request.beforeMessageId) : all.length
        const begin = Math.max(0, end - request.limit)
        return { ok: true, value: { messages: all.slice(begin, end), hasMore: begin > 0 } }
      },
    },
  } as unknown as Api
  return { api, all, limits }
}

describe('TranscriptStore', () => {
  it('opens at the newest page and puts older pages before it', async () => {
    const { api } = fakeApi(250)
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    expect(store.getSnapshot()).toMatchObject({ hasMore: true, loading: false })
    expect(
      store
        .getSnapshot()
        .messages.map((item) => item.content)
        .slice(0, 1),
    ).toEqual(['message 150'])
    await store.loadOlder()
    await store.loadOlder()
    expect(store.getSnapshot().messages).toHaveLength(250)
    expect(store.getSnapshot().hasMore).toBe(false)
    expect(await store.loadOlder()).toBe(false)
  })

  it('keeps older pages when the newest page is read again', async () => {
    const { api, all } = fakeApi(150)
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    await store.loadOlder()
    all.push(message(150))
    await store.refreshNewest()
    expect(store.getSnapshot().messages.map((item) => item.content)).toEqual(all.map((item) => item.content))
    expect(store.getSnapshot().hasMore).toBe(false)
  })

  it('drops the first message once main deleted it (the newest page is the whole conversation)', async () => {
    const { api, all } = fakeApi(4)
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    all.shift()
    await store.refreshNewest()
    expect(store.getSnapshot().messages.map((item) => item.content)).toEqual(all.map((item) => item.content))
  })

  it('takes a deleted message off at once, even from an older page', async () => {
    const { api, all } = fakeApi(150)
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    await store.loadOlder()
    store.remove(all[0]!.id)
    expect(store.getSnapshot().messages).toHaveLength(149)
    expect(store.getSnapshot().messages[0]!.content).toBe('message 1')
  })

  it('loads back to a search hit far up in large pages', async () => {
    const { api, all, limits } = fakeApi(10_000)
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    expect(await store.loadUntil(all[3]!.id)).toBe(true)
    expect(store.getSnapshot().messages).toHaveLength(10_000)
    expect(limits).toEqual([100, ...Array<number>(10).fill(1000)])
  })

  it('drops an answer for a conversation no longer open', async () => {
    const { api } = fakeApi(10)
    const store = new TranscriptStore(api)
    const opening = store.open(conversationId)
    await store.open(null)
    await opening
    expect(store.getSnapshot()).toMatchObject({ conversationId: null, messages: [] })
  })

  it('reads on in a message that came cut, slice by slice, until it is whole', async () => {
    const full = 'ệ'.repeat(2_300_000)
    const cut = { ...message(1), content: full.slice(0, 1_000_000), fullLength: { content: full.length, reasoning: 0 } }
    const offsets: number[] = []
    const api = {
      history: {
        messages: async () => ({ ok: true, value: { messages: [cut], hasMore: false } }),
        messageText: async (request: { offset: number; length: number }) => {
          offsets.push(request.offset)
          return {
            ok: true,
            value: { text: full.slice(request.offset, request.offset + request.length), fullLength: full.length },
          }
        },
      },
    } as unknown as Api
    const store = new TranscriptStore(api)
    await store.open(conversationId)
    await store.loadMoreText(cut.id)
    expect(store.getSnapshot().messages[0]!.content).toHaveLength(2_000_000)
    await store.loadMoreText(cut.id)
    await store.loadMoreText(cut.id)
    expect(store.getSnapshot().messages[0]!.content === full).toBe(true)
    expect(offsets).toEqual([1_000_000, 2_000_000])
  })
})
