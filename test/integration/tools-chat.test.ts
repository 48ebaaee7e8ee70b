/**
 * Tools through the whole core: Settings hold the test MCP server (a real child process), a question
 * asks for a call, main asks for approval on the event channel and the test answers on
 * `tools:approve` as a view would; the call runs, its result reaches the gateway through the real SDK,
 * and history keeps the calls with the answer, across a restart, for Regenerate and for export/import.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { StoredMessage } from '../../src/shared/history'
import type { ToolEvent } from '../../src/shared/tool-contract'
import type { ToolServer } from '../../src/shared/tool-settings'
import type { ToolCommandChange } from '../../src/main/tools/command-consent'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { call, useCoreSession } from '../support/core-session'
import { repoRoot, stdioTestServer } from '../support/mcp-servers'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const session = useCoreSession()
let gateway: FakeGateway
beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 0 })
})
afterEach(() => gateway.close())

type Body = { messages: Array<{ role: string; content: unknown; tool_calls?: unknown[] }>; tools?: unknown[] }
const bodies = () =>
  gateway.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as Body)

/** `answer` null: approvals wait for the test to answer them. */
async function start(
  dataDir: string,
  servers: ToolServer[] = [stdioTestServer()],
  answer: 'once' | 'always' | 'deny' | null = 'once',
) {
  // The user allows each stdio server's command in main's dialog (the renderer cannot).
  const core = session.startCore({ dataDir, toolsHomeDir: repoRoot, confirmToolCommand: async () => true })
  const events: ToolEvent[] = []
  core.onEvent((event) => {
    if (
      event.type === 'tool-call' ||
      event.type === 'tool-approval' ||
      event.type === 'tool-approval-settled' ||
      event.type === 'tool-loop' ||
      event.type === 'tool-server-failed'
    )
      events.push(event)
    if (event.type === 'tool-approval' && answer)
      void core.dispatch('tools:approve', { approvalId: event.approval.approvalId, answer })
  })
  await call(core, 'settings:set', { baseURL: gateway.baseURL })
  await call(core, 'key:set', { key: gateway.apiKey })
  const tools = core.settings.get().tools
  await call(core, 'settings:set', { tools: { ...tools, servers, enabledByDefault: true } })
  return { core, events }
}

async function messagesOf(core: Core, conversationId: string): Promise<StoredMessage[]> {
  const page = await call<{ messages: StoredMessage[] }>(core, 'history:messages', {
    conversationId,
    limit: 100,
    beforeMessageId: null,
  })
  return page.messages
}

async function settled(core: Core, conversationId: string, count: number): Promise<StoredMessage[]> {
  let messages: StoredMessage[] = []
  await expect
    .poll(
      async () => {
        messages = await messagesOf(core, conversationId)
        return messages.length === count && messages.every((message) => message.status !== 'streaming')
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  return messages
}

describe('tools through the core', () => {
  it('asks, runs the approved call, answers with its result, and keeps the calls after a restart', async () => {
    const dataDir = tempDir()
    const { core, events } = await start(dataDir)
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Nói lại [[call=test-stdio__echo:{"text":"xin chào"}]]',
    })
    expect(sent.streamId).not.toBeNull()
    const messages = await settled(core, sent.conversationId, 3)
    const [, withCalls, final] = messages
    expect(withCalls).toMatchObject({ role: 'assistant', status: 'complete', finishReason: 'tool_calls' })
    expect(withCalls?.toolCalls).toEqual([
      expect.objectContaining({ tool: 'echo', serverId: 'test-stdio', status: 'done', result: 'echo: xin chào' }),
    ])
    expect(final?.content).toMatch(/^Tool results: \[call_\d+_0\] \(14 chars\) echo: xin chào$/)
    expect(bodies()[1]?.messages.at(-1)).toMatchObject({ role: 'tool', content: 'echo: xin chào' })
    // The approval named the answer that asked, and every change of the call was announced.
    const approval = events.find((event) => event.type === 'tool-approval')
    expect(approval).toMatchObject({ approval: { conversationId: sent.conversationId, messageId: withCalls?.id } })
    expect(events.filter((event) => event.type === 'tool-call').map((event) => event.call.status)).toEqual([
      'awaiting_approval',
      'running',
      'done',
    ])
    expect(await call(core, 'tools:pending')).toEqual([])

    await session.shutdownAll()
    const again = session.startCore({ dataDir, toolsHomeDir: repoRoot })
    expect(await messagesOf(again, sent.conversationId)).toEqual(messages)
  })

  it('Regenerate of the final answer sends the stored call and its result again', async () => {
    const { core } = await start(tempDir())
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Cộng [[call=test-stdio__add:{"a":2,"b":3}]]',
    })
    const [, withCalls, final] = await settled(core, sent.conversationId, 3)
    const before = bodies().length
    await call<ChatSendResponse>(core, 'chat:retry', { messageId: final!.id })
    await expect.poll(() => bodies().length, { timeout: 20_000 }).toBe(before + 1)
    const resent = bodies().at(-1)!
    expect(resent.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
    expect(resent.messages[1]?.tool_calls).toEqual([
      {
        id: withCalls!.toolCalls![0]!.id,
        type: 'function',
        function: { name: 'test-stdio__add', arguments: '{"a":2,"b":3}' },
      },
    ])
    expect(resent.messages[2]).toMatchObject({ role: 'tool', content: '5' })
  })

  it('Continue of an interrupted answer after tool calls offers the tools again; with tools off its history goes as text', async () => {
    const { core } = await start(tempDir())
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Cộng [[call=test-stdio__add:{"a":2,"b":3}]]',
    })
    const [, , final] = await settled(core, sent.conversationId, 3)
    // The final answer as Stop leaves it mid-text: Continue is what the user is offered.
    const interrupt = () =>
      core.history.finishMessage(final!.id, {
        content: final!.content,
        reasoning: null,
        status: 'stopped',
        errorKind: null,
        errorMessage: null,
        model: final!.model ?? null,
        usage: null,
        costUsd: null,
        timings: null,
      })
    interrupt()
    let before = bodies().length
    await call<ChatSendResponse>(core, 'chat:continue', { messageId: final!.id })
    await expect.poll(() => bodies().length, { timeout: 20_000 }).toBe(before + 1)
    const withTools = bodies().at(-1)!
    expect(withTools.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
    ])
    expect(withTools.tools).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'test-stdio__add' }) }),
      ]),
    )
    await settled(core, sent.conversationId, 3)

    // Tools turned off for the conversation: no `tools`, so no tool messages either, yet the facts stay.
    await call(core, 'history:setOverrides', { conversationId: sent.conversationId, overrides: { tools: false } })
    interrupt()
    before = bodies().length
    await call<ChatSendResponse>(core, 'chat:continue', { messageId: final!.id })
    await expect.poll(() => bodies().length, { timeout: 20_000 }).toBe(before + 1)
    const withoutTools = bodies().at(-1)!
    expect(withoutTools.tools).toBeUndefined()
    expect(withoutTools.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'assistant', 'user'])
    expect(withoutTools.messages.some((message) => message.tool_calls)).toBe(false)
    expect(withoutTools.messages[1]?.content).toBe(
      '[Called the tool test-stdio__add with {"a":2,"b":3}]\n\n[Result of test-stdio__add]\n5',
    )
    await settled(core, sent.conversationId, 3)
  })

  it('a denied call runs nothing; the conversation switch turns tools off', async () => {
    const { core } = await start(tempDir(), [stdioTestServer()], 'deny')
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Env [[call=test-stdio__env]]',
    })
    const [, withCalls] = await settled(core, sent.conversationId, 3)
    expect(withCalls?.toolCalls?.[0]).toMatchObject({ status: 'denied', result: expect.stringContaining('denied') })

    const off = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'No tools [[call=test-stdio__env]]',
      overrides: { tools: false },
    })
    const plain = await settled(core, off.conversationId, 2)
    expect(plain[1]?.content).toContain('Echo:')
    expect(bodies().at(-1)?.tools).toBeUndefined()
  })

  it('"Always allow" is saved in Settings per server and tool; the next call is not asked about', async () => {
    const { core, events } = await start(tempDir(), [stdioTestServer()], 'always')
    const first = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Một [[call=test-stdio__echo:{"text":"1"}]]',
    })
    await settled(core, first.conversationId, 3)
    expect(core.settings.get().tools.alwaysAllowed).toEqual([{ serverId: 'test-stdio', tool: 'echo' }])
    const asked = () => events.filter((event) => event.type === 'tool-approval').length
    expect(asked()).toBe(1)
    const second = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: first.conversationId,
      content: 'Hai [[call=test-stdio__echo:{"text":"2"}]]',
    })
    const messages = await settled(core, second.conversationId, 6)
    expect(messages[4]?.toolCalls?.[0]).toMatchObject({ status: 'done', result: 'echo: 2' })
    expect(asked()).toBe(1)
  })

  it('chat:stop with the loop’s stream id, during a running call, cancels it and ends the loop', async () => {
    const { core, events } = await start(tempDir())
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Chậm [[call=test-stdio__slow:{"ms":60000}]]',
    })
    await expect
      .poll(() => events.some((event) => event.type === 'tool-call' && event.call.status === 'running'), {
        timeout: 20_000,
      })
      .toBe(true)
    const running = events.find((event) => event.type === 'tool-call' && event.call.status === 'running')
    const loopStreamId = running?.type === 'tool-call' ? running.loopStreamId : ''
    expect(await call(core, 'chat:stop', { streamId: loopStreamId })).toEqual({ stopped: true })
    const [, withCalls] = await settled(core, sent.conversationId, 2)
    expect(withCalls?.toolCalls?.[0]).toMatchObject({ tool: 'slow', status: 'cancelled' })
    expect(bodies()).toHaveLength(1)
  })

  it('chat:stop while a call awaits approval denies it, ends the loop and the answer reads stopped; a reload finds the loop', async () => {
    const { core, events } = await start(tempDir(), [stdioTestServer()], null)
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Chậm [[call=test-stdio__slow:{"ms":60000}]]',
    })
    await expect.poll(() => events.find((event) => event.type === 'tool-approval'), { timeout: 20_000 }).toBeTruthy()
    // What a view reloaded now reads: the loop still answering, and the approval naming that loop.
    const loops = await call<Array<{ conversationId: string; loopStreamId: string }>>(core, 'tools:loops', undefined)
    expect(loops).toEqual([{ conversationId: sent.conversationId, loopStreamId: sent.streamId }])
    const pending = await call<Array<{ loopStreamId: string }>>(core, 'tools:pending', undefined)
    expect(pending).toEqual([expect.objectContaining({ loopStreamId: sent.streamId })])
    expect(await call(core, 'chat:stop', { streamId: pending[0]!.loopStreamId })).toEqual({ stopped: true })
    const [, withCalls] = await settled(core, sent.conversationId, 2)
    expect(withCalls).toMatchObject({ status: 'stopped' })
    expect(withCalls?.toolCalls?.[0]).toMatchObject({ tool: 'slow', status: 'cancelled' })
    expect(await call(core, 'tools:loops', undefined)).toEqual([])
    expect(await call(core, 'tools:pending', undefined)).toEqual([])
    const loopEvents = events.filter((event) => event.type === 'tool-loop')
    expect(loopEvents.map((event) => event.type === 'tool-loop' && event.running)).toEqual([true, false])
    expect(events.some((event) => event.type === 'tool-call' && event.call.status === 'running')).toBe(false)
    expect(bodies()).toHaveLength(1)
  })

  it('while a loop waits for an approval, Send, Compare, Continue and Regenerate in that conversation are refused as busy, and nothing is written', async () => {
    const { core, events } = await start(tempDir(), [stdioTestServer()], null)
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Chậm [[call=test-stdio__slow:{"ms":60000}]]',
    })
    await expect.poll(() => events.find((event) => event.type === 'tool-approval'), { timeout: 20_000 }).toBeTruthy()
    const [question, withCalls] = await messagesOf(core, sent.conversationId)
    // The answer that asked reads complete: only the loop holds the conversation now.
    expect(withCalls).toMatchObject({ status: 'complete', finishReason: 'tool_calls' })
    const refusals = await Promise.all([
      core.dispatch('chat:send', { conversationId: sent.conversationId, content: 'Thêm một câu' }),
      core.dispatch('chat:compare', { conversationId: sent.conversationId, content: 'So sánh', models: ['a', 'b'] }),
      core.dispatch('chat:continue', { messageId: withCalls!.id }),
      core.dispatch('chat:retry', { messageId: withCalls!.id }),
      core.dispatch('chat:retry', { messageId: question!.id }),
      core.dispatch('chat:edit', { messageId: question!.id, content: 'Câu đã sửa' }),
    ])
    for (const refused of refusals)
      expect(refused).toMatchObject({ ok: false, error: { kind: 'busy', message: expect.stringMatching(/tools/) } })
    expect(await messagesOf(core, sent.conversationId)).toEqual([question, withCalls])
    expect(bodies()).toHaveLength(1)
    // Another conversation is not held.
    const other = await call<ChatSendResponse>(core, 'chat:send', { conversationId: null, content: 'Xin chào' })
    await settled(core, other.conversationId, 2)

    // Once the loop has ended, Continue goes on below the answer that asked.
    expect(await call(core, 'chat:stop', { streamId: sent.streamId })).toEqual({ stopped: true })
    await expect.poll(() => call(core, 'tools:loops', undefined)).toEqual([])
    const continued = await call<ChatSendResponse>(core, 'chat:continue', { messageId: withCalls!.id })
    expect(continued.streamId).not.toBeNull()
  })

  it('when the next step cannot start (the key was removed), its answer ends as an error, not streaming', async () => {
    const { core, events } = await start(tempDir(), [stdioTestServer()], null)
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Nói lại [[call=test-stdio__echo:{"text":"một"}]]',
    })
    await expect.poll(() => events.find((event) => event.type === 'tool-approval'), { timeout: 20_000 }).toBeTruthy()
    const asked = events.find((event) => event.type === 'tool-approval')
    await call(core, 'key:clear', undefined)
    await call(core, 'tools:approve', {
      approvalId: asked?.type === 'tool-approval' ? asked.approval.approvalId : '',
      answer: 'once',
    })
    const [, withCalls, next] = await settled(core, sent.conversationId, 3)
    expect(withCalls?.toolCalls?.[0]).toMatchObject({ status: 'done', result: 'echo: một' })
    expect(next).toMatchObject({ role: 'assistant', status: 'error', errorKind: 'no_key' })
    expect(bodies()).toHaveLength(1)
  })

  it('deleting the conversation while a call awaits approval ends the loop: nothing runs, nothing more is asked', async () => {
    const { core, events } = await start(tempDir(), [stdioTestServer()], null)
    const sent = await call<ChatSendResponse>(core, 'chat:send', {
      conversationId: null,
      content: 'Nói lại [[call=test-stdio__echo:{"text":"hai"}]]',
    })
    await expect.poll(() => events.find((event) => event.type === 'tool-approval'), { timeout: 20_000 }).toBeTruthy()
    await call(core, 'history:delete', { conversationId: sent.conversationId })
    // The waiting approval is settled (the loop was stopped), so no view keeps offering it.
    await expect
      .poll(() => events.some((event) => event.type === 'tool-approval-settled'), { timeout: 20_000 })
      .toBe(true)
    expect(await call(core, 'tools:pending', undefined)).toEqual([])
    expect(events.some((event) => event.type === 'tool-call' && event.call.status === 'running')).toBe(false)
    expect(bodies()).toHaveLength(1)
  })

  it('a server that cannot start is tried once: questions go on without its tools, the user is told once, Settings shows why', async () => {
    const starts = join(tempDir(), 'starts.log')
    const script = `require("fs").appendFileSync(${JSON.stringify(starts)}, "start\\n"); console.error("no config"); process.exit(1)`
    const broken = stdioTestServer({ id: 'broken', name: 'Broken tools', args: ['-e', script] })
    const { core, events } = await start(tempDir(), [stdioTestServer(), broken])
    const startCount = () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).length
    const first = await call<ChatSendResponse>(core, 'chat:send', { conversationId: null, content: 'Một' })
    await settled(core, first.conversationId, 2)
    await call<ChatSendResponse>(core, 'chat:send', { conversationId: first.conversationId, content: 'Hai' })
    await settled(core, first.conversationId, 4)
    expect(startCount()).toBe(1)
    const told = events.filter((event) => event.type === 'tool-server-failed')
    expect(told).toEqual([
      expect.objectContaining({
        serverId: 'broken',
        serverName: 'Broken tools',
        error: expect.objectContaining({ stderr: ['no config'] }),
      }),
    ])
    // Both questions were answered with the working server's tools, none of the broken one's.
    for (const body of bodies()) {
      const names = (body.tools ?? []).map((tool) => (tool as { function: { name: string } }).function.name)
      expect(names).toContain('test-stdio__echo')
      expect(names.some((name) => name.startsWith('broken__'))).toBe(false)
    }
    expect(await call(core, 'tools:status', undefined)).toEqual([
      { serverId: 'test-stdio', state: 'running', error: null },
      { serverId: 'broken', state: 'failed', error: expect.objectContaining({ stderr: ['no config'] }) },
    ])
    // Retry in Settings starts it again.
    expect(await call(core, 'tools:list', { serverId: 'broken', retry: true })).toMatchObject({ state: 'failed' })
    expect(startCount()).toBe(2)
  })

  it('a stdio server added or changed through the contract needs main’s confirmation; refused, nothing changes', async () => {
    const asked: ToolCommandChange[] = []
    let allow = false
    const core = session.startCore({
      dataDir: tempDir(),
      toolsHomeDir: repoRoot,
      confirmToolCommand: async (change) => {
        asked.push(change)
        return allow
      },
    })
    const before = core.settings.get().tools
    const server = stdioTestServer({ env: [{ name: 'TOKEN', value: 'abc' }] })
    const refused = await core.dispatch('settings:set', { tools: { ...before, servers: [server] } })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not_confirmed' } })
    expect(core.settings.get().tools).toEqual(before)
    expect(asked).toEqual([
      {
        kind: 'add',
        serverName: 'Test tools',
        command: process.execPath,
        args: server.args,
        env: [{ name: 'TOKEN', value: 'abc' }],
        cwd: repoRoot,
      },
    ])

    allow = true
    await call(core, 'settings:set', { tools: { ...before, servers: [server] } })
    expect(core.settings.get().tools.servers).toEqual([server])
    // Turning it off, renaming it or turning a tool off runs nothing new: not asked.
    const quiet = { ...server, enabled: false, name: 'Renamed', disabledTools: ['echo'] }
    await call(core, 'settings:set', { tools: { ...before, servers: [quiet] } })
    expect(asked).toHaveLength(2)
    // Its arguments changed: asked again, and refused, the stored server stays as it was.
    allow = false
    const changed = { ...quiet, args: ['-e', 'require("child_process").execSync("touch /tmp/pwned")'] }
    expect(await core.dispatch('settings:set', { tools: { ...before, servers: [changed] } })).toMatchObject({
      ok: false,
      error: { kind: 'not_confirmed' },
    })
    expect(asked.at(-1)).toMatchObject({ kind: 'change', args: changed.args })
    expect(core.settings.get().tools.servers).toEqual([quiet])
    // An HTTP server runs nothing here: not asked.
    const http: ToolServer = {
      id: 'web',
      name: 'Web',
      enabled: true,
      disabledTools: [],
      transport: 'http',
      url: 'http://127.0.0.1:9/mcp',
      headers: [],
    }
    await call(core, 'settings:set', { tools: { ...before, servers: [quiet, http] } })
    expect(asked).toHaveLength(3)
  })

  it('tools:list lists a server’s tools, or says why it cannot start with its stderr', async () => {
    const broken = stdioTestServer({ id: 'broken', args: ['-e', 'console.error("no config"); process.exit(1)'] })
    const { core } = await start(tempDir(), [stdioTestServer(), broken])
    const listed = await call<{ tools: Array<{ name: string }>; state: string }>(core, 'tools:list', {
      serverId: 'test-stdio',
    })
    expect(listed.state).toBe('running')
    expect(listed.tools.map((tool) => tool.name)).toContain('echo')
    expect(await call(core, 'tools:list', { serverId: 'broken' })).toMatchObject({
      state: 'failed',
      tools: [],
      error: { kind: 'server_unavailable', stderr: ['no config'] },
    })
  })
})
