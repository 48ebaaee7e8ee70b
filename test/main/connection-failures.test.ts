/**
 * Failures before any byte of an answer, below HTTP: a name that does not resolve, a computer that is
 * offline, a certificate nobody trusts, a gateway that accepts the connection and never answers, and a
 * 400 that is not about length. Each goes through the real SDK and a real socket, and ends in a kind
 * the UI can explain, with the cause in the message.
 *
 * DNS must not leave this machine, so the two DNS cases give undici's connector a resolver that fails
 * the way getaddrinfo does (ENOTFOUND, EAI_AGAIN); everything above the resolver is the real path.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Agent, fetch as undiciFetch } from 'undici'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatService, type ChatServiceOptions } from '../../src/main/chat/chat-service'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { EventLog } from '../support/collect-events'
import { memoryLogger } from '../support/memory-logger'

let gateway: FakeGateway | null = null
afterEach(async () => {
  await gateway?.close()
  gateway = null
})

async function outcomeOf(baseURL: string, content: string, options: Partial<ChatServiceOptions> = {}) {
  const events = new EventLog()
  const log = memoryLogger()
  const chat = new ChatService({
    connection: () => ({ apiKey: 'sk-fake-holysheep-key', baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: events.push,
    log,
    maxRetries: 0,
    ...options,
  })
  const started = chat.send({ messages: [{ role: 'user', content }] })
  if (!started.ok) throw new Error(started.error.message)
  const outcome = await started.value.finished
  return { outcome, events: events.of(started.value.streamId), log }
}

/** A fetch whose connections resolve host names with `lookup`, as Node's getaddrinfo would fail. */
function fetchResolvingWith(code: 'ENOTFOUND' | 'EAI_AGAIN'): typeof fetch {
  const dispatcher = new Agent({
    connect: {
      lookup: (hostname, _options, callback) =>
        callback(
          Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, syscall: 'getaddrinfo', hostname }),
          '',
          0,
        ),
    },
  })
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch
}

describe('below HTTP', () => {
  it('a gateway name that does not resolve is a network error that says DNS', async () => {
    const { outcome } = await outcomeOf('https://api.holysheep.invalid/v1', 'hi', {
      fetch: fetchResolvingWith('ENOTFOUND'),
    })
    expect(outcome).toMatchObject({ status: 'error', text: '' })
    expect(outcome.error).toEqual({
      kind: 'network',
      cause: 'ENOTFOUND',
      message: 'The gateway’s address could not be found (DNS).',
    })
  })

  it('no DNS answer at all (offline) says the network may be offline, and is retried', async () => {
    const { outcome, events } = await outcomeOf('https://api.holysheep.invalid/v1', 'hi', {
      fetch: fetchResolvingWith('EAI_AGAIN'),
      maxRetries: 1,
    })
    expect(events.filter((event) => event.type === 'retrying')).toHaveLength(1)
    expect(outcome.error).toEqual({
      kind: 'network',
      cause: 'EAI_AGAIN',
      message: 'The gateway’s address could not be looked up; the network may be offline.',
    })
  })

  it('a certificate nobody trusts is a tls error, not retried', async () => {
    const tls = join(import.meta.dirname, '../fixtures/tls')
    gateway = await startFakeGateway({
      tls: {
        key: readFileSync(join(tls, 'self-signed.key'), 'utf8'),
        cert: readFileSync(join(tls, 'self-signed.crt'), 'utf8'),
      },
    })
    expect(gateway.baseURL).toMatch(/^https:/)
    const { outcome, events } = await outcomeOf(gateway.baseURL, 'hi', { maxRetries: 3 })
    expect(outcome.error).toEqual({
      kind: 'tls',
      cause: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      message: 'The gateway’s TLS certificate is self-signed and not trusted.',
    })
    expect(events.some((event) => event.type === 'retrying')).toBe(false)
    // The handshake failed: the request never reached the gateway.
    expect(gateway.requests).toEqual([])
  })

  it('a gateway that accepts and never answers ends with timeout after the idle time', async () => {
    gateway = await startFakeGateway()
    const { outcome } = await outcomeOf(gateway.baseURL, '[[hang=1]] hello?', { idleTimeoutMs: 300 })
    expect(outcome).toMatchObject({ status: 'error', text: '', error: { kind: 'timeout' } })
    expect(outcome.error!.message).toMatch(/^Nothing arrived from the gateway for 0.3 s/)
    await vi.waitFor(() => expect(gateway!.openStreams()).toBe(0))
  })

  it('a 400 that is not about length is bad_request with the server’s own words', async () => {
    gateway = await startFakeGateway()
    const { outcome } = await outcomeOf(gateway.baseURL, '[[status=400]] [[bad-request=1]] hi')
    expect(outcome.error).toEqual({
      kind: 'bad_request',
      status: 400,
      message: "Invalid value for 'temperature': expected a number between 0 and 2.",
    })
  })
})
