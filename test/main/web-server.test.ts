import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { webFileAccess } from '../../src/main/web/web-file-access'
import { contentSecurityPolicy, mermaidFramePolicy, previewPolicy, tokenCookieName } from '../../src/main/web/security'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import type { ChatEvent } from '../../src/shared/chat'
import type { AppEvent } from '../../src/shared/events'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { memoryLogger } from '../support/memory-logger'
import { createTestCore } from '../support/test-core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const token = 'test-token-0123456789abcdef'
let gateway: FakeGateway
let core: Core
let server: WebServer
let origin: string
let files: ReturnType<typeof webFileAccess>
let log: ReturnType<typeof memoryLogger>
let rendererDir: string

beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 2 })
  rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HolySheep Chat</title>')
  writeFileSync(join(rendererDir, 'preview.html'), '<!doctype html><title>Preview</title>')
  writeFileSync(join(rendererDir, 'mermaid-frame.html'), '<!doctype html><title>Diagrams</title>')
  const dataDir = tempDir()
  files = webFileAccess(dataDir)
  core = createTestCore({
    dataDir,
    env: { HOLYSHEEP_BASE_URL: gateway.baseURL, HOLYSHEEP_API_KEY: gateway.apiKey },
  })
  log = memoryLogger()
  server = await startWebServer({ core, rendererDir, port: 0, token, log, files })
  origin = `http://127.0.0.1:${server.port}`
})

afterEach(async () => {
  await core.shutdown()
  await server.close()
  await gateway.close()
})

function invoke(channel: string, body: unknown, headers: Record<string, string> = { 'x-holysheep-token': token }) {
  return fetch(`${origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  })
}

function readdirOrEmpty(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : []
}

/** A raw request, to send headers `fetch` will not let us forge (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return rawRequest('GET', path, headers).then((response) => response.status)
}

function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (response) => {
      response.resume()
      resolve({ status: response.statusCode ?? 0, headers: response.headers })
    })
    req.on('error', reject)
    req.end()
  })
}

/** No answer may grant another origin anything. */
function expectNoCorsGrant(headers: Record<string, unknown> | Headers) {
  const names = headers instanceof Headers ? [...headers.keys()] : Object.keys(headers)
  expect(names.filter((name) => name.toLowerCase().startsWith('access-control-'))).toEqual([])
}

describe('browser mode server', () => {
  it('listens on loopback and prints a URL with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`)
  })

  it('takes the token from the address on the page load only: a cookie, then the clean address', async () => {
    const cookieName = `holysheep_token_${server.port}`
    expect((await fetch(`${origin}/`)).status).toBe(401)
    expect((await fetch(`${origin}/?token=wrong`, { redirect: 'manual' })).status).toBe(401)
    // A stale cookie of an earlier start does not stand in the way of the token in the address.
    const opened = await fetch(server.url, { redirect: 'manual', headers: { cookie: `${cookieName}=earlier-token` } })
    expect(opened.status).toBe(200)
    // The page moves on to the clean address by itself, runs no script and allows only its own style.
    expect(await opened.text()).toContain('<meta http-equiv="refresh" content="0; url=/">')
    expect(opened.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(opened.headers.get('cache-control')).toBe('no-store')
    const cookie = opened.headers.get('set-cookie')!
    expect(cookie.split(';')[0]).toBe(`${cookieName}=${token}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await fetch(`${origin}/`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('HolySheep Chat')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const withCookie = await fetch(`${origin}/index.html`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(withCookie.status).toBe(200)
    // The preview page (HTML and SVG code blocks, in a sandboxed frame) has its own policy: no network.
    const preview = await fetch(`${origin}/preview.html`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-security-policy')).toBe(previewPolicy)
    expect(previewPolicy).toMatch(/^default-src 'none';/)
    expect(withCookie.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })

  it('serves the diagram frame page under its own policy when given one, else under the app policy', async () => {
    const under = async (target: WebServer) =>
      (
        await fetch(`http://127.0.0.1:${target.port}/mermaid-frame.html`, {
          headers: { cookie: `${tokenCookieName(target.port)}=${token}` },
        })
      ).headers.get('content-security-policy')
    expect(await under(server)).toBe(contentSecurityPolicy)
    const framePolicy = mermaidFramePolicy('sha256-abc=')
    const withFrame = await startWebServer({
      core,
      rendererDir,
      port: 0,
      token,
      log,
      files,
      mermaidFramePolicy: framePolicy,
    })
    try {
      expect(await under(withFrame)).toBe(framePolicy)
      const other = await fetch(`http://127.0.0.1:${withFrame.port}/index.html`, {
        headers: { cookie: `${tokenCookieName(withFrame.port)}=${token}` },
      })
      expect(other.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    } finally {
      await withFrame.close()
    }
    // Like every page, it needs the token.
    expect((await fetch(`${origin}/mermaid-frame.html`)).status).toBe(401)
  })

  it('refuses the token as a query parameter on every other route', async () => {
    const query = `token=${token}`
    const call = await fetch(`${origin}/api/invoke/settings:get?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '',
    })
    expect(call.status).toBe(401)
    expect((await fetch(`${origin}/api/events?${query}`)).status).toBe(401)
    expect((await fetch(`${origin}/index.html?${query}`)).status).toBe(401)
    expect((await fetch(`${origin}/api/download/x.md?${query}`)).status).toBe(401)
    const upload = await fetch(`${origin}/api/upload?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: 'x',
    })
    expect(upload.status).toBe(401)
    expect(readdirOrEmpty(files.uploadsDir)).toEqual([])
  })

  it('answers a malformed percent-encoding in the cookie or the channel with 400/401, logging no error', async () => {
    const cookieName = `holysheep_token_${server.port}`
    for (const value of ['%E0%A4%A', '%', `${token}%zz`]) {
      const call = await invoke('settings:get', undefined, { cookie: `${cookieName}=${value}` })
      expect(call.status, value).toBe(401)
      expect((await fetch(`${origin}/`, { headers: { cookie: `${cookieName}=${value}` } })).status).toBe(401)
    }
    const channel = await invoke('settings%E0%A4%A', undefined)
    expect(channel.status).toBe(400)
    expect(await channel.json()).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    const lonePercent = await invoke('%', undefined)
    expect(lonePercent.status).toBe(400)
    expect(log.lines.filter((line) => / ERROR /.test(line))).toEqual([])
  })

  it('refuses calls without the token or with another one', async () => {
    expect((await invoke('settings:get', undefined, {})).status).toBe(401)
    expect((await invoke('settings:get', undefined, { 'x-holysheep-token': 'nope' })).status).toBe(401)
    expect((await invoke('settings:get', undefined, { authorization: `Bearer ${token}x` })).status).toBe(401)
    const allowed = await invoke('settings:get', undefined, { authorization: `Bearer ${token}` })
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toMatchObject({ ok: true, value: { baseURLSource: 'environment' } })
  })

  it('refuses requests from another origin, even with the token, and grants no CORS', async () => {
    const foreign = await invoke('settings:get', undefined, {
      'x-holysheep-token': token,
      origin: 'http://evil.example',
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const otherPort = await invoke('settings:get', undefined, {
      'x-holysheep-token': token,
      origin: 'http://127.0.0.1:1',
    })
    expect(otherPort.status).toBe(403)
    const own = await invoke('settings:get', undefined, { 'x-holysheep-token': token, origin })
    expect(own.status).toBe(200)
    expect(own.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a Host that is not its own (DNS rebinding)', async () => {
    expect(await rawGet(`/?token=${token}`, { host: `evil.example:${server.port}` })).toBe(421)
    expect(await rawGet(`/?token=${token}`, { host: `localhost:${server.port}` })).toBe(200)
  })

  it('refuses bodies that are not JSON, and payloads the contract refuses', async () => {
    const notJson = await fetch(`${origin}/api/invoke/settings:set`, {
      method: 'POST',
      headers: { 'x-holysheep-token': token, 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(notJson.status).toBe(415)
    const broken = await fetch(`${origin}/api/invoke/settings:set`, {
      method: 'POST',
      headers: { 'x-holysheep-token': token, 'content-type': 'application/json' },
      body: '{"a":',
    })
    expect(broken.status).toBe(400)
    const invalid = await invoke('settings:set', { temperature: 'hot' })
    expect(await invalid.json()).toMatchObject({ ok: false, error: { kind: 'invalid_payload' } })
    expect(core.settings.get().temperature).toBeNull()
  })

  it('streams chat events over SSE to a client holding the token', async () => {
    expect((await fetch(`${origin}/api/events`)).status).toBe(401)
    const controller = new AbortController()
    const events = await fetch(`${origin}/api/events`, {
      headers: { cookie: `holysheep_token_${server.port}=${token}` },
      signal: controller.signal,
    })
    expect(events.headers.get('content-type')).toContain('text/event-stream')
    const sent = (await (await invoke('chat:send', { conversationId: null, content: '[[tokens=12]] hi' })).json()) as {
      ok: true
      value: { streamId: string }
    }
    expect(sent.ok).toBe(true)

    const decoder = new TextDecoder()
    let buffer = ''
    const received: AppEvent[] = []
    for await (const bytes of events.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(bytes, { stream: true })
      let boundary: number
      while ((boundary = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, boundary)
        buffer = buffer.slice(boundary + 2)
        if (frame.startsWith('data: ')) received.push(JSON.parse(frame.slice(6)) as AppEvent)
      }
      if (received.at(-1)?.type === 'done') break
    }
    controller.abort()
    const chat = received.filter((event): event is ChatEvent => 'streamId' in event)
    expect(chat.every((event) => event.streamId === sent.value.streamId)).toBe(true)
    expect(chat.map((event) => event.seq)).toEqual(chat.map((_, index) => index))
    expect(chat.at(-1)).toMatchObject({ type: 'done', usage: { completionTokens: 12 } })
    // The conversation list learns of the new conversation through the same stream.
    expect(received).toContainEqual(
      expect.objectContaining({
        type: 'history',
        change: 'conversation',
        conversation: expect.objectContaining({ title: '[[tokens=12]] hi' }),
      }),
    )
  })

  it('takes an upload for import into the uploads folder, with the token only', async () => {
    const bytes = Buffer.from('{"format":"holysheep-chat","note":"tiếng Việt"}')
    const upload = (headers: Record<string, string>) =>
      fetch(`${origin}/api/upload`, { method: 'POST', headers, body: bytes })
    expect((await upload({ 'Content-Type': 'application/octet-stream' })).status).toBe(401)
    const wrongType = await upload({ 'x-holysheep-token': token, 'Content-Type': 'application/json' })
    expect(wrongType.status).toBe(415)
    const accepted = await upload({ 'x-holysheep-token': token, 'Content-Type': 'application/octet-stream' })
    const body = (await accepted.json()) as { ok: true; value: { uploadId: string } }
    expect(body.ok).toBe(true)
    expect(readFileSync(join(files.uploadsDir, `${body.value.uploadId}.upload`))).toEqual(bytes)
  })

  it('serves finished exports from the exports folder and nothing else', async () => {
    mkdirSync(files.exportsDir, { recursive: true })
    writeFileSync(join(files.exportsDir, 'holysheep-chat.md'), '# Xin chào')
    writeFileSync(join(files.exportsDir, 'holysheep-half.md.partial'), 'half')
    const download = (name: string, headers: Record<string, string> = { 'x-holysheep-token': token }) =>
      fetch(`${origin}/api/download/${name}`, { headers })
    const served = await download('holysheep-chat.md')
    expect(served.status).toBe(200)
    expect(served.headers.get('content-disposition')).toBe('attachment; filename="holysheep-chat.md"')
    expect(await served.text()).toBe('# Xin chào')
    expect((await download('holysheep-chat.md', {})).status).toBe(401)
    expect((await download('holysheep-half.md.partial')).status).toBe(404)
    expect((await download('..%2Fsettings.json')).status).toBe(404)
    expect((await download('missing.md')).status).toBe(404)
  })

  describe('refusals (each alone)', () => {
    it('binds to the loopback interface only', () => {
      expect(server.boundAddress).toBe('127.0.0.1')
    })

    it('refuses a Host that is not its own in every form a rebinding page could send', async () => {
      const withToken = `/?token=${token}`
      for (const host of [
        'evil.example',
        `evil.example:${server.port}`,
        `127.0.0.1.evil.example:${server.port}`,
        `localhost.evil.example:${server.port}`,
        '127.0.0.1',
        `127.0.0.1:${server.port + 1}`,
        `0.0.0.0:${server.port}`,
        `[::1]:${server.port}`,
      ])
        expect(await rawGet(withToken, { host }), host).toBe(421)
    })

    it('refuses foreign and opaque Origins on every route, even with the token', async () => {
      for (const foreign of [
        'null',
        'http://evil.example',
        `http://localhost.evil.example:${server.port}`,
        `https://127.0.0.1:${server.port}`,
        `http://127.0.0.1:${server.port}.evil.example`,
      ]) {
        const headers = { 'x-holysheep-token': token, origin: foreign }
        const call = await invoke('settings:get', undefined, headers)
        expect(call.status, foreign).toBe(403)
        expectNoCorsGrant(call.headers)
        expect((await fetch(`${origin}/api/events`, { headers })).status).toBe(403)
        expect((await fetch(`${origin}/index.html`, { headers })).status).toBe(403)
        expect((await fetch(`${origin}/api/download/x.md`, { headers })).status).toBe(403)
      }
    })

    it('answers a CORS preflight from another origin with a refusal and no grant', async () => {
      const preflight = await rawRequest('OPTIONS', '/api/invoke/key:set', {
        host: `127.0.0.1:${server.port}`,
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-holysheep-token, content-type',
      })
      expect(preflight.status).toBe(403)
      expectNoCorsGrant(preflight.headers)
      // Even the app's own pages and calls carry no CORS grant.
      const page = await fetch(server.url)
      expectNoCorsGrant(page.headers)
    })

    it('refuses a token in the wrong place or of the wrong length, and changes nothing', async () => {
      const before = core.settings.get()
      for (const presented of [token.slice(0, -1), `${token}0`, token.toUpperCase(), '', ' '])
        expect((await invoke('settings:set', { temperature: 1 }, { 'x-holysheep-token': presented })).status).toBe(401)
      expect((await invoke('settings:set', { temperature: 1 }, { cookie: `holysheep_token_1=${token}` })).status).toBe(
        401,
      )
      expect(core.settings.get()).toEqual(before)
    })
  })
})
