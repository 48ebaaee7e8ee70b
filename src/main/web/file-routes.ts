/**
 * Browser mode's stand-ins for the desktop file dialogs: an import file is uploaded first, an export
 * is downloaded after the job wrote it. Both stay inside the data folder's `uploads` and `exports`.
 *
 *   POST /api/upload           raw file bytes in, `{ ok: true, value: { uploadId } }` out
 *   GET  /api/download/<name>  a finished export, as an attachment
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Heavy users' exports reach hundreds of megabytes; anything beyond this is not a history file. */
export const maxUploadBytes = 2 * 1024 * 1024 * 1024

export type FileRouteResult = { kind: 'json'; status: number; body: unknown } | { kind: 'streamed' }

export async function receiveUpload(request: IncomingMessage, uploadsDir: string): Promise<FileRouteResult> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > maxUploadBytes) return tooLarge()
  mkdirSync(uploadsDir, { recursive: true, mode: 0o700 })
  const uploadId = randomUUID()
  const path = join(uploadsDir, `${uploadId}.upload`)
  let size = 0
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      callback(size > maxUploadBytes ? new Error('too large') : null, chunk)
    },
  })
  try {
    await pipeline(request, limit, createWriteStream(path, { mode: 0o600 }))
  } catch {
    rmSync(path, { force: true })
    return size > maxUploadBytes ? tooLarge() : fail(400, 'The upload was interrupted; try again.')
  }
  return { kind: 'json', status: 200, body: { ok: true, value: { uploadId } } }
}

export async function sendDownload(
  response: ServerResponse,
  exportsDir: string,
  encodedName: string,
): Promise<FileRouteResult> {
  let name: string
  try {
    name = decodeURIComponent(encodedName)
  } catch {
    return fail(400, 'Bad file name.')
  }
  // Only plain names of files the export jobs wrote: no folders, no `..`, no half-written `.partial`.
  if (name !== basename(name) || name.startsWith('.') || name.endsWith('.partial')) return fail(404, 'Not found.')
  const path = join(exportsDir, name)
  let size: number
  try {
    const stats = statSync(path)
    if (!stats.isFile()) return fail(404, 'Not found.')
    size = stats.size
  } catch {
    return fail(404, 'Not found.')
  }
  response.writeHead(200, {
    'Content-Type': name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  })
  await pipeline(createReadStream(path), response)
  return { kind: 'streamed' }
}

function tooLarge(): FileRouteResult {
  return fail(413, 'The file is larger than 2 GB.')
}

function fail(status: number, message: string): FileRouteResult {
  return { kind: 'json', status, body: { ok: false, error: { kind: 'invalid_payload', message } } }
}
