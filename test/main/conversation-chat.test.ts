/**
 * Chat as stored conversations, through the real core: dispatch validates, ConversationChat writes
 * the messages, ChatService streams from the fake gateway through the SDK, HistoryStore keeps it all
 * in a real SQLite file.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatEvent, ChatSendResponse } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { StoredMessage } from '../../src/shared/history'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { planReply } from '../fake-gateway/reply'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(options: { tokenDelayMs?: number; baseURL?: string; apiKey?: string | null } = {}) {
  const gateway: FakeGateway = await startFakeGateway({ tokenDelayMs: options.tokenDelayMs ?? 2 })
  cleanups.push(() => gateway.close())
  const dataDir = tempDir()
  const core = createTestCore({ dataDir })
  // In settings rather than the environment (which would win), so a test can change it.
  core.settings.set({ baseURL: options.baseURL ?? gateway.baseURL })
  // Stored after the base URL is set, as onboarding does: a key is bound to the gateway it was entered for.
  if (options.apiKey !== null) core.secrets.setKey(options.apiKey ?? gateway.apiKey)
  cleanups.push(() => core.shutdown())
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = (await core.dispatch(channel, payload)) as Result<T>
    if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`)
    return result.value
  }
  const ended = async (streamId: string) => {
    const deadline = Date.now() + 15_000
    for (;;) {
      const last = events.find(
        (event): event is ChatEvent =>
          'streamId' in event && event.streamId === streamId && (event.type === 'done' || event.type === 'error'),
      )
      if (last) return last
      if (Date.now() > deadline) throw new Error('stream did not end')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  const messages = async (conversationId: string) =>
    (
      await call<{ messages: StoredMessage[] }>('history:messages', {
        conversationId,
        limit: 100,
        beforeMessageId: null,
      })
    ).messages
  return { gateway, core, dataDir, events, call, ended, messages }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('conversations over the real core', () => {
  it('stores the question before asking, and the answer with usage when it ends', async () => {
    const { gateway, call, ended, messages } = await setup()
    const question = '[[tokens=30]] Xin chào, tiếng Việt nhé'
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: question })
    expect(sent.streamId).not.toBeNull()
    // The user message is already on disk when the request leaves.
    expect((await messages(sent.conversationId))[0]).toMatchObject({ role: 'user', content: question })
    await ended(sent.streamId!)

    const stored = await messages(sent.conversationId)
    expect(stored).toHaveLength(2)
    expect(stored[1]).toMatchObject({
      id: sent.assistantMessageId,
      role: 'assistant',
      status: 'complete',
      content: planReply(question, null).tokens.join(''),
      model: 'gpt-4.1',
      usage: { completionTokens: 30 },
    })
    expect(stored[1]!.timings?.totalMs).toBeGreaterThan(0)
    const conversation = await call<{ title: string; messageCount: number }>('history:get', {
      conversationId: sent.conversationId,
    })
    expect(conversation).toMatchObject({ title: question, messageCount: 2 })

    // The follow-up carries the whole conversation to the model.
    const followUp = await call<ChatSendResponse>('chat:send', {
      conversationId: sent.conversationId,
      content: 'và tiếp theo?',
    })
    await ended(followUp.streamId!)
    const body = gateway.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }> }
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user'])
  })

  it('writes a streaming answer in batches while it streams, and Stop keeps it as stopped', async () => {
    const { call, ended, messages, events } = await setup({ tokenDelayMs: 20 })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=400]] dài' })
    const streamed = () =>
      events
        .filter((event): event is ChatEvent => 'streamId' in event && event.streamId === sent.streamId)
        .map((event) => (event.type === 'delta' ? event.content : ''))
        .join('')
    // Wait until a batch has been written, and check it is the start of what the views received.
    const deadline = Date.now() + 10_000
    let partial: StoredMessage | undefined
    while (Date.now() < deadline) {
      partial = (await messages(sent.conversationId))[1]
      if (partial && partial.content.length > 20) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(partial).toMatchObject({ status: 'streaming' })
    expect(streamed().startsWith(partial!.content)).toBe(true)

    // A view that opens now re-attaches from what main holds.
    const [active] =
      await call<Array<{ streamId: string; messageId: string; text: string; lastSeq: number }>>('chat:active')
    expect(active).toMatchObject({ streamId: sent.streamId, messageId: sent.assistantMessageId })
    expect(streamed().startsWith(active!.text)).toBe(true)

    await call('chat:stop', { streamId: sent.streamId })
    await ended(sent.streamId!)
    const stopped = (await messages(sent.conversationId))[1]!
    expect(stopped.status).toBe('stopped')
    expect(stopped.content).toBe(streamed())
    expect(await call('chat:active')).toEqual([])
  })

  it('keeps the message as failed with the reason when the gateway is unreachable, and Retry answers it', async () => {
    const port = await closedPort()
    const offline = await setup({ baseURL: `http://127.0.0.1:${port}/v1` })
    const sent = await offline.call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Bạn có đó không?',
    })
    const end = await offline.ended(sent.streamId!)
    expect(end).toMatchObject({ type: 'error', error: { kind: 'network' } })
    const [question, answer] = await offline.messages(sent.conversationId)
    expect(question).toMatchObject({ role: 'user', content: 'Bạn có đó không?', status: 'complete' })
    // The cause is kept too, so the UI can word it in the user's language after a restart.
    expect(answer).toMatchObject({
      role: 'assistant',
      status: 'error',
      errorKind: 'network',
      errorCause: 'ECONNREFUSED',
      content: '',
    })

    // Online again (the gateway the settings point to now answers): Retry replaces the failed answer.
    await offline.call('settings:set', { baseURL: offline.gateway.baseURL })
    // Another origin (another port): the key is entered again for it, as the app asks.
    await offline.call('key:set', { key: offline.gateway.apiKey })
    const retried = await offline.call<ChatSendResponse>('chat:retry', { messageId: answer!.id })
    expect(retried).toMatchObject({ conversationId: sent.conversationId, userMessageId: null, error: null })
    await offline.ended(retried.streamId!)
    const after = await offline.messages(sent.conversationId)
    expect(after.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ])
    expect(after[1]!.content).toBe(planReply('Bạn có đó không?', null).tokens.join(''))
    expect(after[1]).toMatchObject({ errorKind: null, errorCause: null })
  })

  it('stores an answer that cannot start (no key) as an error naming the key', async () => {
    const { call, messages } = await setup({ apiKey: null })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'hello' })
    expect(sent.streamId).toBeNull()
    expect(sent.error).toMatchObject({ kind: 'no_key' })
    expect((await messages(sent.conversationId)).map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'error'],
    ])
  })

  it('refuses to send to, rename or pin a conversation that does not exist', async () => {
    const { core } = await setup()
    const missing = crypto.randomUUID()
    for (const [channel, payload] of [
      ['chat:send', { conversationId: missing, content: 'x' }],
      ['history:rename', { conversationId: missing, title: 'x' }],
      ['history:pin', { conversationId: missing, pinned: true }],
      ['history:restore', { conversationId: missing }],
      ['history:get', { conversationId: missing }],
    ] as const) {
      expect(await core.dispatch(channel, payload)).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    }
  })

  it('deletes with undo: hidden from the list at once, back after restore', async () => {
    const { call, ended } = await setup()
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'giữ lại' })
    await ended(sent.streamId!)
    const list = () =>
      call<{ conversations: Array<{ id: string }> }>('history:list', { limit: 50, after: null }).then((page) =>
        page.conversations.map((conversation) => conversation.id),
      )
    expect(await list()).toEqual([sent.conversationId])
    await call('history:delete', { conversationId: sent.conversationId })
    expect(await list()).toEqual([])
    await call('history:restore', { conversationId: sent.conversationId })
    expect(await list()).toEqual([sent.conversationId])
  })

  it('Continue appends to a broken answer in the same message, with the partial answer in the request', async () => {
    const { gateway, call, ended, messages } = await setup()
    const question = '[[drop=6]] Kể chuyện đi'
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: question })
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'error', error: { kind: 'stream_broken' } })
    const partial = planReply(question, null).tokens.slice(0, 6).join('')
    expect((await messages(sent.conversationId))[1]).toMatchObject({ status: 'error', content: partial })

    const continued = await call<ChatSendResponse>('chat:continue', { messageId: sent.assistantMessageId })
    expect(continued).toMatchObject({ assistantMessageId: sent.assistantMessageId, userMessageId: null })
    await ended(continued.streamId!)
    const body = gateway.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }> }
    expect(body.messages.slice(-2).map((message) => [message.role, message.content.slice(0, 30)])).toEqual([
      ['assistant', partial.slice(0, 30)],
      ['user', 'Continue your previous answer '],
    ])
    const [, answer, ...rest] = await messages(sent.conversationId)
    expect(rest).toEqual([])
    const continuation = planReply(body.messages.at(-1)!.content, null).tokens.join('')
    expect(answer).toMatchObject({ status: 'complete', errorKind: null, content: partial + continuation })
    // Indexed once, as one message (the question quoted in the answer matches too).
    const { hits } = await call<{ hits: Array<{ messageId: string }> }>('history:search', {
      query: 'ke chuyen',
      limit: 10,
    })
    expect(hits.map((hit) => hit.messageId).sort()).toEqual([sent.userMessageId, sent.assistantMessageId].sort())
  })

  it('stores a reasoning model’s thinking with its answer', async () => {
    const { call, ended, messages } = await setup()
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[reasoning=2]] [[tokens=3]] hm',
    })
    await ended(sent.streamId!)
    expect((await messages(sent.conversationId))[1]).toMatchObject({
      status: 'complete',
      reasoning: 'thinking-1 thinking-0 ',
    })
  })

  it('remembers an answer cut at the length limit, so it can be continued', async () => {
    const { core, call, ended, messages } = await setup()
    const conversation = core.history.createConversation({ overrides: { maxTokens: 5 } })
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: conversation.id,
      content: '[[tokens=50]] dài',
    })
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'done', finishReason: 'length' })
    const answer = (await messages(conversation.id))[1]!
    expect(answer).toMatchObject({ status: 'complete', finishReason: 'length' })
    const continued = await call<ChatSendResponse>('chat:continue', { messageId: answer.id })
    await ended(continued.streamId!)
    expect((await messages(conversation.id))[1]!.content.startsWith(answer.content)).toBe(true)
  })

  it('quitting mid-answer stops every stream and saves each partial answer as stopped', async () => {
    const { core, dataDir, call, events } = await setup({ tokenDelayMs: 15 })
    const first = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=500]] một' })
    const second = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=500]] hai' })
    const streamedOf = (streamId: string) =>
      events
        .filter((event): event is ChatEvent => 'streamId' in event && event.streamId === streamId)
        .map((event) => (event.type === 'delta' ? event.content : ''))
        .join('')
    const deadline = Date.now() + 10_000
    while (streamedOf(first.streamId!).length < 30 || streamedOf(second.streamId!).length < 30) {
      if (Date.now() > deadline) throw new Error('streams did not start')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await core.shutdown()

    const reopened = createTestCore({ dataDir })
    cleanups.push(() => reopened.shutdown())
    for (const sent of [first, second]) {
      const answer = reopened.history.getMessage(sent.assistantMessageId)
      expect(answer).toMatchObject({ status: 'stopped', content: streamedOf(sent.streamId!) })
      expect(answer!.content.length).toBeGreaterThanOrEqual(30)
    }
  })
})
