/**
 * Edit and resend, regenerate and delete, through the real core: dispatch validates, the fake
 * gateway answers through the SDK, HistoryStore keeps it in a real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatEvent, ChatSendResponse } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { StoredMessage } from '../../src/shared/history'
import { startFakeGateway } from '../fake-gateway/server'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const gateway = await startFakeGateway({ tokenDelayMs: 2 })
  cleanups.push(() => gateway.close())
  const core = createTestCore({ dataDir: tempDir() })
  core.settings.set({ baseURL: gateway.baseURL })
  // Stored after the base URL is set, as onboarding does: a key is bound to the gateway it was entered for.
  core.secrets.setKey(gateway.apiKey)
  cleanups.push(() => core.shutdown())
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const dispatch = <T>(channel: string, payload?: unknown) => core.dispatch(channel, payload) as Promise<Result<T>>
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await dispatch<T>(channel, payload)
    if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`)
    return result.value
  }
  const ended = async (streamId: string) => {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      const end = events.find(
        (event): event is ChatEvent =>
          'streamId' in event && event.streamId === streamId && (event.type === 'done' || event.type === 'error'),
      )
      if (end) return end
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('stream did not end')
  }
  const messages = async (conversationId: string) =>
    (
      await call<{ messages: StoredMessage[] }>('history:messages', {
        conversationId,
        limit: 100,
        beforeMessageId: null,
      })
    ).messages
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
  return { core, dispatch, call, ended, messages, twoExchanges, events }
}

describe('message actions', () => {
  it('edit and resend replaces the question and everything after it with the new exchange', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, first } = await twoExchanges()
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
    expect(stored[1]!.content).toContain('Echo: “edited question”.')
    // The old messages are gone for good, search included.
    const found = await call<{ hits: unknown[] }>('history:search', { query: 'second', limit: 10 })
    expect(found.hits).toHaveLength(0)
  })

  it('refuses to edit an answer, an unknown message, or while an answer streams, changing nothing', async () => {
    const { call, dispatch, ended, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const before = await messages(conversationId)
    const ofAnswer = await dispatch('chat:edit', { messageId: second.assistantMessageId, content: 'x' })
    expect(ofAnswer).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    const unknown = await dispatch('chat:edit', { messageId: crypto.randomUUID(), content: 'x' })
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    const empty = await dispatch('chat:edit', { messageId: second.userMessageId, content: '   ' })
    expect(empty).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    expect(await messages(conversationId)).toEqual(before)

    const long = await call<ChatSendResponse>('chat:send', {
      conversationId,
      content: '[[tokens=400]] [[delay=5]] long',
    })
    const whileStreaming = await dispatch('chat:edit', { messageId: second.userMessageId, content: 'x' })
    expect(whileStreaming).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    await ended(long.streamId!)
    expect((await messages(conversationId)).length).toBe(before.length + 2)
  })

  it('regenerates a finished last answer in its place', async () => {
    const { call, ended, messages, twoExchanges } = await setup()
    const { conversationId, second } = await twoExchanges()
    const again = await call<ChatSendResponse>('chat:retry', { messageId: second.assistantMessageId })
    await ended(again.streamId!)
    const stored = await messages(conversationId)
    expect(stored).toHaveLength(4)
    expect(stored.some((message) => message.id === second.assistantMessageId)).toBe(false)
    expect(stored.at(-1)).toMatchObject({ id: again.assistantMessageId, role: 'assistant', status: 'complete' })
  })

  it('deletes one message and announces the change, but not an answer still streaming', async () => {
    const { call, dispatch, ended, messages, twoExchanges, events } = await setup()
    const { conversationId, first } = await twoExchanges()
    events.length = 0
    expect(await call('history:deleteMessage', { messageId: first.assistantMessageId })).toEqual({ deleted: true })
    expect((await messages(conversationId)).map((message) => message.content.slice(0, 15))).toEqual([
      'first question',
      'second question',
      expect.stringContaining('Echo'),
    ])
    expect(events).toContainEqual(expect.objectContaining({ type: 'history', change: 'conversation' }))
    expect(await call('history:deleteMessage', { messageId: first.assistantMessageId })).toEqual({ deleted: false })

    const long = await call<ChatSendResponse>('chat:send', {
      conversationId,
      content: '[[tokens=400]] [[delay=5]] long',
    })
    const refused = await dispatch('history:deleteMessage', { messageId: long.assistantMessageId })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    await ended(long.streamId!)
    const bad = await dispatch('history:deleteMessage', { messageId: 'not-a-uuid' })
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
  })
})
