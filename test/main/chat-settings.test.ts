/**
 * Settings and per-conversation overrides as the gateway sees them: the real core, the real SDK,
 * the fake gateway recording each request body; usage and cost as stored with each answer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ChatEvent, ChatSendResponse } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { Conversation, StoredMessage } from '../../src/shared/history'
import type { UsageTotals } from '../../src/shared/usage'
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
  cleanups.push(() => core.shutdown())
  core.settings.set({ baseURL: gateway.baseURL })
  // Stored after the base URL is set, as onboarding does: a key is bound to the gateway it was entered for.
  core.secrets.setKey(gateway.apiKey)
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = (await core.dispatch(channel, payload)) as Result<T>
    if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`)
    return result.value
  }
  const ended = async (streamId: string, timeoutMs = 15_000): Promise<ChatEvent> => {
    const deadline = Date.now() + timeoutMs
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
  const answerOf = async (conversationId: string) => {
    const { messages } = await call<{ messages: StoredMessage[] }>('history:messages', {
      conversationId,
      limit: 10,
      beforeMessageId: null,
    })
    return messages.at(-1)!
  }
  const chatBodies = () =>
    gateway.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body)
  return { gateway, core, call, ended, answerOf, chatBodies }
}

describe('settings and overrides in the request the gateway receives', () => {
  it('sends the defaults, then the conversation’s overrides in their place', async () => {
    const { call, ended, chatBodies } = await setup()
    await call('settings:set', {
      defaultModel: 'gpt-4.1',
      temperature: 0.5,
      topP: 0.8,
      maxTokens: 300,
      systemPrompt: 'Be brief.',
    })
    const first = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'Xin chào' })
    await ended(first.streamId!)
    expect(chatBodies().at(-1)).toMatchObject({
      model: 'gpt-4.1',
      temperature: 0.5,
      top_p: 0.8,
      max_tokens: 300,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Xin chào' },
      ],
    })

    const overridden = await call<Conversation>('history:setOverrides', {
      conversationId: first.conversationId,
      overrides: { model: 'deepseek-v3.2', temperature: 0.1, maxTokens: 42, systemPrompt: 'Trả lời bằng tiếng Việt.' },
    })
    expect(overridden.overrides.model).toBe('deepseek-v3.2')
    const second = await call<ChatSendResponse>('chat:send', { conversationId: first.conversationId, content: 'Tiếp' })
    await ended(second.streamId!)
    const body = chatBodies().at(-1) as { messages: Array<{ role: string; content: string }> }
    expect(body).toMatchObject({ model: 'deepseek-v3.2', temperature: 0.1, max_tokens: 42, top_p: 0.8 })
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Trả lời bằng tiếng Việt.' })
    expect(body.messages.filter((message) => message.role === 'system')).toHaveLength(1)
  })

  it('starts a new conversation with the overrides sent with its first message, and refuses them later', async () => {
    const { call, ended, chatBodies } = await setup()
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Translate: good morning',
      overrides: { systemPrompt: 'Translate into Vietnamese.', temperature: 0.3 },
    })
    await ended(sent.streamId!)
    expect(chatBodies().at(-1)).toMatchObject({
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'Translate into Vietnamese.' },
        { role: 'user', content: 'Translate: good morning' },
      ],
    })
    const conversation = await call<Conversation>('history:get', { conversationId: sent.conversationId })
    expect(conversation.overrides).toEqual({ systemPrompt: 'Translate into Vietnamese.', temperature: 0.3 })
    const refused = await (async () => {
      try {
        await call('chat:send', { conversationId: sent.conversationId, content: 'x', overrides: { temperature: 1 } })
        return null
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(refused).toContain('invalid_payload')
    expect(
      (await call<Conversation>('history:get', { conversationId: sent.conversationId })).overrides.temperature,
    ).toBe(0.3)
  })

  it('applies a changed concurrency cap to the next send', async () => {
    const { call, ended } = await setup()
    await call('settings:set', { maxConcurrentStreams: 1 })
    const slow = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=200]] slow' })
    const refused = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'second' })
    expect(refused.streamId).toBeNull()
    expect(refused.error).toMatchObject({ kind: 'busy', message: expect.stringContaining('1 answers') })
    await call('chat:stop', { streamId: slow.streamId })
    await ended(slow.streamId!)
  })

  it('applies a changed idle timeout to the next stream', async () => {
    const { call, ended } = await setup()
    await call('settings:set', { idleTimeoutSeconds: 5 })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[stall=2]] quiet' })
    const last = await ended(sent.streamId!, 20_000)
    expect(last).toMatchObject({ type: 'error', error: { kind: 'timeout', message: expect.stringContaining('5 s') } })
  }, 30_000)
})

describe('usage and cost stored with each answer', () => {
  it('keeps the reported usage and prices it from the table', async () => {
    const { call, ended, answerOf } = await setup()
    await call('settings:set', {
      prices: { 'gpt-4.1': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 } },
    })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=25]] hi' })
    await ended(sent.streamId!)
    const answer = await answerOf(sent.conversationId)
    expect(answer.usage?.estimated).toBeUndefined()
    const { promptTokens, completionTokens } = answer.usage!
    expect(completionTokens).toBe(25)
    expect(answer.costUsd).toBeCloseTo((promptTokens * 2 + completionTokens * 8) / 1e6, 12)
    expect(await call<UsageTotals>('usage:conversation', { conversationId: sent.conversationId })).toMatchObject({
      answers: 1,
      promptTokens,
      completionTokens,
      estimatedAnswers: 0,
    })
  })

  it('estimates the tokens (four characters a token) when the provider sends no usage, and says so', async () => {
    const { call, ended, answerOf } = await setup()
    const question = '[[no-usage=1]] [[tokens=12]] đếm giúp tôi'
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: question })
    const done = await ended(sent.streamId!)
    expect(done).toMatchObject({ type: 'done', usage: null })
    const answer = await answerOf(sent.conversationId)
    expect(answer.usage).toEqual({
      promptTokens: Math.ceil(question.length / 4),
      completionTokens: Math.ceil(answer.content.length / 4),
      totalTokens: Math.ceil(question.length / 4) + Math.ceil(answer.content.length / 4),
      estimated: true,
    })
    expect(answer.costUsd).toBeCloseTo((answer.usage!.promptTokens * 2 + answer.usage!.completionTokens * 8) / 1e6, 12)
  })

  it('adds a continued answer’s tokens and cost to the part it continues', async () => {
    const { call, ended, answerOf } = await setup()
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[drop=6]] [[tokens=30]] hi',
    })
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'error', error: { kind: 'stream_broken' } })
    const broken = await answerOf(sent.conversationId)
    // The drop came before any usage chunk: the partial answer's tokens are estimated.
    expect(broken.usage).toMatchObject({ estimated: true, completionTokens: Math.ceil(broken.content.length / 4) })
    const continued = await call<ChatSendResponse>('chat:continue', { messageId: broken.id })
    const done = await ended(continued.streamId!)
    if (done.type !== 'done' || !done.usage) throw new Error('the continuation should end with usage')
    const whole = await answerOf(sent.conversationId)
    expect(whole.id).toBe(broken.id)
    expect(whole.usage).toEqual({
      promptTokens: broken.usage!.promptTokens + done.usage.promptTokens,
      completionTokens: broken.usage!.completionTokens + done.usage.completionTokens,
      totalTokens: broken.usage!.totalTokens + done.usage.totalTokens,
      estimated: true,
    })
    expect(whole.costUsd).toBeCloseTo(
      broken.costUsd! + (done.usage.promptTokens * 2 + done.usage.completionTokens * 8) / 1e6,
      12,
    )
  })

  it('leaves the cost empty for a model without a price', async () => {
    const { call, ended, answerOf } = await setup()
    await call('settings:set', { prices: {} })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: 'hi' })
    await ended(sent.streamId!)
    expect((await answerOf(sent.conversationId)).costUsd).toBeNull()
  })
})

describe('the answer limits in Settings, through the whole core', () => {
  it('stores an answer cut at maxAnswerChars as too_large, the text a prefix of exactly the cap', async () => {
    const { core, call, ended, answerOf } = await setup()
    core.settings.set({ maxAnswerChars: 10_000 })
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[big-deltas=4096]] go' })
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'error', error: { kind: 'too_large' } })
    const answer = await answerOf(sent.conversationId)
    expect(answer).toMatchObject({ status: 'error', errorKind: 'too_large', content: 'b'.repeat(10_000) })
  })

  it('ends an answer past totalTimeoutSeconds as timeout, stored with its partial, and frees the slot', async () => {
    const { core, call, ended, answerOf } = await setup()
    core.settings.set({ totalTimeoutSeconds: 30, maxConcurrentStreams: 1 })
    // The shortest limit Settings allows is 30 s; a clock of its own would not be the real path, so the
    // gateway pings for longer than that (one token, then only pings).
    const sent = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[ping-forever=1]] hi' })
    expect(await ended(sent.streamId!, 40_000)).toMatchObject({ type: 'error', error: { kind: 'timeout' } })
    const answer = await answerOf(sent.conversationId)
    expect(answer).toMatchObject({ status: 'error', errorKind: 'timeout' })
    expect(answer.content.length).toBeGreaterThan(0)
    expect(core.chat.activeStreamCount).toBe(0)
    // The slot is free: the next answer streams.
    const next = await call<ChatSendResponse>('chat:send', { conversationId: null, content: '[[tokens=3]] again' })
    expect(await ended(next.streamId!)).toMatchObject({ type: 'done' })
  }, 60_000)
})
