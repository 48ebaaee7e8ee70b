import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChatService, type ChatDefaults } from '../../src/main/chat/chat-service'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { planReply } from '../fake-gateway/reply'
import { EventLog } from '../support/collect-events'
import { memoryLogger } from '../support/memory-logger'

let gateway: FakeGateway
let events: EventLog
const defaults: ChatDefaults = { model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }

function service(
  overrides: { apiKey?: string | null; baseURL?: string; defaults?: Partial<ChatDefaults>; maxRetries?: number } = {},
) {
  const log = memoryLogger()
  const chat = new ChatService({
    connection: () => ({
      apiKey: overrides.apiKey === undefined ? gateway.apiKey : overrides.apiKey,
      baseURL: overrides.baseURL ?? gateway.baseURL,
    }),
    defaults: () => ({ ...defaults, ...overrides.defaults }),
    emit: events.push,
    log,
    maxRetries: overrides.maxRetries ?? 0,
  })
  return { chat, log }
}

function send(chat: ChatService, content: string, extra: { model?: string } = {}) {
  const started = chat.send({ messages: [{ role: 'user', content }], ...extra })
  if (!started.ok) throw new Error(`send refused: ${started.error.kind}`)
  return started.value
}

beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 2 })
  events = new EventLog()
})
afterEach(async () => {
  await gateway.close()
})

describe('ChatService against the fake gateway, through the real SDK', () => {
  it('streams an answer whole and in order, then a final event with usage and timings', async () => {
    const { chat } = service()
    const message = '[[tokens=50]] Chào bạn 🐑'
    const { streamId, finished } = send(chat, message)
    const outcome = await finished

    const expected = planReply(message, null).tokens.join('')
    const streamEvents = events.of(streamId)
    expect(streamEvents.map((event) => event.seq)).toEqual(streamEvents.map((_, index) => index))
    expect(streamEvents[0]).toMatchObject({ type: 'start', model: 'gpt-4.1' })
    expect(events.text(streamId)).toBe(expected)
    expect(outcome).toMatchObject({ status: 'complete', text: expected, finishReason: 'stop' })

    const done = streamEvents.at(-1)!
    if (done.type !== 'done') throw new Error(`ended with ${done.type}`)
    expect(done.stopped).toBe(false)
    expect(done.usage).toEqual({ promptTokens: 4, completionTokens: 50, totalTokens: 54 })
    expect(done.timings.timeToFirstTokenMs).toBeGreaterThan(0)
    expect(done.timings.totalMs).toBeGreaterThanOrEqual(done.timings.timeToFirstTokenMs!)
    expect(done.timings.tokensPerSecond).toBeGreaterThan(0)
    expect(chat.activeStreamCount).toBe(0)
  })

  it('asks for a stream with usage, and fills unset parameters from the defaults', async () => {
    const { chat } = service({
      defaults: { model: 'deepseek-v3.2', temperature: 0.3, maxTokens: 7, systemPrompt: 'Trả lời bằng tiếng Việt.' },
    })
    const { finished } = send(chat, 'hello')
    const outcome = await finished
    const body = gateway.requests.at(-1)!.body as Record<string, unknown>
    expect(body).toMatchObject({
      model: 'deepseek-v3.2',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_tokens: 7,
      messages: [
        { role: 'system', content: 'Trả lời bằng tiếng Việt.' },
        { role: 'user', content: 'hello' },
      ],
    })
    expect(gateway.requests.at(-1)!.headers.authorization).toBe(`Bearer ${gateway.apiKey}`)
    expect(outcome.finishReason).toBe('length')
  })

  it('coalesces a fast stream into fewer events than deltas without losing a byte', async () => {
    await gateway.close()
    gateway = await startFakeGateway({ tokenDelayMs: 0 })
    const { chat } = service()
    const message = '[[tokens=1000]] nhanh lên'
    const { streamId, finished } = send(chat, message)
    await finished
    const deltas = events.of(streamId).filter((event) => event.type === 'delta')
    expect(events.text(streamId)).toBe(planReply(message, null).tokens.join(''))
    expect(deltas.length).toBeLessThan(1000 / 4)
  })

  it('Stop aborts the request and keeps the text received so far', async () => {
    await gateway.close()
    gateway = await startFakeGateway({ tokenDelayMs: 10 })
    const { chat } = service()
    const message = '[[tokens=5000]] a long answer please'
    const { streamId, finished } = send(chat, message)
    await events.until(() => events.text(streamId).length > 100)
    expect(chat.stop(streamId)).toBe(true)
    const outcome = await finished

    const full = planReply(message, null).tokens.join('')
    expect(outcome.status).toBe('stopped')
    expect(outcome.text.length).toBeGreaterThan(100)
    expect(outcome.text.length).toBeLessThan(full.length / 2)
    expect(full.startsWith(outcome.text)).toBe(true)
    expect(events.text(streamId)).toBe(outcome.text)
    expect(events.of(streamId).at(-1)).toMatchObject({ type: 'done', stopped: true, finishReason: 'stopped' })
    await events.until(() => gateway.openStreams() === 0)
    expect(chat.stop(streamId)).toBe(false)
  })

  it('Stop before the first byte ends the stream as stopped with no text', async () => {
    const { chat } = service()
    const { streamId, finished } = send(chat, '[[delay=2000]] slow start')
    chat.stop(streamId)
    expect(await finished).toMatchObject({ status: 'stopped', text: '' })
    expect(events.of(streamId).map((event) => event.type)).toEqual(['start', 'done'])
  })

  it('stopAll ends every stream, each with its own final event', async () => {
    const { chat } = service()
    const first = send(chat, '[[tokens=1000]] [[delay=20]] one')
    const second = send(chat, '[[tokens=1000]] [[delay=20]] two')
    await events.until(() => events.text(first.streamId).length > 0 && events.text(second.streamId).length > 0)
    await chat.stopAll()
    expect(chat.activeStreamCount).toBe(0)
    for (const { streamId } of [first, second])
      expect(events.of(streamId).at(-1)).toMatchObject({ type: 'done', stopped: true })
  })

  it('a wrong key ends the stream with invalid_key, and the key appears in no event or log line', async () => {
    const wrongKey = 'sk-wrong-0123456789abcdef'
    const { chat, log } = service({ apiKey: wrongKey })
    const { streamId, finished } = send(chat, 'hi')
    const outcome = await finished
    expect(outcome.error).toMatchObject({ kind: 'invalid_key', status: 401 })
    expect(events.of(streamId).at(-1)).toMatchObject({ type: 'error', error: { kind: 'invalid_key' } })
    expect(JSON.stringify(events.events)).not.toContain(wrongKey)
    expect(log.lines.join('\n')).not.toContain(wrongKey)
  })

  it('refuses to start without a key', () => {
    const { chat } = service({ apiKey: null })
    const started = chat.send({ messages: [{ role: 'user', content: 'hi' }] })
    expect(started).toEqual({ ok: false, error: { kind: 'no_key', message: 'No API key is set.' } })
    expect(events.events).toEqual([])
  })

  it('names an unknown model', async () => {
    const { chat } = service()
    const { finished } = send(chat, 'hi', { model: 'gpt-9000' })
    expect((await finished).error).toMatchObject({ kind: 'unknown_model', status: 404 })
  })

  it('names a refused connection as a network error', async () => {
    const port = gateway.port
    await gateway.close()
    const { chat } = service({ baseURL: `http://127.0.0.1:${port}/v1` })
    const { finished } = send(chat, 'hi')
    expect((await finished).error).toMatchObject({ kind: 'network', message: 'The gateway refused the connection.' })
  })
})
