/**
 * Browser mode: the built renderer and the same contract over HTTP (requests) and SSE (events), on
 * 127.0.0.1 only, behind a random token. Requests go through the same `dispatch` as IPC.
 *
 *   GET  /?token=T            sets the token cookie (replacing one of an earlier start) and moves on to `/`, so
 *                             the page and its requests carry it (the only place the token is read from the
 *                             address: elsewhere it would land in logs, history and Referer headers)
 *   a page load without a valid token gets a short page in the browser's language (address-pages.ts);
 *   every other request without one gets a JSON 401
 *   POST /api/invoke/<chan>   a contract call; JSON body in, JSON result envelope out
 *   GET  /api/events          main's events (chat, jobs, history) as server-sent events
 *   POST /api/upload, GET /api/download/<name>   see file-routes.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import type { Core } from '../core'
import type { Logger } from '../log'
import {
  contentSecurityPolicy,
  mermaidFramePagePath,
  previewPagePath,
  previewPolicy,
  hostAllowed,
  originAllowed,
  readCookie,
  safeDecode,
  tokenCookieName,
  tokenMatches,
} from './security'
import { addressPagePolicy, openingPage, pageLanguage, staleAddressPage, type PageLanguage } from './address-pages'
import { receiveUpload, sendDownload, type FileRouteResult } from './file-routes'
import { SseClients } from './sse-clients'
import { UploadQuota, type UploadLimits } from './upload-quota'

export interface WebServerOptions {
  core: Pick<Core, 'dispatch' | 'onEvent'>
  rendererDir: string
  /** Where uploads for import land and where export jobs write (see web-file-access.ts). */
  files: { uploadsDir: string; exportsDir: string }
  /** 0 picks a free port. */
  port: number
  token: string
  log: Logger
  heartbeatMs?: number
  /** How much `uploads/` may hold; 2 GB in all and 4 at once by default. */
  uploadLimits?: UploadLimits
  /**
   * The diagram frame page's policy (security.ts `mermaidFramePolicy`, with the hash of its script known
   * at build time); without it the page gets the app's, under which its script does not run.
   */
  mermaidFramePolicy?: string
}

export interface WebServer {
  /** The address to open, token included. */
  url: string
  port: number
  /** The interface the socket is bound to: always loopback. */
  boundAddress: string
  close(): Promise<void>
}

const wrongTokenMessage = 'Open the address printed by `npm run web`: it carries the access token.'

/** Large enough for a long conversation sent with a message, small enough to refuse abuse. */
const maxBodyBytes = 16 * 1024 * 1024

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, token, log } = options
  const sse = new SseClients(options.heartbeatMs)
  const unsubscribe = core.onEvent((event) => sse.send(event))
  let port = options.port
  const uploadQuota = new UploadQuota(options.files.uploadsDir, options.uploadLimits)
  const serveStatic = sirv(options.rendererDir, {
    etag: true,
    setHeaders: (response, pathname) => {
      setSecurityHeaders(response)
      // The preview page has a policy of its own (it runs the previewed code, sandboxed).
      if (pathname === previewPagePath) response.setHeader('Content-Security-Policy', previewPolicy)
      // So has the diagram frame's (mermaid, sandboxed, its one script named by its hash).
      if (pathname === mermaidFramePagePath && options.mermaidFramePolicy)
        response.setHeader('Content-Security-Policy', options.mermaidFramePolicy)
    },
  })

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('browser mode request failed', error)
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { kind: 'internal', message: 'Server error.' } })
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = parseRequestUrl(request.url)
    if (!url) return refuse(response, 400, 'Bad request address.')
    if (!hostAllowed(request, port)) return refuse(response, 421, 'Unknown host.')
    if (!originAllowed(request, port)) return refuse(response, 403, 'Requests from other origins are refused.')
    const cookieName = tokenCookieName(port)
    if (request.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token'), token)) return refuseAccess(request, response, port)
      // The page load that opens the printed address: the token in the address wins over any cookie
      // (one of an earlier start is replaced) and moves into an HttpOnly cookie; the page then goes on
      // to the clean address, so the token stays out of the browser's history.
      const language = pageLanguage(request.headers['accept-language'])
      return sendPage(response, 200, language, openingPage(language), {
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      })
    }
    const presented = headerToken(request) ?? readCookie(request, cookieName)
    if (!tokenMatches(presented, token)) return refuseAccess(request, response, port)

    if (url.pathname.startsWith('/api/invoke/')) {
      if (request.method !== 'POST') return refuse(response, 405, 'Use POST.')
      const channel = safeDecode(url.pathname.slice('/api/invoke/'.length))
      if (channel === null) return refuse(response, 400, 'The channel name is not valid percent-encoding.')
      const body = await readJsonBody(request)
      if (!body.ok) return refuse(response, body.status, body.message)
      return sendJson(response, 200, await core.dispatch(channel, body.value))
    }
    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') return refuse(response, 405, 'Use GET.')
      return sse.add(response)
    }
    if (url.pathname === '/api/upload') {
      if (request.method !== 'POST') return refuse(response, 405, 'Use POST.')
      if (!request.headers['content-type']?.startsWith('application/octet-stream'))
        return refuse(response, 415, 'Send the file as application/octet-stream.')
      return answer(response, await receiveUpload(request, options.files.uploadsDir, uploadQuota))
    }
    if (url.pathname.startsWith('/api/download/')) {
      if (request.method !== 'GET') return refuse(response, 405, 'Use GET.')
      setSecurityHeaders(response)
      const name = url.pathname.slice('/api/download/'.length)
      return answer(response, await sendDownload(response, options.files.exportsDir, name))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.')
    serveStatic(request, response, () => refuse(response, 404, 'Not found.'))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const bound = server.address() as AddressInfo
  port = bound.port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    boundAddress: bound.address,
    close: async () => {
      unsubscribe()
      sse.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The request's address, or null when it is not one (a raw `GET http://[` must be a 400, not a 500). */
function parseRequestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1')
  } catch {
    return null
  }
}

function answer(response: ServerResponse, result: FileRouteResult): void {
  if (result.kind === 'json') sendJson(response, result.status, result.body)
}

function headerToken(request: IncomingMessage): string | undefined {
  const header = request.headers['x-holysheep-token']
  if (typeof header === 'string') return header
  const authorization = request.headers.authorization
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  setSecurityHeaders(response)
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}

/**
 * No valid token: a tab of an earlier start (its cookie is stale) or an old printed address. A page
 * load gets a page that says so in the browser's language; calls keep the JSON 401 they can read.
 */
function refuseAccess(request: IncomingMessage, response: ServerResponse, port: number): void {
  if (!isPageLoad(request)) return refuse(response, 401, wrongTokenMessage)
  const language = pageLanguage(request.headers['accept-language'])
  sendPage(response, 401, language, staleAddressPage(language, `http://127.0.0.1:${port}`))
}

/** A browser navigation asks for HTML; fetch, EventSource and the API calls do not. */
function isPageLoad(request: IncomingMessage): boolean {
  const url = request.url ?? '/'
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !url.startsWith('/api/') &&
    (request.headers.accept ?? '').includes('text/html')
  )
}

function sendPage(
  response: ServerResponse,
  status: number,
  language: PageLanguage,
  html: string,
  headers: Record<string, string> = {},
): void {
  setSecurityHeaders(response)
  // This page's own policy: no scripts, only its inline style.
  response.setHeader('Content-Security-Policy', addressPagePolicy)
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Language': language,
    ...headers,
  })
  response.end(html)
}

function refuse(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { ok: false, error: { kind: 'invalid_payload', message } })
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string }

async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  if (!request.headers['content-type']?.startsWith('application/json'))
    return { ok: false, status: 415, message: 'Send JSON.' }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBodyBytes) return { ok: false, status: 413, message: 'The request is too large.' }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, status: 400, message: 'The body is not valid JSON.' }
  }
}
