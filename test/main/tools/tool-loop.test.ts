import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChatService } from '../../../src/main/chat/chat-service'
import { McpManager } from '../../../src/main/tools/mcp-manager'
import {
  deniedText,
  stepLimitText,
  ToolLoop,
  type Approval,
  type ToolCallRecord,
} from '../../../src/main/tools/tool-loop'
import { defaultToolSettings, type ToolServer, type ToolSettings } from '../../../src/shared/tool-settings'
import { startFakeGateway, type FakeGateway } from '../../fake-gateway/server'
import { memoryLogger } from '../../support/memory-logger'
import { repoRoot, startHttpTestServer, stdioTestServer, testServerScript } from '../../support/mcp-servers'

let gateway: FakeGateway
const cleanups: Array<() => unknown> = []
beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 0 })
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
  await gateway.close()
})

interface Harness {
  loop: ToolLoop
  settings: ToolSettings
  approvals: ToolCallRecord[]
  events: ToolCallRecord[]
  steps: number
}

/** A loop over the real ChatService (fake gateway, real SDK) and real MCP servers. */
function harness(
  answer: (call: ToolCallRecord) => Approval | Promise<Approval>,
  overrides: Partial<ToolSettings> = {},
  servers: ToolServer[] = [stdioTestServer()],
): Harness {
  const log = memoryLogger()
  const settings: ToolSettings = { ...defaultToolSettings, servers, ...overrides }
  const chat = new ChatService({
    connection: () => ({ apiKey: gateway.apiKey, baseURL: gateway.baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: () => {},
    log,
    maxRetries: 0,
  })
  const mcp = new McpManager({ servers: () => settings.servers, homeDir: repoRoot, log })
  cleanups.push(() => mcp.stopAll())
  const state: Harness = { loop: null as unknown as ToolLoop, settings, approvals: [], events: [], steps: 0 }
  state.loop = new ToolLoop({
    chat,
    mcp,
    settings: () => settings,
    approve: (call) => {
      state.approvals.push(call)
      return Promise.resolve(answer(call))
    },
    allowAlways: (serverId, tool) => settings.alwaysAllowed.push({ serverId, tool }),
    emit: (call) => state.events.push(call),
    onStep: () => state.steps++,
    log,
  })
  return state
}

const run = (state: Harness, question: string, signal = new AbortController().signal) =>
  state.loop.run({ messages: [{ role: 'user', content: question }] }, { conversationId: null, messageId: null }, signal)

type SentBody = {
  messages: Array<{ role: string; content: unknown; tool_call_id?: string; tool_calls?: unknown[] }>
  tools?: Array<{ function: { name: string } }>
  tool_choice?: string
}
const bodies = () =>
  gateway.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => request.body as SentBody)

describe('the tool loop, with a real MCP server and the fake gateway through the real SDK', () => {
  it('offers the tools, runs an approved call and sends its result back; the answer uses it', async () => {
    const state = harness(() => 'once')
    const outcome = await run(state, 'Say it [[call=test-stdio__echo:{"text":"xin chào"}]]')
    expect(outcome.status).toBe('complete')
    expect(outcome.answers.at(-1)?.text).toMatch(/^Tool results: \[call_\d+_0\] \(14 chars\) echo: xin chào$/)
    const [first, second] = bodies()
    expect(first?.tools?.map((tool) => tool.function.name)).toContain('test-stdio__echo')
    expect(second?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
    expect(second?.messages[1]?.tool_calls).toEqual([
      {
        id: expect.any(String),
        type: 'function',
        function: { name: 'test-stdio__echo', arguments: '{"text":"xin chào"}' },
      },
    ])
    expect(second?.messages[2]).toMatchObject({ role: 'tool', content: 'echo: xin chào' })
    expect(state.approvals.map((call) => call.tool)).toEqual(['echo'])
    expect(state.events.map((call) => call.status)).toEqual(['awaiting_approval', 'running', 'done'])
    expect(state.steps).toBe(1)
  })

  it('tells the model a denied call was denied, and runs nothing', async () => {
    const state = harness(() => 'deny')
    const outcome = await run(state, 'Env please [[call=test-stdio__env]]')
    expect(outcome.calls.map((call) => call.status)).toEqual(['denied'])
    expect(bodies()[1]?.messages[2]).toMatchObject({ role: 'tool', content: deniedText })
    expect(outcome.answers.at(-1)?.text).toContain(deniedText.slice(0, 40))
  })

  it('runs parallel calls of one answer and sends both results, in order', async () => {
    const state = harness(() => 'once')
    await run(state, 'Both [[call=test-stdio__add:{"a":1,"b":2}]] [[call=test-stdio__echo:{"text":"b"}]]')
    const sent = bodies()[1]?.messages ?? []
    expect(sent.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'tool'])
    expect(sent.slice(2).map((message) => message.content)).toEqual(['3', 'echo: b'])
    expect(sent[1]?.tool_calls).toHaveLength(2)
  })

  it('"always allow" is remembered per server and tool: the next call asks nothing', async () => {
    const state = harness(() => 'always')
    await run(state, 'One [[call=test-stdio__echo:{"text":"1"}]]')
    expect(state.settings.alwaysAllowed).toEqual([{ serverId: 'test-stdio', tool: 'echo' }])
    await run(state, 'Two [[call=test-stdio__echo:{"text":"2"}]] [[call=test-stdio__add:{"a":1,"b":1}]]')
    expect(state.approvals.map((call) => call.tool)).toEqual(['echo', 'add'])
  })

  it('a turned-off tool is not offered; a call to it is answered as unknown', async () => {
    const state = harness(() => 'once', {}, [stdioTestServer({ disabledTools: ['env'] })])
    const outcome = await run(state, 'Env [[call=test-stdio__env]]')
    expect(bodies()[0]?.tools?.map((tool) => tool.function.name)).not.toContain('test-stdio__env')
    expect(outcome.calls[0]).toMatchObject({ status: 'failed', result: 'There is no tool named test-stdio__env.' })
    expect(state.approvals).toEqual([])
  })

  it('a tool whose name is longer than a call record holds is not offered; the others are', async () => {
    const long = stdioTestServer({ id: 'long', args: [testServerScript, '--long-name'] })
    const state = harness(() => 'once', {}, [long, stdioTestServer()])
    const outcome = await run(state, 'Echo [[call=test-stdio__echo:{"text":"ok"}]]')
    const offered = bodies()[0]?.tools?.map((tool) => tool.function.name) ?? []
    expect(offered).toContain('long__echo')
    expect(offered).toContain('test-stdio__echo')
    expect(offered.filter((name) => name.startsWith('long__n'))).toEqual([])
    expect(outcome.calls[0]).toMatchObject({ status: 'done', result: 'echo: ok' })
  })

  it('Stop during a slow call cancels it and ends the loop with no further request', async () => {
    const stop = new AbortController()
    const state = harness((call) => {
      setTimeout(() => stop.abort(), 300)
      return call.tool === 'slow' ? 'once' : 'deny'
    })
    const outcome = await run(state, 'Slow [[call=test-stdio__slow:{"ms":60000}]]', stop.signal)
    expect(outcome.status).toBe('stopped')
    expect(outcome.calls[0]).toMatchObject({ status: 'cancelled' })
    expect(bodies()).toHaveLength(1)
  })

  it('a call past the timeout is cancelled and the model is told', async () => {
    const state = harness(() => 'once', { callTimeoutMs: 1_000 })
    const outcome = await run(state, 'Slow [[call=test-stdio__slow:{"ms":60000}]]')
    expect(outcome.calls[0]).toMatchObject({ status: 'failed', isError: true })
    expect(bodies()[1]?.messages[2]?.content).toBe(
      'The tool call failed: The tool did not answer within 1 s, so it was cancelled.',
    )
  })

  it('a server crashing mid-call: the model is told, the record keeps its stderr', async () => {
    const state = harness(() => 'once')
    const outcome = await run(state, 'Crash [[call=test-stdio__crash]]')
    expect(outcome.status).toBe('complete')
    expect(outcome.calls[0]).toMatchObject({
      status: 'failed',
      stderr: expect.arrayContaining(['about to crash: the database file is locked']),
    })
    expect(bodies()[1]?.messages[2]?.content).toBe('The tool call failed: The tool server stopped during the call.')
  })

  it('a 10 MB result is capped at 100,000 characters, in the request and in the record', async () => {
    const state = harness(() => 'once')
    const outcome = await run(state, 'Big [[call=test-stdio__big:{"chars":10485760}]]')
    const sent = String(bodies()[1]?.messages[2]?.content)
    expect(sent.startsWith('x'.repeat(100_000))).toBe(true)
    expect(sent.slice(100_000)).toBe('\n[The result was cut at 100000 of its 10485760 characters.]')
    expect(outcome.calls[0]?.result).toBe(sent)
  })

  it('stops at the step limit: the last request asks for no more calls, and the model is told why', async () => {
    const state = harness(() => 'once', { stepLimit: 2 })
    const outcome = await run(state, 'Loop [[call=test-stdio__echo:{"text":"x"}]] [[call-loop=1]]')
    expect(outcome.status).toBe('complete')
    const sent = bodies()
    expect(sent).toHaveLength(3)
    expect(sent.map((body) => body.tool_choice)).toEqual([undefined, undefined, 'none'])
    expect(outcome.calls.map((call) => call.status)).toEqual(['done', 'done'])
    expect(outcome.answers.at(-1)?.text).toContain('Tool results')
    expect(stepLimitText(2)).toContain('2')
  })

  it('works the same with a Streamable HTTP server', async () => {
    const http = await startHttpTestServer()
    cleanups.push(http.close)
    const state = harness(() => 'once', {}, [http.server])
    await run(state, 'Add [[call=test-http__add:{"a":20,"b":22}]]')
    expect(bodies()[1]?.messages[2]).toMatchObject({ role: 'tool', content: '42' })
  })

  it('with no server configured, offers no tools and answers as usual', async () => {
    const state = harness(() => 'once', {}, [])
    const outcome = await run(state, 'Hi [[call=test-stdio__echo]]')
    expect(bodies()[0]?.tools).toBeUndefined()
    expect(outcome.answers).toHaveLength(1)
    expect(outcome.answers[0]?.text).toContain('Echo:')
  })
})
