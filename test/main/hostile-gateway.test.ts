/**
 * Gateways that try to hold an answer open, grow main's memory or mislead it (issue 19, items 3, 4,
 * 13, 14), each acted out by the fake gateway as real bytes over real HTTP and read by the real SDK.
 * Limits are set small through the same options the settings feed, so each case ends quickly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatService, type ChatServiceOptions } from '../../src/main/chat/chat-service'
import { ModelCatalog } from '../../src/main/chat/model-catalog'
import { planReply } from '../fake-gateway/reply'
import { encodeKey } from '../fake-gateway/scenario'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { EventLog } from '../support/collect-events'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
let gateway: FakeGateway
/** Another origin (another port), where redirects point; it must never hear from the app. */
let elsewhere: FakeGateway
let events: EventLog

beforeEach(async () => {
  elsewhere = await startFakeGateway()
  gateway = await startFakeGateway({ tokenDelayMs: 2, redirectTarget: `http://127.0.0.1:${elsewhere.port}` })
  events = new EventLog()
})
afterEach(async () => {
  await gateway.close()
  await elsewhere.close()
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
  const chat = service(options)
  const started = chat.send({ messages: [{ role: 'user', content }] })
  if (!started.ok) throw new Error(started.error.message)
  const outcome = await started.value.finished
  const last = events.of(started.value.streamId).at(-1)!
  return { chat, outcome, last, streamed: events.text(started.value.streamId) }
}

const tokens = (content: string) => planReply(content, null).tokens

describe('size limits end the stream with too_large and keep the text so far', () => {
  it('one SSE line that never ends', async () => {
    const content = '[[endless-line=1]] go'
    const { outcome, last, streamed } = await run(content, { maxLineBytes: 256 * 1024 })
    expect(last).toMatchObject({ type: 'error', error: { kind: 'too_large' } })
    expect(outcome.error?.message).toContain('262144 bytes')
    expect(outcome.text).toBe(tokens(content).slice(0, 3).join(''))
    expect(streamed).toBe(outcome.text)
    // The request was aborted: the gateway sees its connection close.
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })

  it('a non-streamed JSON answer far larger than the answer cap allows is not read whole', async () => {
    // 1,000 characters allow 4,000 bytes of text plus 64 KB of JSON around it; the body is 1 MB.
    const { outcome } = await run('[[json-answer=1]] [[json-pad=1048576]] [[tokens=12]] hi', { maxAnswerChars: 1000 })
    expect(outcome).toMatchObject({ status: 'error', text: '', error: { kind: 'too_large' } })
    expect(outcome.error?.message).toContain(`${1000 * 4 + 64 * 1024} bytes`)
  })

  it('a non-streamed JSON answer within the JSON cap is still used whole', async () => {
    const content = '[[json-answer=1]] [[json-pad=32768]] [[tokens=12]] hi'
    const { outcome } = await run(content, { maxAnswerChars: 1000 })
    expect(outcome).toMatchObject({ status: 'complete', text: tokens(content).join('') })
  })

  it('a small gzip body that expands to 1 GB on one line', async () => {
    const { outcome } = await run('[[gzip-bomb=1]] go', { maxLineBytes: 1024 * 1024 })
    expect(outcome).toMatchObject({ status: 'error', text: '', error: { kind: 'too_large' } })
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })

  it('64 KB deltas forever stop at the answer cap, the text a prefix of exactly the cap', async () => {
    const { outcome, streamed } = await run('[[big-deltas=65536]] go', { maxAnswerChars: 300_000 })
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'too_large' } })
    expect(outcome.error?.message).toContain('300000 characters')
    expect(outcome.text).toBe('b'.repeat(300_000))
    expect(streamed).toBe(outcome.text)
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })

  it('the cap counts the text a Continue appends to', async () => {
    const chat = service({ maxAnswerChars: 100_000 })
    const started = chat.send(
      { messages: [{ role: 'user', content: '[[big-deltas=1000]] go' }] },
      { conversationId: null, messageId: null, initialText: 'x'.repeat(99_500) },
    )
    if (!started.ok) throw new Error(started.error.message)
    const outcome = await started.value.finished
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'too_large' } })
    expect(outcome.text).toBe('b'.repeat(500))
  })
})

describe('the total time limit', () => {
  it('ends a gateway that trickles a byte at a time, keeping the partial and freeing the slot', async () => {
    const content = '[[trickle=5]] [[tokens=50]] slowly'
    const { chat, outcome, last } = await run(content, { totalTimeoutMs: 1500, idleTimeoutMs: 5000 })
    expect(last).toMatchObject({ type: 'error', error: { kind: 'timeout' } })
    expect(outcome.error?.message).toContain('1.5 s')
    const full = tokens(content).join('')
    expect(full.startsWith(outcome.text)).toBe(true)
    expect(outcome.text.startsWith(tokens(content)[0]!)).toBe(true)
    expect(outcome.text.length).toBeLessThan(full.length)
    expect(chat.activeStreamCount).toBe(0)
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })

  it('ends a gateway that pings forever', async () => {
    const content = '[[ping-forever=1]] hello'
    const { outcome } = await run(content, { totalTimeoutMs: 600, idleTimeoutMs: 5000 })
    expect(outcome).toMatchObject({ status: 'error', text: tokens(content)[0], error: { kind: 'timeout' } })
    await vi.waitFor(() => expect(gateway.openStreams()).toBe(0))
  })
})

describe('misleading answers', () => {
  it('a non-streamed JSON answer to a streaming request is used as the answer', async () => {
    const content = '[[json-answer=1]] [[tokens=12]] hi'
    const { outcome, last, streamed } = await run(content)
    expect(last).toMatchObject({ type: 'done', finishReason: 'stop' })
    expect(outcome).toMatchObject({ status: 'complete', text: tokens(content).join('') })
    expect(outcome.usage?.completionTokens).toBe(12)
    expect(streamed).toBe(outcome.text)
  })

  it('an HTML error page is shown as its status and a short plain summary', async () => {
    const { outcome } = await run('[[html-error=502]] hi')
    expect(outcome.error).toMatchObject({ kind: 'server', status: 502, message: 'HTTP 502: 502 Bad Gateway' })
  })

  it('an HTML page with status 200 (a captive portal) says a web page answered, not "ended early"', async () => {
    const { outcome } = await run('[[html-error=200]] hi')
    expect(outcome.error?.kind).toBe('server')
    expect(outcome.error?.message).toBe(
      'The gateway answered with a web page, not an API answer (check the base URL): HTTP 200: 200 Bad Gateway',
    )
  })

  it.each([502, 200])(
    'a key echoed across the 200-character cut of an HTML page (status %i) is scrubbed, not left as a prefix',
    async (status) => {
      const encoded = encodeKey(gateway.apiKey, 'base64')
      // The page's text is 179 x's, " (key ", then the key: the cut at 199 characters falls inside it.
      const { outcome } = await run(`[[html-error=${status}]] [[html-untitled=179]] [[echo-key=base64]] hi`)
      const message = outcome.error?.message ?? ''
      expect(outcome.error?.kind).toBe('server')
      expect(message).toContain('x'.repeat(179))
      for (const secret of [encoded, gateway.apiKey])
        for (let at = 0; at + 8 <= secret.length; at++) expect(message).not.toContain(secret.slice(at, at + 8))
    },
  )

  it('an HTML page without a title is summarised from its text, tags, scripts and styles stripped', async () => {
    const { plainErrorText } = await import('../../src/main/plain-error-text')
    const page = `<html><head><style>p{}</style><script>x()</script></head><body><h1>Oops</h1><p>${'word '.repeat(100)}</p></body></html>`
    const summary = plainErrorText(503, `503 ${page}`, [])
    expect(summary.startsWith('HTTP 503: Oops word word')).toBe(true)
    expect(summary).not.toMatch(/[<>]|x\(\)|p\{\}/)
    expect(summary.length).toBeLessThanOrEqual('HTTP 503: '.length + 200)
    expect(plainErrorText(500, '500 upstream said no', [])).toBe('500 upstream said no')
  })

  it.each([301, 302, 307])(
    'a %i redirect to another origin is refused, naming the host; nothing goes there',
    async (status) => {
      const { outcome } = await run(`[[redirect=${status}]] hi`)
      expect(outcome.error).toMatchObject({ kind: 'redirect_refused', status })
      expect(outcome.error?.message).toContain(`127.0.0.1:${elsewhere.port}`)
      expect(elsewhere.requests).toEqual([])
    },
  )

  it('a same-origin 301 is followed with the same method and body (not turned into a GET)', async () => {
    const content = '[[redirect-same=301]] [[tokens=6]] hi'
    const { outcome } = await run(content)
    expect(outcome).toMatchObject({ status: 'complete', text: tokens(content).join('') })
    const moved = gateway.requests.find((request) => request.path === '/v1/moved/chat/completions')
    expect(moved).toMatchObject({ method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}` } })
    expect(moved?.body).toMatchObject({ model: 'gpt-4.1', stream: true })
  })

  it('the models list refuses a redirect to another origin too', async () => {
    await gateway.close()
    gateway = await startFakeGateway({ redirectTarget: `http://127.0.0.1:${elsewhere.port}`, redirectModels: 302 })
    const catalog = new ModelCatalog({ cacheFile: `${tempDir()}/models.json`, log: memoryLogger() })
    const listed = await catalog.list({ apiKey: gateway.apiKey, baseURL: gateway.baseURL })
    expect(listed).toMatchObject({ ok: false, error: { kind: 'redirect_refused', status: 302 } })
    expect(elsewhere.requests).toEqual([])
  })
})
