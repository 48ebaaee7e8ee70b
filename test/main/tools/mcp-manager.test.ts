import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { cappedFetch } from '../../../src/main/tools/capped-fetch'
import { McpManager } from '../../../src/main/tools/mcp-manager'
import { childEnvironment } from '../../../src/main/tools/stdio-transport'
import type { ToolServer } from '../../../src/shared/tool-settings'
import { memoryLogger } from '../../support/memory-logger'
import { repoRoot, startHttpTestServer, stdioTestServer } from '../../support/mcp-servers'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

const managers: McpManager[] = []
const cleanups: Array<() => void> = []
afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.stopAll()))
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function manager(servers: ToolServer[]) {
  const log = memoryLogger()
  const created = new McpManager({ servers: () => servers, homeDir: repoRoot, log })
  managers.push(created)
  return { manager: created, log }
}

const call = (mcp: McpManager, serverId: string, tool: string, args: Record<string, unknown>, timeoutMs = 10_000) =>
  mcp.callTool(serverId, tool, args, { signal: new AbortController().signal, timeoutMs })

const textOf = (outcome: Awaited<ReturnType<McpManager['callTool']>>) =>
  outcome.ok && outcome.value.content[0]?.type === 'text' ? outcome.value.content[0].text : null

describe('McpManager over stdio (a real child process)', () => {
  it('lists the tools with their descriptions and schemas, and calls one', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    const listed = await mcp.listTools('test-stdio')
    expect(listed.ok && listed.value.map((tool) => tool.name)).toEqual([
      'echo',
      'add',
      'slow',
      'big',
      'crash',
      'env',
      'cancellations',
    ])
    expect(listed.ok && listed.value[1]).toMatchObject({
      description: 'Adds two numbers.',
      inputSchema: { type: 'object', properties: { a: { type: 'number' } } },
    })
    expect(textOf(await call(mcp, 'test-stdio', 'add', { a: 2, b: 40 }))).toBe('42')
    expect(mcp.status('test-stdio')).toMatchObject({ state: 'running', stderr: ['test tool server ready'] })
  })

  it('starts no server once quitting began: a listing that comes after stopAll is refused', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    expect((await mcp.listTools('test-stdio')).ok).toBe(true)
    await mcp.stopAll()
    expect(await mcp.listTools('test-stdio')).toMatchObject({ ok: false, error: { kind: 'server_unavailable' } })
    expect(mcp.status('test-stdio')).not.toMatchObject({ state: 'running' })
  })

  it("gives the server only the configured environment and PATH: not the app's, not the key", async () => {
    process.env.HOLYSHEEP_API_KEY_FOR_TEST = 'sk-holysheep-must-not-leak'
    try {
      const { manager: mcp } = manager([stdioTestServer({ env: [{ name: 'MY_TOKEN', value: 'mine' }] })])
      const env = JSON.parse(textOf(await call(mcp, 'test-stdio', 'env', {})) ?? '{}') as Record<string, string>
      expect(env.MY_TOKEN).toBe('mine')
      expect(env.PATH).toBe(process.env.PATH)
      expect(JSON.stringify(env)).not.toContain('sk-holysheep-must-not-leak')
      for (const name of ['HOME', 'USER', 'SHELL', 'HOLYSHEEP_API_KEY_FOR_TEST']) expect(env[name]).toBeUndefined()
    } finally {
      delete process.env.HOLYSHEEP_API_KEY_FOR_TEST
    }
  })

  it('the environment on Windows keeps SYSTEMROOT, without which nothing starts there', () => {
    expect(
      childEnvironment(
        [{ name: 'A', value: '1' }],
        { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', APPDATA: 'x' },
        'win32',
      ),
    ).toEqual({ Path: 'C:\\bin', SystemRoot: 'C:\\Windows', A: '1' })
  })

  it('stops a slow call on Stop and the server learns it was cancelled (MCP cancellation)', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    const stop = new AbortController()
    expect((await mcp.listTools('test-stdio')).ok).toBe(true)
    const running = mcp.callTool('test-stdio', 'slow', { ms: 60_000 }, { signal: stop.signal, timeoutMs: 120_000 })
    setTimeout(() => stop.abort(), 200)
    expect(await running).toMatchObject({ ok: false, error: { kind: 'aborted' } })
    await expect.poll(async () => textOf(await call(mcp, 'test-stdio', 'cancellations', {}))).toBe('1')
  })

  it('cancels a call past its timeout', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    const outcome = await call(mcp, 'test-stdio', 'slow', { ms: 60_000 }, 1_000)
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('1 s') } })
    await expect.poll(async () => textOf(await call(mcp, 'test-stdio', 'cancellations', {}))).toBe('1')
  })

  it('reports a crash mid-call with the last stderr lines, and restarts on the next use', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    const outcome = await call(mcp, 'test-stdio', 'crash', {})
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        kind: 'server_crashed',
        stderr: expect.arrayContaining(['about to crash: the database file is locked']),
      },
    })
    expect(textOf(await call(mcp, 'test-stdio', 'echo', { text: 'again' }))).toBe('echo: again')
  })

  it('a message over 16 MB fails the call with a clear error and the server is killed at once', async () => {
    const { manager: mcp } = manager([stdioTestServer()])
    const listed = await mcp.listTools('test-stdio')
    expect(listed.ok).toBe(true)
    const outcome = await call(mcp, 'test-stdio', 'big', { chars: 17 * 1024 * 1024 })
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.error.message).toContain('larger than 16 MB')
    // The next call starts a fresh server and works.
    expect(textOf(await call(mcp, 'test-stdio', 'echo', { text: 'again' }))).toBe('echo: again')
  })

  it('a server that cannot start says why, with its stderr, and logs no secret', async () => {
    const { manager: mcp, log } = manager([
      stdioTestServer({
        args: ['-e', 'process.stderr.write("cannot open config.toml\\n"); process.exit(2)'],
        env: [{ name: 'SERVER_SECRET', value: 'hunter2-secret' }],
      }),
    ])
    const listed = await mcp.listTools('test-stdio')
    expect(listed).toMatchObject({
      ok: false,
      error: { kind: 'server_unavailable', stderr: ['cannot open config.toml'] },
    })
    expect(mcp.status('test-stdio').state).toBe('failed')
    expect(log.lines.join('\n')).not.toContain('hunter2-secret')
  })

  it('a failed start is remembered: not started again until changed, turned off and on, or retried', async () => {
    const starts = join(tempDir(), 'starts.log')
    // Counts its starts in a file, says why on stderr and exits: a server broken by its configuration.
    const script = `require("fs").appendFileSync(${JSON.stringify(starts)}, "start\\n"); console.error("no token given"); process.exit(1)`
    const servers: ToolServer[] = [stdioTestServer({ args: ['-e', script] })]
    const { manager: mcp } = manager(servers)
    const startCount = () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).length
    const broken = { ok: false, error: { kind: 'server_unavailable', stderr: ['no token given'] } }
    expect(await mcp.listTools('test-stdio')).toMatchObject(broken)
    expect(mcp.announceFailure('test-stdio')).toBe(true)
    // The next questions get the remembered failure at once, and are not told again.
    expect(await mcp.listTools('test-stdio')).toMatchObject(broken)
    expect(await call(mcp, 'test-stdio', 'echo', { text: 'x' })).toMatchObject(broken)
    expect(mcp.announceFailure('test-stdio')).toBe(false)
    expect(startCount()).toBe(1)
    expect(mcp.status('test-stdio')).toMatchObject({ state: 'failed', stderr: ['no token given'] })

    // Retry (Settings → Tools) starts it again.
    expect(await mcp.listTools('test-stdio', { retry: true })).toMatchObject(broken)
    expect(startCount()).toBe(2)
    // Turned off and on again (a settings change each time, as the core prunes after one).
    servers[0] = { ...servers[0]!, enabled: false }
    await mcp.prune()
    servers[0] = { ...servers[0], enabled: true }
    await mcp.prune()
    expect(await mcp.listTools('test-stdio')).toMatchObject(broken)
    expect(startCount()).toBe(3)
    // Its configuration changed (here fixed): it starts, with no failure left.
    servers[0] = stdioTestServer()
    await mcp.prune()
    expect(await mcp.listTools('test-stdio')).toMatchObject({ ok: true })
    expect(mcp.status('test-stdio')).toMatchObject({ state: 'running', error: null })
    expect(mcp.announceFailure('test-stdio')).toBe(false)
  })

  it('a command that does not exist fails without a shell', async () => {
    const { manager: mcp } = manager([stdioTestServer({ command: 'no-such-command-holysheep; echo hi', args: [] })])
    const listed = await mcp.listTools('test-stdio')
    expect(listed).toMatchObject({
      ok: false,
      error: { kind: 'server_unavailable', message: expect.stringContaining('ENOENT') },
    })
  })

  it('a turned-off server does not start', async () => {
    const { manager: mcp } = manager([stdioTestServer({ enabled: false })])
    expect(await mcp.listTools('test-stdio')).toMatchObject({ ok: false, error: { kind: 'server_unavailable' } })
    expect(mcp.status('test-stdio').state).toBe('stopped')
  })
})

describe('McpManager over Streamable HTTP on 127.0.0.1', () => {
  it('sends the configured headers, lists the tools and calls one', async () => {
    const http = await startHttpTestServer()
    cleanups.push(http.close)
    const { manager: mcp } = manager([http.server])
    const listed = await mcp.listTools('test-http')
    expect(listed.ok && listed.value.length).toBe(7)
    expect(textOf(await call(mcp, 'test-http', 'echo', { text: 'qua HTTP' }))).toBe('echo: qua HTTP')
  })

  it('without the header the server wants, says it could not start', async () => {
    const http = await startHttpTestServer()
    cleanups.push(http.close)
    const { manager: mcp } = manager([{ ...http.server, headers: [] }])
    expect(await mcp.listTools('test-http')).toMatchObject({ ok: false, error: { kind: 'server_unavailable' } })
  })
  it('a result streamed as an event stream (SSE) over 16 MB fails the call clearly; the next call works', async () => {
    // The SDK's own Streamable HTTP server answers calls as text/event-stream (no JSON response mode).
    const http = await startHttpTestServer()
    cleanups.push(http.close)
    const { manager: mcp } = manager([http.server])
    const outcome = await call(mcp, 'test-http', 'big', { chars: 17 * 1024 * 1024 }, 60_000)
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'tool_failed', message: 'The tool server sent a message larger than 16 MB, so it was stopped.' },
    })
    expect(textOf(await call(mcp, 'test-http', 'echo', { text: 'vẫn chạy' }))).toBe('echo: vẫn chạy')
  })

  it('the cap counts each event of an event stream: a big one is cut, small ones pass, over the real SDK', async () => {
    const http = await startHttpTestServer()
    cleanups.push(http.close)
    const types: string[] = []
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      types.push(response.headers.get('content-type') ?? '')
      return response
    }
    const client = new Client({ name: 'cap-test', version: '1' }, { capabilities: {} })
    let cut = 0
    // As McpManager does: a cut reply ends the connection, which fails the call waiting on it.
    const transport = new StreamableHTTPClientTransport(new URL(http.server.url), {
      requestInit: { headers: { 'X-Test-Token': 'secret-header-value' } },
      fetch: cappedFetch(64 * 1024, recording, () => {
        cut++
        void client.close()
      }),
    })
    await client.connect(transport)
    cleanups.push(() => void client.close())
    // Many calls whose events are each under the cap pass, however much they add up to.
    for (let round = 0; round < 4; round++) {
      const small = await client.callTool({ name: 'big', arguments: { chars: 40_000 } })
      expect((small.content as Array<{ text: string }>)[0]?.text).toHaveLength(40_000)
    }
    expect(types.filter((type) => type.includes('text/event-stream')).length).toBeGreaterThanOrEqual(4)
    const failed = await client.callTool({ name: 'big', arguments: { chars: 100_000 } }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failed).toBeInstanceOf(Error)
    expect(cut).toBe(1)
    expect(types.at(-1)).toContain('text/event-stream')
  })

  it('a reply over 16 MB fails the call with a clear error, and the next call still works', async () => {
    // A real HTTP server on 127.0.0.1 speaking just enough MCP (JSON replies), whose tools/call
    // answer is 17 MB unless asked for a small one.
    const web = createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (text: string) => (body += text))
      request.on('end', () => {
        if (request.method !== 'POST') return void response.writeHead(405).end()
        const message = JSON.parse(body) as { id?: number; method: string; params?: { arguments?: { text?: string } } }
        if (message.id === undefined) return void response.writeHead(202).end()
        const result =
          message.method === 'initialize'
            ? { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'huge', version: '1' } }
            : message.method === 'tools/list'
              ? { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }
              : {
                  content: [{ type: 'text', text: message.params?.arguments?.text ?? 'x'.repeat(17 * 1024 * 1024) }],
                }
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }))
      })
    })
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => web.close())
    const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/mcp`
    const { manager: mcp } = manager([
      { id: 'huge', name: 'Huge', enabled: true, disabledTools: [], transport: 'http', url, headers: [] },
    ])
    const outcome = await call(mcp, 'huge', 'echo', {})
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'tool_failed' } })
    expect(!outcome.ok && outcome.error.message).toContain('larger than 16 MB')
    expect(textOf(await call(mcp, 'huge', 'echo', { text: 'small' }))).toBe('small')
  })
})
