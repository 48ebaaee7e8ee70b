/**
 * Compare through the real core: one question to three models of the fake gateway (each paced
 * differently, one failing mid-answer), their answers siblings under the question, each its own
 * stream; "Continue with this one" shows the chosen branch.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ActiveStream, ChatCompareResponse } from '../../src/shared/chat'
import type { PagedMessage } from '../../src/shared/history'
import { startChatSession } from '../support/chat-session'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function setup() {
  return startChatSession(tempDir(), cleanups)
}

const models = ['gpt-4.1', 'claude-sonnet-4.5', 'gemini-2.5-flash']
const question =
  '[[tokens=30]] [[gpt-4.1:delay=1]] [[claude-sonnet-4.5:delay=6]] [[gemini-2.5-flash:delay=3]] ' +
  '[[gemini-2.5-flash:stream-error=8]] So sánh ba mô hình'

describe('compare', () => {
  it('answers one question with three models as sibling versions, one failing mid-answer while the others finish', async () => {
    const { gateway, call, ended, messages } = await setup()
    const compared = await call<ChatCompareResponse>('chat:compare', {
      conversationId: null,
      content: question,
      models,
    })
    expect(compared.answers.map((answer) => answer.model)).toEqual(models)
    expect(compared.answers.every((answer) => answer.streamId !== null && answer.error === null)).toBe(true)
    // Three streams at once, each its own request for its own model.
    const ends = await Promise.all(compared.answers.map((answer) => ended(answer.streamId!)))
    expect(ends.map((end) => end.type)).toEqual(['done', 'done', 'error'])
    const asked = gateway.requests.filter((request) => request.path === '/v1/chat/completions')
    expect(asked.map((request) => (request.body as { model: string }).model).sort()).toEqual([...models].sort())

    const shown = await messages(compared.conversationId)
    expect(shown.map((message) => message.id)).toEqual([
      compared.userMessageId,
      compared.answers[2]!.assistantMessageId,
    ])
    const [failed] = shown.slice(-1)
    expect(failed).toMatchObject({ status: 'error', model: 'gemini-2.5-flash', versions: { index: 2, count: 3 } })
    // The failed one kept what it had written before the failure.
    expect(failed!.content.length).toBeGreaterThan(0)

    // Continue with the second: it becomes the shown branch, and the next question goes under it.
    await call('history:showMessage', { messageId: compared.answers[1]!.assistantMessageId })
    const chosen = await messages(compared.conversationId)
    expect(chosen.at(-1)).toMatchObject({
      id: compared.answers[1]!.assistantMessageId,
      status: 'complete',
      model: 'claude-sonnet-4.5',
      versions: { index: 1, count: 3 },
    })
    expect(chosen.at(-1)!.timings).toMatchObject({ timeToFirstTokenMs: expect.any(Number) })
    expect(chosen.at(-1)!.usage).toMatchObject({ completionTokens: 30 })
    const usage = await call<{ answers: number }>('usage:conversation', { conversationId: compared.conversationId })
    expect(usage.answers).toBe(3)
  })

  it('refuses one model, a repeated model or five models, storing nothing', async () => {
    const { dispatch, call } = await setup()
    for (const picked of [['gpt-4.1'], ['gpt-4.1', 'gpt-4.1'], [...models, 'deepseek-v3.2', 'x']]) {
      const refused = await dispatch('chat:compare', { conversationId: null, content: 'hi', models: picked })
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    }
    expect(
      (await call<{ conversations: unknown[] }>('history:list', { limit: 10, after: null })).conversations,
    ).toEqual([])
  })

  it('names its Compare on every stream it still runs, and reads an answer off the shown branch', async () => {
    const { call, ended } = await setup()
    const compared = await call<ChatCompareResponse>('chat:compare', {
      conversationId: null,
      content: '[[tokens=20]] [[gpt-4.1:delay=1]] [[deepseek-v3.2:delay=40]] Hai mô hình',
      models: ['gpt-4.1', 'deepseek-v3.2'],
    })
    const [gpt, deepseek] = compared.answers
    await ended(gpt!.streamId!)
    // A reloaded view asks what streams: DeepSeek's stream, with the whole run it belongs to.
    const active = await call<ActiveStream[]>('chat:active')
    expect(active).toHaveLength(1)
    expect(active[0]).toMatchObject({ streamId: deepseek!.streamId, compare: compared })
    // GPT-4.1's answer is not on the shown branch (DeepSeek's is), yet it reads whole, as saved.
    const stored = await call<PagedMessage>('history:message', { messageId: gpt!.assistantMessageId })
    expect(stored).toMatchObject({ status: 'complete', model: 'gpt-4.1', usage: { completionTokens: 20 } })
    expect(stored.content.length).toBeGreaterThan(0)
    await ended(deepseek!.streamId!)
    // Once every answer ended, the run is forgotten: nothing streams.
    expect(await call<ActiveStream[]>('chat:active')).toEqual([])
  })

  it('reads a message that is gone as not found', async () => {
    const { dispatch } = await setup()
    const gone = await dispatch('history:message', { messageId: crypto.randomUUID() })
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })
})
