/**
 * The API key never leaves main. A whole session (set the key, chat, a gateway error, a wrong key, a
 * network failure) runs through the real core, IPC (fake ipcMain/ipcRenderer with structured clone)
 * and browser mode (HTTP + SSE), against a fake gateway that echoes the whole key in its error
 * messages, as some gateways do. Every IPC result and event, every SSE byte, every HTTP body, every
 * log line, everything written to stdout/stderr and every file in the data folder is recorded, and
 * neither the right key nor the wrong one (nor a 10-character piece of either) may appear anywhere.
 * The gateway also echoes the key base64-, URL- and JSON-escaped, in error bodies, in an HTML error
 * page and in the streamed answer itself; none of those forms may appear anywhere either.
 * A tool call runs too, with the key in the app's own environment: the MCP server (a real child)
 * reports its whole environment as the result, which goes to the gateway, history and every view;
 * every request body the gateway received is searched as well.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { registerIpcHandlers } from '../../src/main/ipc/register-ipc'
import { safeStorageEncryptor } from '../../src/main/secrets/encryptor'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { webFileAccess } from '../../src/main/web/web-file-access'
import { appEventChannel } from '../../src/shared/channels'
import type { ChatEvent } from '../../src/shared/chat'
import type { AppEvent } from '../../src/shared/events'
import { encodeKey, keyEncodings } from '../fake-gateway/scenario'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { EventLog } from '../support/collect-events'
import { createFakeElectron } from '../support/fake-electron'
import { fakeSafeStorage } from '../support/fake-safe-storage'
import { memoryLogger } from '../support/memory-logger'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'
import { repoRoot, stdioTestServer } from '../support/mcp-servers'
import { consentText } from '../../src/main/tools/command-consent'

const tempDir = useTempDirs()
const rightKey = 'sk-hs-live-4f9c2e7a1b3d5f8e0a6c9b2d'
const wrongKey = 'sk-hs-live-0e7d3a9f6c1b8e2d4a5f7c3b'
const token = 'key-leak-test-token-0123456789'

const recorded: string[] = []
const record = (what: string, value: unknown) =>
  recorded.push(`${what} ${typeof value === 'string' ? value : JSON.stringify(value)}`)

let gateway: FakeGateway
/** Another origin the renderer may point the app at; it must never see a request with the key. */
let elsewhere: FakeGateway
let core: Core
let server: WebServer
let dataDir: string
let electron: ReturnType<typeof createFakeElectron>
let log: ReturnType<typeof memoryLogger>
const events = new EventLog()

async function invoke(channel: string, payload?: unknown) {
  const result = await electron.ipcRenderer.invoke(channel, payload)
  record(`ipc ${channel}`, result)
  return result as { ok: boolean; value?: unknown; error?: { kind: string; message: string } }
}

async function chat(content: string): Promise<ChatEvent> {
  const sent = await invoke('chat:send', { conversationId: null, content })
  const { streamId } = sent.value as { streamId: string }
  return events.end(streamId)
}

async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

beforeAll(async () => {
  gateway = await startFakeGateway({ apiKey: rightKey, tokenDelayMs: 1, echoKeyInErrors: true })
  elsewhere = await startFakeGateway({ apiKey: rightKey, tokenDelayMs: 1 })
  dataDir = tempDir()
  // As index.ts builds it: the logger scrubs whatever key the store holds at each line.
  log = memoryLogger(() => {
    const key = core?.secrets.apiKey()
    return key ? [key] : []
  })
  core = createTestCore({
    dataDir,
    toolsHomeDir: repoRoot,
    log,
    encryptor: safeStorageEncryptor(fakeSafeStorage(), 'darwin'),
    // The user allows the test server's command; what main shows them is checked for the key too.
    confirmToolCommand: async (change) => {
      record('tool-command-dialog', consentText(change, 'en'))
      return true
    },
  })
  electron = createFakeElectron()
  registerIpcHandlers(electron.ipcMain, core.dispatch)
  core.onEvent((event) => electron.ipcRenderer.webContents.send(appEventChannel, event))
  electron.ipcRenderer.on(appEventChannel, (_event, payload) => {
    record('ipc-event', payload)
    if ('streamId' in (payload as AppEvent)) events.push(payload as ChatEvent)
    const event = payload as AppEvent
    // Allow every tool call, as the user would in the approval prompt.
    if (event.type === 'tool-approval')
      void invoke('tools:approve', { approvalId: event.approval.approvalId, answer: 'once' })
  })
  server = await startWebServer({
    core,
    rendererDir: tempDir(),
    files: webFileAccess(dataDir),
    port: 0,
    token,
    log,
  })
})

afterAll(async () => {
  await core.shutdown()
  await server.close()
  await gateway.close()
  await elsewhere.close()
})

describe('the API key', () => {
  it('is found nowhere outside main through a whole session', { timeout: 60_000 }, async () => {
    const origin = `http://127.0.0.1:${server.port}`
    const output: string[] = []
    const writes = { out: process.stdout.write, err: process.stderr.write }
    const capture = (stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        output.push(String(chunk))
        return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest)
      }) as typeof process.stdout.write
    process.stdout.write = capture(process.stdout, writes.out)
    process.stderr.write = capture(process.stderr, writes.err)
    const sse = new AbortController()
    let sseText = ''
    const sseDone = fetch(`${origin}/api/events`, { headers: { 'x-holysheep-token': token }, signal: sse.signal })
      .then(async (response) => {
        for await (const bytes of response.body as AsyncIterable<Uint8Array>) sseText += Buffer.from(bytes).toString()
      })
      .catch(() => {})
    const http = async (channel: string, body?: unknown) => {
      const response = await fetch(`${origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-holysheep-token': token },
        body: body === undefined ? '' : JSON.stringify(body),
      })
      record(`http ${channel}`, await response.text())
    }

    try {
      // Point the app at the gateway, set the key and chat.
      await invoke('settings:set', { baseURL: gateway.baseURL })
      expect(await invoke('key:set', { key: rightKey })).toMatchObject({ ok: true, value: { isSet: true } })
      expect(await chat('Xin chào [[tokens=30]]')).toMatchObject({ type: 'done' })
      expect(await invoke('models:list')).toMatchObject({ ok: true })
      // A tool call whose result is the server's whole environment, with the key in the app's own.
      process.env.HOLYSHEEP_KEY_IN_APP_ENV = rightKey
      try {
        const tools = core.settings.get().tools
        await invoke('settings:set', { tools: { ...tools, servers: [stdioTestServer()], enabledByDefault: true } })
        const toolTurn = await invoke('chat:send', { conversationId: null, content: 'Env [[call=test-stdio__env]]' })
        const { conversationId } = toolTurn.value as { conversationId: string }
        await events.until(() => events.events.filter((event) => event.type === 'done').length >= 3, 20_000)
        await invoke('history:messages', { conversationId, limit: 50, beforeMessageId: null })
        expect(recorded.at(-1)).toContain('"tool":"env"')
        expect(recorded.at(-1)).toContain('PATH')
        await invoke('settings:set', { tools: { ...tools, enabledByDefault: false } })
      } finally {
        delete process.env.HOLYSHEEP_KEY_IN_APP_ENV
      }
      await http('key:status')
      await http('settings:get')
      // The gateway refuses the request and echoes the (right) key in its message.
      const refused = await chat('[[status=400]] please fail')
      expect(refused, JSON.stringify(refused)).toMatchObject({ type: 'error', error: { kind: 'context_too_long' } })
      // The key echoed in other encodings: in an error body, in the answer's text, in an HTML page.
      for (const encoding of keyEncodings) {
        const echoedError = await chat(`[[status=403]] [[echo-key=${encoding}]] refuse me`)
        expect(echoedError).toMatchObject({ type: 'error', error: { kind: 'forbidden' } })
        expect(await chat(`[[echo-key=${encoding}]] [[tokens=12]] echo it`)).toMatchObject({ type: 'done' })
      }
      expect(await chat('[[html-error=502]] [[echo-key=base64]] a proxy page')).toMatchObject({ type: 'error' })
      await invoke('history:list', { limit: 50, after: null })
      const conversations = (recorded.at(-1) ?? '').match(/"id":"[0-9a-f-]{36}"/g) ?? []
      for (const id of conversations.slice(0, 12))
        await invoke('history:messages', { conversationId: id.slice(6, -1), limit: 50, beforeMessageId: null })
      // A wrong key: 401, its message echoing the wrong key.
      await invoke('key:set', { key: wrongKey })
      expect(await chat('hello again')).toMatchObject({ type: 'error', error: { kind: 'invalid_key' } })
      expect(await invoke('models:list')).toMatchObject({ ok: false })
      await http('models:list')
      await invoke('key:set', { key: rightKey })
      // The renderer points the app at another origin: the stored key is not sent there, and the
      // renderer is told why, in a kind it can explain.
      await invoke('settings:set', { baseURL: elsewhere.baseURL })
      expect(await invoke('models:list')).toMatchObject({ ok: false, error: { kind: 'key_origin_changed' } })
      expect(await invoke('chat:send', { conversationId: null, content: 'to elsewhere' })).toMatchObject({
        ok: true,
        value: { error: { kind: 'key_origin_changed' } },
      })
      expect(await invoke('key:status')).toMatchObject({
        ok: true,
        value: { isSet: true, originChanged: { savedFor: new URL(gateway.baseURL).host } },
      })
      await http('models:list')
      expect(elsewhere.requests).toHaveLength(0)
      await invoke('settings:set', { baseURL: gateway.baseURL })
      expect(await invoke('models:list')).toMatchObject({ ok: true })
      // No network: the gateway's port is closed (the key entered again for that address).
      await invoke('settings:set', { baseURL: `http://127.0.0.1:${await closedPort()}/v1` })
      await invoke('key:set', { key: rightKey })
      const offline = await chat('anyone there?')
      expect(offline).toMatchObject({ type: 'error', error: { kind: 'network' } })
      expect(await invoke('models:list')).toMatchObject({ ok: false })
      await invoke('key:status')
      await invoke('history:search', { query: 'hello', limit: 10 })
      await invoke('history:list', { limit: 50, after: null })
    } finally {
      process.stdout.write = writes.out
      process.stderr.write = writes.err
      sse.abort()
      await sseDone
    }

    // The keys were really used: the gateway saw both.
    const presented = gateway.requests.map((request) => request.headers.authorization)
    expect(presented).toContain(`Bearer ${rightKey}`)
    expect(presented).toContain(`Bearer ${wrongKey}`)
    // And the gateway's echo really reached main, where it was scrubbed.
    const everything = [
      ...recorded,
      ...gateway.requests.map((request) => `gateway-body ${JSON.stringify(request.body ?? null)}`),
      `sse ${sseText}`,
      ...log.lines.map((line) => `log ${line}`),
      ...output.map((line) => `output ${line}`),
      ...readdirSync(dataDir)
        .filter((file) => !file.endsWith('-shm'))
        .flatMap((file) => {
          try {
            return [`file ${file} ${readFileSync(join(dataDir, file), 'latin1')}`]
          } catch {
            return [] // a folder (uploads/, exports/)
          }
        }),
    ].join('\n')
    expect(everything).toContain('[redacted]')
    expect(sseText).toContain('"type":"error"')
    expect(log.lines.length).toBeGreaterThan(0)

    // The encoded echoes really reached main: the gateway's answers carried them.
    expect(gateway.requests.some((request) => JSON.stringify(request.body ?? null).includes('echo-key=json'))).toBe(
      true,
    )
    for (const key of [rightKey, wrongKey]) {
      expect(everything.includes(key), `the whole key ${key}`).toBe(false)
      for (const encoding of keyEncodings) {
        const form = encodeKey(key, encoding)
        expect(everything.includes(form), `the key as ${encoding}: ${form}`).toBe(false)
        // As JSON puts it in a body (backslashes doubled), and any 16 characters of the form.
        expect(everything.includes(JSON.stringify(form).slice(1, -1)), `the key as ${encoding} in JSON`).toBe(false)
        for (let start = 0; start + 16 <= form.length; start += 4) {
          const piece = form.slice(start, start + 16)
          const at = everything.indexOf(piece)
          expect(at, `"${piece}" of the ${encoding} key in: ${everything.slice(Math.max(0, at - 80), at + 40)}`).toBe(
            -1,
          )
        }
      }
      // Nor a recognisable piece of it: every 10-character window of its random part.
      const secretPart = key.slice('sk-hs-live-'.length)
      for (let start = 0; start + 10 <= secretPart.length; start++) {
        const piece = secretPart.slice(start, start + 10)
        const at = everything.indexOf(piece)
        expect(at, `"${piece}" of the key in: ${everything.slice(Math.max(0, at - 80), at + 40)}`).toBe(-1)
      }
    }
  })
})
