/**
 * Every way a stream can fail, acted out by the fake gateway as real bytes over real HTTP and read
 * by the real SDK: each ends with one error event of the right kind, and the text received before
 * the failure is kept, byte for byte.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatService, type ChatServiceOptions } from '../../src/main/chat/chat-service'
import type { ErrorKind } from '../../src/shared/errors'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { planReply } from '../fake-gateway/reply'
import { EventLog } from '../support/collect-events'
import { memoryLogger } from '../support/memory-logger'

let gateway: FakeGateway
let events: EventLog

beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 5 })
  events = new EventLog()
})
afterEach(async () => {
  await gateway.close()
})

function service(options: Partial<ChatServiceOptions> = {}) {
  return new ChatService({
    connection: () => ({ apiKey: gateway.apiKey, baseURL: gateway.baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: events.push,
    log: memoryLogger(),
    maxRetries: 0,
    ...options,
  })
}

async function run(content: string, options: Partial<ChatServiceOptions> = {}) {
  const started = service(options).send({ messages: [{ role: 'user', content }] })
  if (!started.ok) throw new Error(started.error.message)
  const outcome = await started.value.finished
  const last = events.of(started.value.streamId).at(-1)!
  return { outcome, last, streamed: events.text(started.value.streamId) }
}

/** The first `tokens` tokens of the fake gateway's answer to `content`. */
const firstTokens = (content: string, tokens: number) => planReply(content, null).tokens.slice(0, tokens).join('')

describe('a stream that breaks after the answer began keeps its text and says why', () => {
  const cases: Array<[string, string, ErrorKind]> = [
    ['the connection drops', '[[drop=7]] tell me', 'stream_broken'],
    ['the stream ends without finish_reason or [DONE]', '[[no-done=7]] tell me', 'stream_broken'],
    ['a chunk is not JSON', '[[malformed=7]] tell me', 'stream_broken'],
    ['an error object arrives inside the stream', '[[stream-error=7]] tell me', 'server'],
    ['a named `event: error` arrives', '[[event-error=7]] tell me', 'server'],
  ]
  it.each(cases)('%s', async (_label, content, kind) => {
    const { outcome, last, streamed } = await run(content)
    expect(last).toMatchObject({ type: 'error', error: { kind } })
    expect(outcome.status).toBe('error')
    expect(outcome.text).toBe(firstTokens(content, 7))
    expect(streamed).toBe(outcome.text)
    if (content.includes('stream-error'))
      expect(outcome.error?.message).toBe('The upstream provider failed mid-answer.')
    if (content.includes('event-error')) expect(outcome.error?.message).toBe('The provider is overloaded; try again.')
  })
})

describe('an idle stream', () => {
  it('ends with timeout after the idle time and keeps the partial text', async () => {
    const content = '[[stall=5]] then silence'
    const { outcome, last } = await run(content, { idleTimeoutMs: 400 })
    expect(last).toMatchObject({ type: 'error', error: { kind: 'timeout' } })
    expect(outcome.text).toBe(firstTokens(content, 5))
    // The request was aborted, not left hanging: the gateway sees its connection close.
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })

  it('counts keep-alive comments as life, not as content', async () => {
    // Silent for good after 5 tokens, but pinging every 100 ms: alive past several idle periods.
    const content = '[[stall=5]] [[ping=100]] pinging'
    const chat = service({ idleTimeoutMs: 400 })
    const started = chat.send({ messages: [{ role: 'user', content }] })
    if (!started.ok) throw new Error(started.error.message)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(events.of(started.value.streamId).some((event) => event.type === 'error')).toBe(false)
    expect(events.text(started.value.streamId)).toBe(firstTokens(content, 5))
    chat.stop(started.value.streamId)
    expect(await started.value.finished).toMatchObject({ status: 'stopped', text: firstTokens(content, 5) })
  })
})

describe('errors before the answer, one kind each', () => {
  const cases: Array<[number, ErrorKind]> = [
    [400, 'context_too_long'],
    [403, 'forbidden'],
    [413, 'context_too_long'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [529, 'server'],
  ]
  it.each(cases)('HTTP %i is %s, with the server’s words', async (status, kind) => {
    const { outcome } = await run(`[[status=${status}]] hello`)
    expect(outcome).toMatchObject({ status: 'error', text: '', error: { kind, status } })
    expect(outcome.error!.message.length).toBeGreaterThan(5)
  })
})

describe('retries before the first token', () => {
  const chatRequests = () => gateway.requests.filter((request) => request.path === '/v1/chat/completions').length

  it('waits as a 429’s Retry-After asks, says so, then answers', async () => {
    const content = '[[status=429]] [[retry-after=1]] [[fail-times=1]] [[tokens=5]] hi'
    const { outcome } = await run(content, { maxRetries: 3 })
    const retrying = events.events.filter((event) => event.type === 'retrying')
    expect(retrying).toEqual([
      expect.objectContaining({
        attempt: 1,
        maxAttempts: 3,
        delayMs: 1000,
        error: expect.objectContaining({ kind: 'rate_limited' }),
      }),
    ])
    expect(outcome).toMatchObject({ status: 'complete', text: planReply(content, null).tokens.join('') })
    expect(chatRequests()).toBe(2)
  })

  it('backs off exponentially on server trouble, then answers', async () => {
    const content = '[[status=503]] [[fail-times=2]] [[tokens=3]] hi'
    const { outcome } = await run(content, { maxRetries: 3 })
    const delays = events.events.flatMap((event) => (event.type === 'retrying' ? [event.delayMs] : []))
    expect(delays).toHaveLength(2)
    // 0.5 s then 1 s, each less up to a quarter of jitter.
    expect(delays[0]).toBeGreaterThanOrEqual(375)
    expect(delays[0]).toBeLessThanOrEqual(500)
    expect(delays[1]).toBeGreaterThanOrEqual(750)
    expect(delays[1]).toBeLessThanOrEqual(1000)
    expect(outcome.status).toBe('complete')
  })

  it('gives up after the last retry with the error', async () => {
    const { outcome } = await run('[[status=502]] always', { maxRetries: 2 })
    expect(events.events.filter((event) => event.type === 'retrying')).toHaveLength(2)
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'server', status: 502 } })
    expect(chatRequests()).toBe(3)
  })

  it('does not retry what would fail again (a wrong key, a refused request), nor a wait longer than a minute', async () => {
    await run('[[status=400]] too long', { maxRetries: 3 })
    await run('[[status=429]] [[retry-after=120]] later', { maxRetries: 3 })
    expect(events.events.filter((event) => event.type === 'retrying')).toEqual([])
    expect(chatRequests()).toBe(2)
  })

  it('Stop during the wait ends the stream as stopped and sends nothing more', async () => {
    const chat = service({ maxRetries: 3 })
    const started = chat.send({ messages: [{ role: 'user', content: '[[status=429]] [[retry-after=30]] wait' }] })
    if (!started.ok) throw new Error(started.error.message)
    await events.until(() => events.events.some((event) => event.type === 'retrying'))
    chat.stop(started.value.streamId)
    expect(await started.value.finished).toMatchObject({ status: 'stopped', text: '' })
    expect(chatRequests()).toBe(1)
  })
})

describe('chunk shapes', () => {
  it('odd chunks (no choices, no delta, content null or not a string, JSON that is no object) carry no text and break nothing', async () => {
    const content = '[[odd-chunks=1]] [[tokens=6]] odd'
    const { outcome, last } = await run(content)
    expect(outcome).toMatchObject({ status: 'complete', finishReason: 'stop', reasoning: '', error: null })
    expect(outcome.text).toBe(planReply(content, null).tokens.join(''))
    // The usage-only last chunk (choices: []) still brings the counts.
    expect(last).toMatchObject({ type: 'done', usage: { completionTokens: 6 } })
  })

  it('reads thinking sent as `delta.reasoning` too', async () => {
    const { outcome } = await run('[[reasoning=2]] [[reasoning-field=1]] [[tokens=2]] think')
    expect(outcome).toMatchObject({ status: 'complete', reasoning: 'thinking-1 thinking-0 ' })
  })

  it('shows a refusal as the answer', async () => {
    const content = '[[refusal=1]] [[tokens=5]] do something bad'
    const { outcome } = await run(content)
    expect(outcome).toMatchObject({ status: 'complete', text: planReply(content, null).tokens.join('') })
  })

  it('keeps the finish reason: content_filter ends the answer with what came before', async () => {
    const content = '[[content-filter=4]] [[tokens=10]] filtered'
    const { outcome, last } = await run(content)
    expect(outcome).toMatchObject({ status: 'complete', finishReason: 'content_filter', text: firstTokens(content, 4) })
    expect(last).toMatchObject({ type: 'done', finishReason: 'content_filter' })
  })

  it('a provider that sends no usage ends with usage null, not a failure', async () => {
    const { outcome, last } = await run('[[no-usage=1]] [[tokens=3]] no counts')
    expect(outcome).toMatchObject({ status: 'complete', usage: null })
    expect(last).toMatchObject({ type: 'done', usage: null })
  })

  it('keeps thinking text (reasoning_content) apart from the answer, as its own events, before the answer', async () => {
    const content = '[[reasoning=3]] [[tokens=4]] think first'
    const { outcome } = await run(content)
    expect(outcome).toMatchObject({
      status: 'complete',
      reasoning: 'thinking-2 thinking-1 thinking-0 ',
      text: planReply(content, null).tokens.join(''),
    })
    const kinds = events.events.map((event) => event.type).filter((type) => type === 'reasoning' || type === 'delta')
    expect(kinds.indexOf('delta')).toBeGreaterThan(kinds.lastIndexOf('reasoning'))
  })
})

describe('several answers at once', () => {
  it('streams in parallel, each stoppable on its own, up to the cap, with a clear refusal beyond it', async () => {
    const chat = service({ maxConcurrentStreams: () => 3 })
    const send = (content: string) => chat.send({ messages: [{ role: 'user', content }] })
    const running = ['a', 'b', 'c'].map((name) => send(`[[tokens=200]] [[delay=10]] ${name}`))
    const refused = send('one too many')
    expect(refused).toMatchObject({ ok: false, error: { kind: 'busy' } })
    if (refused.ok) throw new Error('not refused')
    expect(refused.error.message).toMatch(/^3 answers are already streaming/)
    const [first, second, third] = running.map((started) => {
      if (!started.ok) throw new Error(started.error.message)
      return started.value
    })
    await events.until(() => [first!, second!, third!].every((stream) => events.text(stream.streamId).length > 0))
    chat.stop(second!.streamId)
    expect(await second!.finished).toMatchObject({ status: 'stopped' })
    // The others go on; a place is free again.
    expect(chat.activeStreamCount).toBe(2)
    expect(send('[[tokens=2]] now there is room').ok).toBe(true)
    await chat.stopAll()
    expect((await first!.finished).status).toBe('stopped')
    expect((await third!.finished).status).toBe('stopped')
  })
})

describe('pressure: a model sending about 2,000 deltas a second', () => {
  it('becomes at most one event per ~16 ms, and the text arrives byte for byte', async () => {
    // Vietnamese and emoji, each SSE event cut in two inside a multi-byte character on the wire.
    const content = '[[tokens=3000]] [[delay=1]] [[per-tick=2]] [[split-bytes=1]] Tiếng Việt 🐑'
    const startedAt = performance.now()
    const { outcome, streamed } = await run(content, { coalesceMs: 16 })
    const elapsedMs = performance.now() - startedAt
    const expected = planReply(content, null).tokens.join('')
    expect(outcome.status).toBe('complete')
    expect(streamed).toBe(expected)
    expect(Buffer.from(streamed).equals(Buffer.from(expected))).toBe(true)
    const deltas = events.events.filter((event) => event.type === 'delta')
    // 3,000 tokens, yet no more delta events than ~16 ms windows in the whole stream, plus the first
    // (libuv's millisecond timer clock may fire a timer up to 1 ms early, hence 15).
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 15) + 1)
    expect(deltas.length).toBeLessThan(3000 / 4)
  })
})
