/**
 * An OpenAI-compatible gateway on 127.0.0.1 for tests and demos (never shipped in the app):
 * GET /v1/models, POST /v1/chat/completions (streaming and not), bearer key checked with OpenAI's
 * 401 body, tokens paced by a configurable delay. Every request is recorded for assertions.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { countTokens, planReply } from './reply'
import { encodeKey, forModel, readScenario, statusError, type Scenario } from './scenario'
import { echoToolResults, plannedCalls, toolCallDeltas, toolResultsSinceUser, type ToolMessage } from './tool-calls'

export interface FakeGatewayOptions {
  apiKey?: string
  port?: number
  /** Pause between streamed tokens, in ms. */
  tokenDelayMs?: number
  models?: string[]
  /** Answer length when a message does not ask for one with [[tokens=N]]. */
  defaultTokens?: number
  /** Serve HTTPS with this key and certificate (a TLS failure test uses a certificate nobody trusts). */
  tls?: { key: string; cert: string }
  /**
   * Some gateways put the whole key they were sent into their error messages; with this on, every
   * 401 and every scenario error does, so tests can check the app scrubs it.
   */
  echoKeyInErrors?: boolean
  /** Where [[redirect=N]] sends a chat request, and `redirectModels` the models list: another origin. */
  redirectTarget?: string
  /** Redirect GET /v1/models with this status to `redirectTarget`. */
  redirectModels?: number
}

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
  /**
   * For a chat request: the content parts of each message that came as parts (a question with
   * attachments), in order, with each image's data URL decoded to its type and bytes.
   */
  parts?: RecordedPart[][]
}

export type RecordedPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; mime: string; bytes: Buffer }
  | { type: 'other'; value: unknown }

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
  messages?: ToolMessage[]
  tools?: unknown
  tool_choice?: unknown
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

  const listener: RequestListener = (request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'Fake gateway failure.', 'server_error', null)
      else response.destroy()
    })
  }
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener)

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const body = request.method === 'POST' ? await readJson(request) : undefined
    const parts = chatParts(body)
    requests.push({
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      body,
      ...(parts ? { parts } : {}),
    })

    if (options.redirectTarget && options.redirectModels && request.method === 'GET' && path === '/v1/models') {
      response.writeHead(options.redirectModels, { Location: `${options.redirectTarget}${path}` })
      return void response.end()
    }
    const presented = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
    const echoed = options.echoKeyInErrors ? ` (request sent with key ${presented})` : ''
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return sendError(
        response,
        401,
        `Incorrect API key provided: ${options.echoKeyInErrors ? presented : mask(presented)}. You can find your API key in your HolySheep dashboard.`,
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
    if (request.method === 'POST' && path === '/v1/chat/completions')
      return chat(body as ChatBody, response, echoed, presented, true)
    // Where [[redirect-same=N]] points: the same origin, answering without redirecting again.
    if (request.method === 'POST' && path === '/v1/moved/chat/completions')
      return chat(body as ChatBody, response, echoed, presented, false)
    return sendError(response, 404, `Unknown path ${path}.`, 'invalid_request_error', null)
  }

  function chat(body: ChatBody, response: ServerResponse, echoed: string, presented: string, redirects: boolean): void {
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
    const lastUserText = forModel(textOf(lastUser?.content), model)
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : null
    const scenario = readScenario(lastUserText)
    // Function calling (tool-calls.ts): ask for the message's calls, or answer from the results received.
    const toolResults = toolResultsSinceUser(messages)
    const offered = Array.isArray(body.tools) && body.tools.length > 0 && body.tool_choice !== 'none'
    const calls = offered ? plannedCalls(lastUserText) : []
    const asksForTools = calls.length > 0 && (toolResults.length === 0 || lastUserText.includes('[[call-loop=1]]'))
    const plan =
      toolResults.length > 0 && !asksForTools
        ? { tokens: inPieces(echoToolResults(toolResults)), delayMs: null, truncated: false }
        : planReply(lastUserText, maxTokens, options.defaultTokens)
    const echo = scenario.echoKey ? ` (key ${encodeKey(presented, scenario.echoKey)})` : ''
    if (redirects && (scenario.redirect !== null || scenario.redirectSame !== null)) {
      const location =
        scenario.redirect !== null
          ? `${options.redirectTarget ?? 'http://localhost:9'}/v1/chat/completions`
          : '/v1/moved/chat/completions'
      response.writeHead(scenario.redirect ?? scenario.redirectSame ?? 302, { Location: location })
      return void response.end()
    }
    if (scenario.htmlError !== null) return sendHtmlError(response, scenario.htmlError, echo, scenario.htmlUntitled)
    if (scenario.hang) {
      // Never answered: only the client's own patience (its idle watch) ends this.
      streams.add(response)
      response.on('close', () => streams.delete(response))
      return
    }
    if (scenario.status !== null) {
      const failed = failures.get(lastUserText) ?? 0
      if (scenario.failTimes === null || failed < scenario.failTimes) {
        failures.set(lastUserText, failed + 1)
        const { message, type, code } = statusError(scenario.status, scenario)
        if (scenario.retryAfterSeconds !== null) response.setHeader('Retry-After', String(scenario.retryAfterSeconds))
        return sendError(response, scenario.status, `${message}${echoed}${echo}`, type, code)
      }
    }
    const promptTokens = messages.reduce((sum, message) => sum + countTokens(textOf(message.content)), 0)
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: plan.tokens.length,
      total_tokens: promptTokens + plan.tokens.length,
    }
    const finishReason = plan.truncated ? 'length' : 'stop'
    const usageChunk = () =>
      body.stream_options?.include_usage === true && !scenario.noUsage
        ? `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`
        : ''
    const id = `chatcmpl-fake-${Date.now()}`
    const created = Math.floor(Date.now() / 1000)

    if (body.stream !== true || scenario.jsonAnswer) {
      return sendJson(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: `${plan.tokens.join('')}${echo}` },
            finish_reason: finishReason,
          },
        ],
        usage,
        ...(scenario.jsonPad === null ? {} : { padding: ' '.repeat(scenario.jsonPad) }),
      })
    }

    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      ...(scenario.gzipBomb ? { 'Content-Encoding': 'gzip' } : {}),
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
    if (!scenario.gzipBomb) response.write(chunk({ role: 'assistant', content: '' }, null))
    if (hostile(scenario, response, chunk, plan.tokens, echo)) return
    if (asksForTools) {
      for (const delta of toolCallDeltas(calls, `call_${requests.length}`)) response.write(chunk(delta, null))
      response.write(chunk({}, 'tool_calls'))
      response.write(usageChunk())
      return void response.end('data: [DONE]\n\n')
    }
    if (scenario.oddChunks) {
      for (const odd of oddChunks) response.write(`data: ${JSON.stringify({ id, created, model, ...odd })}\n\n`)
      for (const data of notObjects) response.write(`data: ${data}\n\n`)
    }
    /** An answer token as a chunk: content, or a refusal when the scenario declines. */
    const tokenChunk = (token: string | undefined) =>
      chunk(scenario.refusal ? { refusal: token } : { content: token }, null)
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
      if (scenario.eventError === index) {
        response.write(
          `event: error\ndata: ${JSON.stringify({ error: { message: 'The provider is overloaded; try again.', type: 'overloaded_error', code: null } })}\n\n`,
        )
        response.end()
        return true
      }
      if (scenario.contentFilter === index) {
        response.write(chunk({}, 'content_filter'))
        response.write(usageChunk())
        response.end('data: [DONE]\n\n')
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
        const thought = `thinking-${reasoningLeft} `
        response.write(chunk(scenario.reasoningField ? { reasoning: thought } : { reasoning_content: thought }, null))
        timer = setTimeout(next, delay)
        return
      }
      if (failHere()) return
      if (delay === 0) {
        // No pacing: the whole answer as fast as the socket takes it (benchmarks, pressure tests).
        while (index < plan.tokens.length) {
          response.write(tokenChunk(plan.tokens[index++]))
          if (failHere()) return
        }
      } else if (index < plan.tokens.length) {
        for (let sent = 0; sent < (scenario.perTick ?? 1) && index < plan.tokens.length; sent++) {
          send(tokenChunk(plan.tokens[index++]))
          if (sent + 1 < (scenario.perTick ?? 1) && failHere()) return
        }
        timer = setTimeout(next, delay)
        return
      }
      if (failHere()) return
      response.write(chunk({}, finishReason))
      response.write(usageChunk())
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
    baseURL: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
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

/**
 * The hostile scenarios that replace the ordinary stream; true when one took the response. Each writes
 * only as fast as the socket drains, so the client's reading, not this server, sets the pace.
 */
function hostile(
  scenario: Scenario,
  response: ServerResponse,
  chunk: (delta: object, finish: string | null) => string,
  tokens: string[],
  echo: string,
): boolean {
  /** Writes `next()` again and again, waiting for `drain` when the socket's buffer is full. */
  const pump = (next: () => string | Buffer | null) => {
    const go = () => {
      while (!response.destroyed) {
        const piece = next()
        if (piece === null) return void response.end()
        if (!response.write(piece)) return void response.once('drain', go)
      }
    }
    go()
  }
  if (scenario.endlessLine) {
    const piece = 'a'.repeat(64 * 1024)
    for (const token of tokens.slice(0, 3)) response.write(chunk({ content: token }, null))
    response.write('data: {"choices":[{"index":0,"delta":{"content":"')
    pump(() => piece)
    return true
  }
  if (scenario.gzipBomb) {
    // Concatenated gzip members are one valid gzip body: 1,024 members of 1 MB of 'a', ~1 KB each.
    const member = gzipSync(Buffer.alloc(1024 * 1024, 'a'), { level: 9 })
    let left = 1024
    response.write(gzipSync('data: {"choices":[{"index":0,"delta":{"content":"'))
    pump(() => (left-- > 0 ? member : null))
    return true
  }
  if (scenario.bigDeltas !== null) {
    const delta = chunk({ content: 'b'.repeat(scenario.bigDeltas) }, null)
    pump(() => delta)
    return true
  }
  if (scenario.trickleMs !== null) {
    // The first token whole, so there is always a partial to keep; then the rest a byte at a time.
    response.write(chunk({ content: tokens[0] ?? '' }, null))
    const rest = tokens.slice(1).map((token) => chunk({ content: token }, null))
    const bytes = Buffer.from(`${rest.join('')}${chunk({}, 'stop')}data: [DONE]\n\n`)
    let at = 0
    const timer = setInterval(() => {
      if (at >= bytes.length) return void response.end()
      response.write(bytes.subarray(at, ++at))
    }, scenario.trickleMs)
    response.on('close', () => clearInterval(timer))
    return true
  }
  if (scenario.pingForever) {
    response.write(chunk({ content: tokens[0] ?? '' }, null))
    const timer = setInterval(() => response.write(': ping\n\n'), 50)
    response.on('close', () => clearInterval(timer))
    return true
  }
  if (echo) {
    response.write(chunk({ content: `${tokens.slice(0, 3).join('')}${echo} ` }, null))
    response.write(chunk({ content: tokens.slice(3).join('') }, 'stop'))
    response.end('data: [DONE]\n\n')
    return true
  }
  return false
}

/** An error page as a proxy or load balancer sends it: HTML, with scripts and styles. */
function sendHtmlError(response: ServerResponse, status: number, echo: string, untitled: number | null): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
  // No title: the summary is the page's text, so where the echo falls in it is the caller's to choose.
  if (untitled !== null) return void response.end(`<html><body><p>${'x'.repeat(untitled)}${echo}</p></body></html>`)
  response.end(
    `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title><style>body{font:14px sans-serif}</style>` +
      `<script>var ray = "8f2c";</script></head><body><h1>Bad gateway</h1><p>The web server reported a bad gateway error${echo}.</p>` +
      `${'<div class="filler">padding</div>'.repeat(200)}</body></html>`,
  )
}

/**
 * Chunk shapes seen from real gateways that carry no answer text and must not break a client: no
 * `choices` at all, an empty list without usage, a choice without `delta`, `content: null`, content
 * that is not a string, a usage object without token counts.
 */
const oddChunks: object[] = [
  { object: 'chat.completion.chunk' },
  { object: 'chat.completion.chunk', choices: [] },
  { object: 'chat.completion.chunk', choices: null },
  { object: 'chat.completion.chunk', choices: [{ index: 0, finish_reason: null }] },
  { object: 'chat.completion.chunk', choices: [{ index: 0, delta: null, finish_reason: null }] },
  { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: null }, finish_reason: null }] },
  { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 42, role: null }, finish_reason: null }] },
  { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: '' }, logprobs: null }], usage: {} },
  { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { reasoning_content: null, tool_calls: [] } }] },
]

/** Text cut into tokens of 40 characters (an echo of tool results can be long). */
function inPieces(text: string): string[] {
  return Array.from({ length: Math.ceil(text.length / 40) }, (_, index) => text.slice(index * 40, index * 40 + 40))
}

/** Valid JSON that is not a chunk object at all. */
const notObjects = ['null', '42', '"text"', '[]', 'true']

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

/** A message's text: its content, or the text of its parts joined by blank lines. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      part?.type === 'text' && typeof part.text === 'string' ? part.text : '',
    )
    .filter(Boolean)
    .join('\n\n')
}

function chatParts(body: unknown): RecordedPart[][] | null {
  const messages = (body as ChatBody | undefined)?.messages
  if (!Array.isArray(messages)) return null
  const withParts = messages.filter((message) => Array.isArray(message?.content))
  if (withParts.length === 0) return null
  return withParts.map((message) =>
    (message.content as unknown[]).map((part): RecordedPart => {
      const value = part as { type?: unknown; text?: unknown; image_url?: { url?: unknown } }
      if (value?.type === 'text' && typeof value.text === 'string') return { type: 'text', text: value.text }
      const url = value?.type === 'image_url' ? value.image_url?.url : undefined
      const match = typeof url === 'string' ? /^data:([^;,]+);base64,(.*)$/s.exec(url) : null
      if (match) return { type: 'image_url', mime: match[1]!, bytes: Buffer.from(match[2]!, 'base64') }
      return { type: 'other', value: part }
    }),
  )
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
