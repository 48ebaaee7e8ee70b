/**
 * An OpenAI-compatible gateway on 127.0.0.1 for tests and demos (never shipped in the app):
 * GET /v1/models, POST /v1/chat/completions (streaming and not), bearer key checked with OpenAI's
 * 401 body, tokens paced by a configurable delay. Every request is recorded for assertions.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { countTokens, planReply } from './reply'
import { readScenario, statusError } from './scenario'

export interface FakeGatewayOptions {
  apiKey?: string
  port?: number
  /** Pause between streamed tokens, in ms. */
  tokenDelayMs?: number
  models?: string[]
  /** Answer length when a message does not ask for one with [[tokens=N]]. */
  defaultTokens?: number
}

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

export interface FakeGateway {
  /** The base URL to give the SDK, ending in /v1. */
  baseURL: string
  port: number
  apiKey: string
  requests: RecordedRequest[]
  /** Streams still being written. */
  openStreams(): number
  close(): Promise<void>
}

export const defaultFakeModels = ['gpt-4.1', 'claude-sonnet-4.5', 'gemini-2.5-flash', 'deepseek-v3.2']

interface ChatBody {
  model?: unknown
  messages?: Array<{ role?: unknown; content?: unknown }>
  stream?: unknown
  stream_options?: { include_usage?: unknown }
  max_tokens?: unknown
}

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const apiKey = options.apiKey ?? 'sk-fake-holysheep-key'
  const models = options.models ?? defaultFakeModels
  const tokenDelayMs = options.tokenDelayMs ?? 15
  const requests: RecordedRequest[] = []
  const streams = new Set<ServerResponse>()
  /** How many times each message has been failed, for [[fail-times=N]]. */
  const failures = new Map<string, number>()

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'Fake gateway failure.', 'server_error', null)
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const body = request.method === 'POST' ? await readJson(request) : undefined
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body })

    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      const presented = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
      return sendError(
        response,
        401,
        `Incorrect API key provided: ${mask(presented)}. You can find your API key in your HolySheep dashboard.`,
        'invalid_request_error',
        'invalid_api_key',
      )
    }
    if (request.method === 'GET' && path === '/v1/models') {
      return sendJson(response, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'holysheep' })),
      })
    }
    if (request.method === 'POST' && path === '/v1/chat/completions') return chat(body as ChatBody, response)
    return sendError(response, 404, `Unknown path ${path}.`, 'invalid_request_error', null)
  }

  function chat(body: ChatBody, response: ServerResponse): void {
    const model = typeof body?.model === 'string' ? body.model : ''
    if (!models.includes(model))
      return sendError(
        response,
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      )
    const messages = Array.isArray(body.messages) ? body.messages : []
    const lastUser = [...messages].reverse().find((message) => message.role === 'user')
    const lastUserText = typeof lastUser?.content === 'string' ? lastUser.content : ''
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : null
    const plan = planReply(lastUserText, maxTokens, options.defaultTokens)
    const scenario = readScenario(lastUserText)
    if (scenario.status !== null) {
      const failed = failures.get(lastUserText) ?? 0
      if (scenario.failTimes === null || failed < scenario.failTimes) {
        failures.set(lastUserText, failed + 1)
        const { message, type, code } = statusError(scenario.status)
        if (scenario.retryAfterSeconds !== null) response.setHeader('Retry-After', String(scenario.retryAfterSeconds))
        return sendError(response, scenario.status, message, type, code)
      }
    }
    const promptTokens = messages.reduce((sum, message) => sum + countTokens(String(message.content ?? '')), 0)
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: plan.tokens.length,
      total_tokens: promptTokens + plan.tokens.length,
    }
    const finishReason = plan.truncated ? 'length' : 'stop'
    const id = `chatcmpl-fake-${Date.now()}`
    const created = Math.floor(Date.now() / 1000)

    if (body.stream !== true) {
      return sendJson(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: plan.tokens.join('') }, finish_reason: finishReason },
        ],
        usage,
      })
    }

    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    })
    streams.add(response)
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
    /** Writes an SSE event; with [[split-bytes=1]], in two writes cut inside a multi-byte character. */
    const send = (event: string) => {
      const bytes = Buffer.from(event)
      const cut = scenario.splitBytes ? multiByteCut(bytes) : -1
      if (cut < 0) return response.write(bytes)
      response.write(bytes.subarray(0, cut))
      return response.write(bytes.subarray(cut))
    }
    const delay = plan.delayMs ?? tokenDelayMs
    let index = 0
    let reasoningLeft = scenario.reasoning ?? 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const ping = scenario.pingMs === null ? null : setInterval(() => response.write(': ping\n\n'), scenario.pingMs)
    response.on('close', () => {
      if (timer) clearTimeout(timer)
      if (ping) clearInterval(ping)
      streams.delete(response)
    })
    response.write(chunk({ role: 'assistant', content: '' }, null))
    /** The scripted failure due after `index` tokens, if any; true when the stream must not go on. */
    const failHere = (): boolean => {
      if (scenario.drop === index) {
        response.destroy()
        return true
      }
      if (scenario.noDone === index) {
        response.end()
        return true
      }
      if (scenario.malformed === index) {
        response.write('data: {"id": "broken", "choices": [{"delta": {"content": "oops"\n\n')
        response.end()
        return true
      }
      if (scenario.streamError === index) {
        response.write(
          `data: ${JSON.stringify({ error: { message: 'The upstream provider failed mid-answer.', type: 'server_error', code: 'upstream_error' } })}\n\n`,
        )
        response.end()
        return true
      }
      return scenario.stall === index
    }
    const next = () => {
      timer = null
      if (response.destroyed) return
      if (reasoningLeft > 0) {
        reasoningLeft--
        response.write(chunk({ reasoning_content: `thinking-${reasoningLeft} ` }, null))
        timer = setTimeout(next, delay)
        return
      }
      if (failHere()) return
      if (delay === 0) {
        // No pacing: the whole answer as fast as the socket takes it (benchmarks, pressure tests).
        while (index < plan.tokens.length) {
          response.write(chunk({ content: plan.tokens[index++] }, null))
          if (failHere()) return
        }
      } else if (index < plan.tokens.length) {
        for (let sent = 0; sent < (scenario.perTick ?? 1) && index < plan.tokens.length; sent++) {
          send(chunk({ content: plan.tokens[index++] }, null))
          if (sent + 1 < (scenario.perTick ?? 1) && failHere()) return
        }
        timer = setTimeout(next, delay)
        return
      }
      if (failHere()) return
      response.write(chunk({}, finishReason))
      if (body.stream_options?.include_usage === true && !scenario.noUsage)
        response.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
        )
      response.end('data: [DONE]\n\n')
    }
    timer = setTimeout(next, delay)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    apiKey,
    requests,
    openStreams: () => streams.size,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** An offset inside the first multi-byte UTF-8 character of `bytes` (after its lead byte), or -1. */
function multiByteCut(bytes: Buffer): number {
  const lead = bytes.findIndex((byte) => byte >= 0xc0)
  return lead < 0 ? -1 : lead + 1
}

/** OpenAI echoes a masked key in its 401 message; so do we, so scrubbing is tested against it. */
function mask(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' })
  response.end(JSON.stringify(body))
}

function sendError(response: ServerResponse, status: number, message: string, type: string, code: string | null): void {
  sendJson(response, status, { error: { message, type, param: null, code } })
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
