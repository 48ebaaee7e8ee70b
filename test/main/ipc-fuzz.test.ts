/**
 * IPC under attack: thousands of random and malformed payloads (wrong types, huge strings,
 * prototype-pollution keys, unknown channels) sent through the real registration code
 * (`registerIpcHandlers`) and a faithful fake ipcMain/ipcRenderer (structured clone both ways) to a
 * real core on a real SQLite file. Every one must come back as a typed `invalid_payload` error, the
 * process must keep answering, and nothing stored may change. Seeded, so a failure reproduces:
 * FUZZ_SEED=<seed> npx vitest run test/main/ipc-fuzz.test.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { registerIpcHandlers } from '../../src/main/ipc/register-ipc'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { webFileAccess } from '../../src/main/web/web-file-access'
import { invokeChannels, type InvokeChannel } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import { AppErrorSchema } from '../../src/shared/errors'
import { startFakeGateway } from '../fake-gateway/server'
import { encodeKey, keyEncodings } from '../fake-gateway/scenario'
import { createFakeElectron } from '../support/fake-electron'
import { memoryLogger } from '../support/memory-logger'
import { createTestCore } from '../support/test-core'

const seed = Number(process.env.FUZZ_SEED ?? 20261125)
const runs = 3000
const id = '0b0d4a7e-3c1f-4e8a-9f55-1b2c3d4e5f60'

/** A valid request per channel, the starting point of the mutations. */
const validExamples: Record<InvokeChannel, unknown> = {
  'settings:get': undefined,
  'settings:set': { defaultModel: 'gpt-4.1', temperature: 0.5 },
  'key:status': undefined,
  'key:set': { key: 'sk-fuzz-new-key-123456' },
  'key:clear': undefined,
  'key:check': { key: 'sk-fuzz-check-key-123456', baseURL: 'http://127.0.0.1:9/v1' },
  'models:list': undefined,
  'presets:list': undefined,
  'presets:save': { name: 'Fuzz preset', systemPrompt: 'Be brief.', temperature: 0.2 },
  'presets:delete': { id: 'shipped-vietnamese-assistant' },
  'chat:send': { conversationId: null, content: 'xin chào' },
  'chat:stop': { streamId: id },
  'chat:retry': { messageId: id },
  'chat:continue': { messageId: id },
  'chat:edit': { messageId: id, content: 'sửa lại câu hỏi' },
  'chat:active': undefined,
  'attachments:read': { id: 'a'.repeat(64) },
  'attachments:add': { name: 'note.txt', dataBase64: Buffer.from('ghi chú').toString('base64') },
  'history:list': { limit: 10, after: null },
  'history:get': { conversationId: id },
  'history:messages': { conversationId: id, limit: 10, beforeMessageId: null },
  'history:message': { messageId: id },
  'history:messageText': { messageId: id, field: 'content', offset: 0, length: 1000 },
  'history:rename': { conversationId: id, title: 'New title' },
  'history:pin': { conversationId: id, pinned: true },
  'history:setOverrides': { conversationId: id, overrides: { model: 'gpt-4.1', temperature: 0.3 } },
  'history:delete': { conversationId: id },
  'history:deleteMessage': { messageId: id },
  'history:restoreMessage': { messageId: id },
  'history:showMessage': { messageId: id },
  'chat:compare': { conversationId: null, content: 'hi', models: ['gpt-4.1', 'deepseek-v3.2'] },
  'history:restore': { conversationId: id },
  'history:search': { query: 'tiếng', limit: 20 },
  'history:export': { conversationId: null, format: 'json' },
  'history:import': { uploadId: null },
  'jobs:cancel': { jobId: id },
  'app:notices': undefined,
  'app:openExternal': { url: 'https://example.com/' },
  'app:updateStatus': undefined,
  'app:installUpdate': undefined,
  'usage:summary': { days: 30, utcOffsetMinutes: 420 },
  'usage:conversation': { conversationId: id },
  'backups:list': undefined,
  'backups:create': undefined,
  'backups:restore': { id: 'daily-2026-12-01T193000123Z' },
  'tools:list': { serverId: 'no-such-server' },
  'tools:approve': { approvalId: id, answer: 'deny' },
  'tools:pending': undefined,
  'tools:loops': undefined,
  'tools:status': undefined,
}

const huge = ['x'.repeat(1_000_000), 'ệ'.repeat(300_000), `sk-${'a'.repeat(2_000_000)}`]
const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__']

/** Keys an attacker likes, alongside random ones. */
const key = fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ maxLength: 12 }))
/** Values of every JSON-ish and clonable type, including huge strings and nested pollution. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...huge),
    fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', "1' OR 1=1 --", '../../etc/passwd', '\u0000'),
    fc.date(),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('any'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
})).any

/** A valid request with one thing wrong: a field replaced, an extra (often polluting) key, a field removed. */
function mutated(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const base = validExamples[channel]
  if (base === undefined || base === null || typeof base !== 'object') return value
  const fields = Object.keys(base)
  return fc.oneof(
    fc.tuple(fc.constantFrom(...fields), value).map(([field, wrong]) => ({ ...base, [field]: wrong })),
    fc.tuple(key, value).map(([extra, wrong]) => {
      const payload: Record<string, unknown> = { ...base }
      Object.defineProperty(payload, extra, { value: wrong, enumerable: true, writable: true, configurable: true })
      return payload
    }),
    fc.constantFrom(...fields).map((field) => {
      const payload: Record<string, unknown> = { ...base }
      delete payload[field]
      return payload
    }),
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  )
}

const attack = fc
  .constantFrom(...invokeChannels)
  .chain((channel) => fc.tuple(fc.constant(channel), fc.oneof(value, mutated(channel))))
  // A payload the contract accepts is a normal call, not an attack: it is allowed to change state.
  .filter(([channel, payload]) => !contract[channel].request.safeParse(payload).success)

let core: Core
let dataDir: string
let electron: ReturnType<typeof createFakeElectron>
let conversationIds: string[]
let web: WebServer
let rendererDir: string
const webToken = 'fuzz-token-0123456789abcdefghij'

/** Everything stored: every row of every table, and the JSON files beside the database. */
function storedState() {
  const db = new DatabaseSync(join(dataDir, 'history.sqlite'), { readOnly: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string
    }>
    const rows = Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort(),
      ]),
    )
    const files = Object.fromEntries(
      readdirSync(dataDir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [file, readFileSync(join(dataDir, file), 'utf8')]),
    )
    return { rows, files, folder: readdirSync(dataDir).sort() }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  // One data folder for the whole file: the tests run in order against the same stored state.
  dataDir = mkdtempSync(join(tmpdir(), 'holysheep-fuzz-'))
  // The daily backup would otherwise run 30 s in and add a folder: a normal action, not an attack's effect.
  core = createTestCore({
    dataDir,
    env: { HOLYSHEEP_BASE_URL: 'http://127.0.0.1:9/v1' },
    firstBackupDelayMs: 86_400_000,
  })
  core.secrets.setKey('sk-fuzz-original-key-0001')
  core.settings.set({ defaultModel: 'claude-sonnet-4.5', temperature: 0.7, systemPrompt: 'Trả lời ngắn gọn.' })
  conversationIds = ['Một', 'Two', 'Ba'].map((title) => core.history.createConversation({ title }).id)
  core.history.setPinned(conversationIds[1]!, true)
  electron = createFakeElectron()
  registerIpcHandlers(electron.ipcMain, core.dispatch)
  rendererDir = mkdtempSync(join(tmpdir(), 'holysheep-fuzz-renderer-'))
  web = await startWebServer({
    core,
    rendererDir,
    files: webFileAccess(dataDir),
    port: 0,
    token: webToken,
    log: memoryLogger(),
  })
})

afterAll(async () => {
  await web.close()
  await core.shutdown()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(rendererDir, { recursive: true, force: true })
})

function expectTypedRefusal(result: unknown) {
  expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
  const { error } = result as { error: unknown }
  // Exactly the boundary's error shape: a kind and a short message, no stack, no echo of the payload.
  expect(AppErrorSchema.strict().parse(error)).toEqual(error)
  const message = (error as { message: string }).message
  expect(message.length).toBeLessThan(500)
  expect(message).not.toMatch(/\n\s+at /)
}

describe('IPC fuzzing', () => {
  it(
    `refuses ${runs} malformed payloads on every channel with a typed error and changes nothing`,
    {
      timeout: 300_000,
    },
    async () => {
      const before = storedState()
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
      const perChannel = new Map<string, number>()
      await fc.assert(
        fc.asyncProperty(attack, async ([channel, payload]) => {
          perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1)
          expectTypedRefusal(await electron.ipcRenderer.invoke(channel, payload))
        }),
        { seed, numRuns: runs, endOnFailure: true },
      )
      // Every channel was attacked, many times.
      expect([...perChannel.keys()].sort()).toEqual([...invokeChannels].sort())
      for (const count of perChannel.values()) expect(count).toBeGreaterThan(runs / invokeChannels.length / 3)
      expect(storedState()).toEqual(before)
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )

  it('refuses unknown and malformed channel names, over IPC and at the dispatch boundary', async () => {
    const before = storedState()
    const handlers = electron.ipcMain.handlers.size
    const channel = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'settings:get ', 'SETTINGS:GET', 'fs:read', 'eval'),
      fc.constantFrom(...invokeChannels).map((known) => `${known}\u0000`),
    )
    await fc.assert(
      fc.asyncProperty(
        channel.filter((name) => !(invokeChannels as readonly string[]).includes(name)),
        value,
        async (name, payload) => {
          // The renderer can only reach registered channels; Electron refuses the rest before main code runs.
          await expect(electron.ipcRenderer.invoke(name, payload)).rejects.toThrow(/No handler registered/)
          expectTypedRefusal(await core.dispatch(name, payload))
        },
      ),
      { seed, numRuns: 1000 },
    )
    for (const name of [42, null, undefined, {}, ['settings:get'], Symbol.for('settings:get')])
      expectTypedRefusal(await core.dispatch(name, undefined))
    expect(electron.ipcMain.handlers.size).toBe(handlers)
    expect(storedState()).toEqual(before)
  })

  it('refuses the same attacks over browser mode’s HTTP route', { timeout: 300_000 }, async () => {
    const before = storedState()
    /** What JSON can carry of an attack (no undefined, bigint or Date); others are not sendable over HTTP. */
    const asJson = (payload: unknown): string | null => {
      try {
        const text = JSON.stringify(payload)
        return text === undefined ? null : text
      } catch {
        return null
      }
    }
    const overHttp = attack
      .map(([channel, payload]) => [channel, asJson(payload)] as const)
      .filter(([channel, body]) => body !== null && !contract[channel].request.safeParse(JSON.parse(body)).success)
    await fc.assert(
      fc.asyncProperty(overHttp, async ([channel, body]) => {
        const response = await fetch(`http://127.0.0.1:${web.port}/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-holysheep-token': webToken },
          body: body!,
        })
        expect(response.status).toBe(200)
        expectTypedRefusal(await response.json())
      }),
      { seed, numRuns: 500, endOnFailure: true },
    )
    expect(storedState()).toEqual(before)
  })

  it('never echoes the stored key, in any encoding, in a refusal over IPC or HTTP', { timeout: 120_000 }, async () => {
    const storedKey = 'sk-fuzz-original-key-0001'
    const forms = [storedKey, ...keyEncodings.map((encoding) => encodeKey(storedKey, encoding))]
    // Payloads made of the key's forms where strings go: as values, as keys, inside longer text.
    const keyText = fc.oneof(
      fc.constantFrom(...forms),
      fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...forms)).map(([before, form]) => `${before}${form}`),
      fc.constantFrom(...forms).map((form) => `Bearer ${form}`),
    )
    const keyed = fc
      .constantFrom(...invokeChannels)
      .chain((channel) => {
        const base = validExamples[channel]
        const fields = base && typeof base === 'object' ? Object.keys(base) : []
        return fc.tuple(
          fc.constant(channel),
          fc.oneof(
            keyText,
            fc.dictionary(keyText, keyText, { minKeys: 1, maxKeys: 2 }),
            fields.length
              ? fc
                  .tuple(fc.constantFrom(...fields), keyText, fc.boolean())
                  .map(([field, text, asArray]) => ({ ...(base as object), [field]: asArray ? [text] : { text } }))
              : keyText,
          ),
        )
      })
      .filter(([channel, payload]) => !contract[channel].request.safeParse(payload).success)
    const leaks = (text: string) => forms.filter((form) => text.includes(form) || text.includes(JSON.stringify(form)))
    await fc.assert(
      fc.asyncProperty(keyed, async ([channel, payload]) => {
        const overIpc = await electron.ipcRenderer.invoke(channel, payload)
        expectTypedRefusal(overIpc)
        expect(leaks(JSON.stringify(overIpc))).toEqual([])
        const response = await fetch(`http://127.0.0.1:${web.port}/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-holysheep-token': webToken },
          body: JSON.stringify(payload),
        })
        expect(leaks(await response.text())).toEqual([])
      }),
      { seed, numRuns: 400, endOnFailure: true },
    )
  })

  it('still answers normal calls afterwards, with the data it had', async () => {
    const settings = await electron.ipcRenderer.invoke('settings:get')
    expect(settings).toMatchObject({ ok: true, value: { settings: { defaultModel: 'claude-sonnet-4.5' } } })
    const list = (await electron.ipcRenderer.invoke('history:list', { limit: 10, after: null })) as {
      ok: true
      value: { conversations: Array<{ id: string; title: string }> }
    }
    expect(list.value.conversations.map((c) => c.id).sort()).toEqual([...conversationIds].sort())
    expect(await electron.ipcRenderer.invoke('key:status')).toMatchObject({
      ok: true,
      value: { isSet: true, source: 'stored' },
    })
    expect(core.secrets.apiKey()).toBe('sk-fuzz-original-key-0001')
  })
})

/**
 * Valid payloads as a hostile renderer would send them: random sequences of base URL changes,
 * models lists, chats, key status and new keys. The stored key may reach only the origin it was
 * entered for; any other origin is told no (`key_origin_changed`) without a request being made.
 */
describe('IPC fuzzing the key’s origin', () => {
  it('never carries the stored key to another origin, whatever valid calls come in whatever order', async () => {
    const originalKey = 'sk-fuzz-bound-key-0123456789'
    const home = await startFakeGateway({ apiKey: originalKey, tokenDelayMs: 1 })
    const elsewhere = await startFakeGateway({ apiKey: originalKey, tokenDelayMs: 1 })
    const folder = mkdtempSync(join(tmpdir(), 'holysheep-fuzz-origin-'))
    const fuzzCore = createTestCore({ dataDir: folder })
    const ipc = createFakeElectron()
    registerIpcHandlers(ipc.ipcMain, fuzzCore.dispatch)
    const baseURLs = [
      home.baseURL,
      `http://127.0.0.1:${home.port}/other/v1`,
      elsewhere.baseURL,
      `http://127.0.0.1:${elsewhere.port}/v1/`,
      'http://127.0.0.1:9/v1',
    ]
    const call = fc.oneof(
      fc.constantFrom(...baseURLs).map((baseURL) => ['settings:set', { baseURL }] as const),
      fc.constant(['models:list', undefined] as const),
      fc.constant(['chat:send', { conversationId: null, content: 'xin chào [[tokens=2]]' }] as const),
      fc.constant(['key:status', undefined] as const),
      fc.constant(['key:set', { key: 'sk-fuzz-renderer-chosen-key' }] as const),
    )
    const refusals = new Map<string, number>()
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), async (calls) => {
          // Each run starts as a user left it: the key entered for the home gateway.
          await ipc.ipcRenderer.invoke('settings:set', { baseURL: home.baseURL })
          await ipc.ipcRenderer.invoke('key:set', { key: originalKey })
          for (const [channel, payload] of calls) {
            const result = (await ipc.ipcRenderer.invoke(channel, payload)) as {
              ok: boolean
              value?: { error?: { kind: string } | null }
              error?: { kind: string }
            }
            const kind = result.error?.kind ?? result.value?.error?.kind
            if (kind === 'key_origin_changed') refusals.set(channel, (refusals.get(channel) ?? 0) + 1)
          }
          await fuzzCore.chat.stopAll()
        }),
        { seed, numRuns: 60, endOnFailure: true },
      )
    } finally {
      await fuzzCore.shutdown()
      rmSync(folder, { recursive: true, force: true })
    }
    const presented = (gateway: typeof home) => gateway.requests.map((request) => request.headers.authorization)
    // The key was really used where it belongs, and refused elsewhere through both ways of using it...
    expect(presented(home)).toContain(`Bearer ${originalKey}`)
    expect(refusals.get('models:list')).toBeGreaterThan(0)
    expect(refusals.get('chat:send')).toBeGreaterThan(0)
    // ...and the other origin never saw it (only the key the renderer itself chose, once entered there).
    expect(presented(elsewhere)).not.toContain(`Bearer ${originalKey}`)
    await home.close()
    await elsewhere.close()
  })
})
