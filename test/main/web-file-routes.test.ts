/**
 * Browser mode's uploads and downloads through real HTTP, the real core, real worker threads and
 * real files: uploads are deleted when their import ends and capped, exports get names of their
 * own, and an import file that is not UTF-8 JSON is named for what it is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type ClientRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import type { UploadLimits } from '../../src/main/web/upload-quota'
import { webFileAccess } from '../../src/main/web/web-file-access'
import type { JobEvent } from '../../src/shared/transfer'
import { memoryLogger } from '../support/memory-logger'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'
import { generatedBundles } from './transfer/transfer-support'

const tempDir = useTempDirs()
const token = 'test-token-0123456789abcdef'
const chatgptSample = readFileSync(new URL('../fixtures/chatgpt-conversations.json', import.meta.url))
let core: Core
let server: WebServer
let origin: string
let files: ReturnType<typeof webFileAccess>
let jobEvents: JobEvent[]

async function start(uploadLimits?: UploadLimits) {
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HolySheep Chat</title>')
  const dataDir = tempDir()
  files = webFileAccess(dataDir)
  core = createTestCore({ dataDir, files })
  jobEvents = []
  core.onEvent((event) => {
    if (event.type === 'job') jobEvents.push(event)
  })
  server = await startWebServer({
    core,
    rendererDir,
    port: 0,
    token,
    log: memoryLogger(),
    files,
    ...(uploadLimits ? { uploadLimits } : {}),
  })
  origin = `http://127.0.0.1:${server.port}`
}

beforeEach(() => start())
afterEach(async () => {
  await core.shutdown()
  await server.close()
})

const headers = { 'x-holysheep-token': token }

async function invoke<T>(channel: string, body: unknown): Promise<{ ok: true; value: T }> {
  const response = await fetch(`${origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true })
  return result as { ok: true; value: T }
}

async function upload(bytes: Buffer): Promise<Response> {
  return fetch(`${origin}/api/upload`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  })
}

async function uploadId(bytes: Buffer): Promise<string> {
  const response = await upload(bytes)
  expect(response.status).toBe(200)
  return ((await response.json()) as { value: { uploadId: string } }).value.uploadId
}

function jobEnd(jobId: string): Promise<JobEvent> {
  return new Promise((resolve) => {
    const check = () => {
      const ended = jobEvents.find((event) => event.jobId === jobId && event.phase !== 'running')
      if (ended) resolve(ended)
      else setTimeout(check, 20)
    }
    check()
  })
}

async function importUpload(bytes: Buffer): Promise<JobEvent> {
  const id = await uploadId(bytes)
  const { jobId } = (await invoke<{ jobId: string }>('history:import', { uploadId: id })).value
  return jobEnd(jobId)
}

const uploads = () => (existsSync(files.uploadsDir) ? readdirSync(files.uploadsDir) : [])

/** An upload that declares `declared` bytes, sends `sent` of them and waits (to hold a place). */
function heldUpload(declared: number, sent: number): Promise<{ request: ClientRequest; status: Promise<number> }> {
  return new Promise((resolve, reject) => {
    let answered: (status: number) => void = () => {}
    const status = new Promise<number>((done) => (answered = done))
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/upload',
        headers: { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Length': declared },
      },
      (response) => {
        response.resume()
        answered(response.statusCode ?? 0)
      },
    )
    request.on('error', reject)
    request.write(Buffer.alloc(sent, 0x20), () => resolve({ request, status }))
  })
}

describe('browser mode uploads', () => {
  it('deletes an upload when its import ends, whether it was imported or refused', async () => {
    expect(await importUpload(chatgptSample)).toMatchObject({ phase: 'done', result: { conversations: 3 } })
    expect(uploads()).toEqual([])
    expect(await importUpload(Buffer.from('{"format":'))).toMatchObject({ phase: 'error' })
    expect(uploads()).toEqual([])
  })

  it('removes the uploads and unfinished exports an earlier run left', async () => {
    const id = await uploadId(chatgptSample)
    mkdirSync(files.exportsDir, { recursive: true })
    writeFileSync(join(files.exportsDir, 'holysheep-all-conversations-2026-01-01.json.ab12cd34.partial'), '{"form')
    writeFileSync(join(files.exportsDir, 'holysheep-done-2026-01-01.md'), '# Xong')
    expect(uploads()).toEqual([`${id}.upload`])
    webFileAccess(join(files.uploadsDir, '..')).removeLeftovers(memoryLogger())
    expect(uploads()).toEqual([])
    expect(readdirSync(files.exportsDir)).toEqual(['holysheep-done-2026-01-01.md'])
  })

  it('refuses an upload beyond the total before taking its bytes, and while it streams', async () => {
    await core.shutdown()
    await server.close()
    await start({ totalBytes: 10_000, concurrent: 4 })
    const declaredTooMuch = await upload(Buffer.alloc(10_001, 0x20))
    expect(declaredTooMuch.status).toBe(413)
    expect(await declaredTooMuch.json()).toMatchObject({ ok: false, error: { kind: 'upload_limit' } })
    expect(uploads()).toEqual([])
    // No Content-Length (a stream): refused once the bytes pass the total, and the part removed.
    const streamed = await fetch(`${origin}/api/upload`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: new Blob([Buffer.alloc(6000), Buffer.alloc(6000)]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(uploads()).toEqual([])
    // What waits for its import counts: 6 KB stored leaves no room for 6 KB more, until it is imported.
    const stored = await uploadId(Buffer.alloc(6000, 0x20))
    expect((await upload(Buffer.alloc(6000, 0x20))).status).toBe(413)
    const { jobId } = (await invoke<{ jobId: string }>('history:import', { uploadId: stored })).value
    expect(await jobEnd(jobId)).toMatchObject({ phase: 'error', error: { kind: 'invalid_file' } })
    expect((await upload(Buffer.alloc(6000, 0x20))).status).toBe(200)
  })

  it('takes at most the set number of uploads at once', async () => {
    await core.shutdown()
    await server.close()
    await start({ totalBytes: 1_000_000, concurrent: 2 })
    const held = [await heldUpload(1000, 10), await heldUpload(1000, 10)]
    const third = await upload(Buffer.from('[]'))
    expect(third.status).toBe(429)
    expect(await third.json()).toMatchObject({ ok: false, error: { kind: 'upload_limit' } })
    for (const { request } of held) request.end(Buffer.alloc(990, 0x20))
    expect(await Promise.all(held.map(({ status }) => status))).toEqual([200, 200])
    expect((await upload(Buffer.from('[]'))).status).toBe(200)
  })

  it('names a ZIP upload for what it is, in a translatable form', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)])
    expect(await importUpload(zip)).toMatchObject({
      phase: 'error',
      error: { kind: 'invalid_file', importProblem: { kind: 'zip' }, message: expect.stringMatching(/ZIP archive/) },
    })
  })
})

describe('browser mode exports', () => {
  async function exportDone(conversationId: string | null) {
    const { jobId } = (await invoke<{ jobId: string }>('history:export', { conversationId, format: 'json' })).value
    return jobEnd(jobId)
  }

  async function download(location: string) {
    const response = await fetch(`${origin}${location}`, { headers })
    expect(response.status).toBe(200)
    return (await response.json()) as { conversations: { id: string; title: string }[] }
  }

  it('runs two "export all" at once, each to a file and link of its own', async () => {
    core.history.importBundles(generatedBundles(20, 4))
    const ended = await Promise.all([exportDone(null), exportDone(null)])
    expect(ended.map((event) => [event.phase, event.error])).toEqual([
      ['done', null],
      ['done', null],
    ])
    const [first, second] = ended.map((event) => event.result!.location!)
    expect(first).not.toBe(second)
    for (const location of [first!, second!]) expect((await download(location)).conversations).toHaveLength(20)
    expect(readdirSync(files.exportsDir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('gives two conversations of the same title exported the same day different files', async () => {
    const bundles = generatedBundles(2, 2)
    for (const bundle of bundles) bundle.conversation.title = 'Cùng một tên'
    core.history.importBundles(bundles)
    const [a, b] = bundles.map((bundle) => bundle.conversation.id)
    const first = (await exportDone(a!)).result!.location!
    const second = (await exportDone(b!)).result!.location!
    expect(first).not.toBe(second)
    expect((await download(first)).conversations.map((c) => c.id)).toEqual([a])
    expect((await download(second)).conversations.map((c) => c.id)).toEqual([b])
    // The same conversation again: a new file, the first link still serves what it served.
    const again = (await exportDone(a!)).result!.location!
    expect(again).not.toBe(first)
    expect((await download(first)).conversations.map((c) => c.id)).toEqual([a])
  })
})
