/**
 * Edit and resend, regenerate and delete, through the real core: dispatch validates, the fake
 * gateway answers through the SDK, HistoryStore keeps it in a real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatSendResponse } from '../../src/shared/chat'
import { startChatSession } from '../support/chat-session'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const session = await startChatSession(tempDir(), cleanups)
  const { call, ended } = session
  /** A conversation of two finished exchanges. */
  const twoExchanges = async () => {
    const first = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'first question' })
    await ended(first.streamId!)
    const second = await call<ChatSendResponse>('chat:send', {
      conversationId: first.conversationId,
      content: 'second question',
    })
    await ended(second.streamId!)
    return { conversationId: first.conversationId, first, second }
  }
  return { ...session, twoExchanges }
}

describe('message actions', () => {
  it('edit and resend adds a sibling question with its answer; the old branch stays whole, one switch away', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, first, second } = await twoExchanges()
    const before = await messages(conversationId)
    const edited = await call<ChatSendResponse>('chat:edit', {
      messageId: first.userMessageId,
      content: 'edited question',
    })
    expect(edited.conversationId).toBe(conversationId)
    await ended(edited.streamId!)
    const stored = await messages(conversationId)
    expect(stored.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ])
    expect(stored[0]!.content).toBe('edited question')
    expect(stored[0]!.versions).toEqual({ index: 1, count: 2, previousId: first.userMessageId, nextId: null })
    // The model saw the edited question only, not the old branch.
    expect(stored[1]!.content).toContain('Echo: “edited question”.')
    // Nothing was deleted: the old question, its answers and what followed are searchable and shown again on switch.
    const found = await call<{ hits: Array<{ messageId: string }> }>('history:search', { query: 'second', limit: 10 })
    expect(found.hits.map((hit) => hit.messageId)).toContain(second.userMessageId)
    const shown = await call<{ leafId: string }>('history:showMessage', { messageId: first.userMessageId })
    expect(shown.leafId).toBe(second.assistantMessageId)
    const old = await messages(conversationId)
    expect(old.map(({ versions: _versions, ...message }) => message)).toEqual(
      before.map(({ versions: _versions, ...message }) => message),
    )
    expect(old[0]!.versions).toEqual({ index: 0, count: 2, previousId: null, nextId: edited.userMessageId })
  })

  it('edits a question in the middle: the new question hangs beside it, under the same answer', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, first, second } = await twoExchanges()
    const edited = await call<ChatSendResponse>('chat:edit', { messageId: second.userMessageId, content: 'other' })
    await ended(edited.streamId!)
    const stored = await messages(conversationId)
    expect(stored.map((message) => message.id).slice(0, 3)).toEqual([
      first.userMessageId,
      first.assistantMessageId,
      edited.userMessageId,
    ])
    // The prompt was the path from the root: the first exchange, then the edited question.
    expect(stored[3]!.content).toContain('Echo: “other”.')
    expect(stored[2]!.versions).toMatchObject({ index: 1, count: 2 })
  })

  it('refuses to edit an answer, an unknown message, or with empty text, changing nothing', async () => {
    const { dispatch, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const before = await messages(conversationId)
    const ofAnswer = await dispatch('chat:edit', { messageId: second.assistantMessageId, content: 'x' })
    expect(ofAnswer).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    const unknown = await dispatch('chat:edit', { messageId: crypto.randomUUID(), content: 'x' })
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    const empty = await dispatch('chat:edit', { messageId: second.userMessageId, content: '   ' })
    expect(empty).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    expect(await messages(conversationId)).toEqual(before)
  })

  it('regenerates three times into four versions, and switching shows each one, remembered', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const versions = [second.assistantMessageId]
    for (let time = 0; time < 3; time++) {
      const again = await call<ChatSendResponse>('chat:retry', { messageId: versions.at(-1)! })
      await ended(again.streamId!)
      versions.push(again.assistantMessageId)
    }
    const stored = await messages(conversationId)
    expect(stored).toHaveLength(4)
    expect(stored.at(-1)).toMatchObject({
      id: versions[3],
      status: 'complete',
      versions: { index: 3, count: 4, previousId: versions[2], nextId: null },
    })
    // Each version answered the same prompt: the path above it.
    expect(stored.at(-1)!.content).toContain('Echo: “second question”.')
    for (const [index, id] of versions.entries()) {
      await call('history:showMessage', { messageId: id })
      const shown = await messages(conversationId)
      expect(shown.at(-1)).toMatchObject({
        id,
        versions: { index, count: 4, previousId: versions[index - 1] ?? null, nextId: versions[index + 1] ?? null },
      })
      expect(shown.slice(0, 3)).toEqual(stored.slice(0, 3))
    }
    const usage = await call<{ answers: number }>('usage:conversation', { conversationId })
    expect(usage.answers).toBe(5)
  })

  it('deletes a message and everything below it, and Undo brings the subtree back', async () => {
    const { call, messages, twoExchanges, events } = await setup()
    const { conversationId, first, second } = await twoExchanges()
    const before = await messages(conversationId)
    events.length = 0
    expect(await call('history:deleteMessage', { messageId: first.assistantMessageId })).toEqual({ deleted: true })
    expect((await messages(conversationId)).map((message) => message.id)).toEqual([first.userMessageId])
    expect(events).toContainEqual(expect.objectContaining({ type: 'history', change: 'conversation' }))
    expect((await call<{ messageCount: number }>('history:get', { conversationId })).messageCount).toBe(1)
    const search = () => call<{ hits: unknown[] }>('history:search', { query: 'second', limit: 10 })
    expect((await search()).hits).toEqual([])
    expect(await call('history:deleteMessage', { messageId: second.userMessageId })).toEqual({ deleted: false })

    expect(await call('history:restoreMessage', { messageId: first.assistantMessageId })).toEqual({ restored: true })
    expect(await messages(conversationId)).toEqual(before)
    expect((await call<{ messageCount: number }>('history:get', { conversationId })).messageCount).toBe(4)
    expect((await search()).hits).toHaveLength(2)
  })

  it('refuses to bring a message back under a question deleted since (another window), changing nothing', async () => {
    const { call, messages, twoExchanges } = await setup()
    const { conversationId, first, second } = await twoExchanges()
    expect(await call('history:deleteMessage', { messageId: second.assistantMessageId })).toEqual({ deleted: true })
    expect(await call('history:deleteMessage', { messageId: second.userMessageId })).toEqual({ deleted: true })
    const shown = await messages(conversationId)
    // Undo of the answer alone: its question is gone, so there is nothing to hang it under.
    await expect(call('history:restoreMessage', { messageId: second.assistantMessageId })).rejects.toThrow(/not_found/)
    expect(await messages(conversationId)).toEqual(shown)
    expect(shown.map((message) => message.id)).toEqual([first.userMessageId, first.assistantMessageId])
    expect((await call<{ messageCount: number }>('history:get', { conversationId })).messageCount).toBe(2)
  })

  it('deleting a shown version shows the one before it; other versions stay', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const again = await call<ChatSendResponse>('chat:retry', { messageId: second.assistantMessageId })
    await ended(again.streamId!)
    await call('history:deleteMessage', { messageId: again.assistantMessageId })
    const shown = await messages(conversationId)
    expect(shown.at(-1)!.id).toBe(second.assistantMessageId)
    expect(shown.at(-1)!.versions).toBeUndefined()
  })

  it('refuses to delete while an answer below streams, and bad ids', async () => {
    const { call, dispatch, ended, twoExchanges } = await setup()
    const { conversationId } = await twoExchanges()
    const long = await call<ChatSendResponse>('chat:send', {
      conversationId,
      content: '[[tokens=400]] [[delay=5]] long',
    })
    const refused = await dispatch('history:deleteMessage', { messageId: long.userMessageId })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    await ended(long.streamId!)
    const bad = await dispatch('history:deleteMessage', { messageId: 'not-a-uuid' })
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    const gone = await dispatch('history:showMessage', { messageId: crypto.randomUUID() })
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('continues an answer on a branch that is not shown, and shows that branch', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const cut = await call<ChatSendResponse>('chat:retry', { messageId: second.assistantMessageId })
    await ended(cut.streamId!)
    await call('history:showMessage', { messageId: second.assistantMessageId })
    const continued = await call<ChatSendResponse>('chat:continue', { messageId: cut.assistantMessageId })
    expect(continued.assistantMessageId).toBe(cut.assistantMessageId)
    await ended(continued.streamId!)
    const shown = await messages(conversationId)
    expect(shown.at(-1)!.id).toBe(cut.assistantMessageId)
    expect(shown.at(-1)!.versions).toMatchObject({ index: 1, count: 2 })
  })
})
