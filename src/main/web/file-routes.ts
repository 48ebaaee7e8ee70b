/**
 * Browser mode's stand-ins for the desktop file dialogs: an import file is uploaded first, an export
 * is downloaded after the job wrote it. Both stay inside the data folder's `uploads` and `exports`.
 *
 *   POST /api/upload           raw file bytes in, `{ ok: true, value: { uploadId } }` out (within a quota)
 *   GET  /api/download/<name>  a finished export, as an attachment
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { UploadQuota, UploadRefusal } from './upload-quota'

export type FileRouteResult = { kind: 'json'; status: number; body: unknown } | { kind: 'streamed' }

/** An upload is taken only within `quota` (see upload-quota.ts); the file is deleted when its import ends. */
export async function receiveUpload(
  request: IncomingMessage,
  uploadsDir: string,
  quota: UploadQuota,
): Promise<FileRouteResult> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (!Number.isSafeInteger(declared) || declared < 0) return fail(400, 'Bad Content-Length.')
  const uploadId = randomUUID()
  const ticket = quota.begin(uploadId, declared)
  if ('refused' in ticket) return refused(ticket.refused, quota)
  mkdirSync(uploadsDir, { recursive: true, mode: 0o700 })
  const path = join(uploadsDir, `${uploadId}.upload`)
  let overQuota = false
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      overQuota = !ticket.received(chunk.length)
      callback(overQuota ? new Error('over the upload quota') : null, chunk)
    },
  })
  try {
    await pipeline(request, limit, createWriteStream(path, { mode: 0o600 }))
  } catch {
    rmSync(path, { force: true })
    return overQuota ? refused('total', quota) : fail(400, 'The upload was interrupted; try again.')
  } finally {
    ticket.end()
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

/** 413 for room, 429 for too many at once; the renderer words `upload_limit` in the user's language. */
function refused(why: UploadRefusal, quota: UploadQuota): FileRouteResult {
  const { totalBytes, concurrent } = quota.limits
  const message =
    why === 'total'
      ? `There is no room for this upload: uploads waiting for their import may take ${Math.round(totalBytes / 2 ** 20)} MB in all.`
      : `Too many uploads at once (at most ${concurrent}); wait for one to finish.`
  return {
    kind: 'json',
    status: why === 'total' ? 413 : 429,
    body: { ok: false, error: { kind: 'upload_limit', message } },
  }
}

function fail(status: number, message: string): FileRouteResult {
  return { kind: 'json', status, body: { ok: false, error: { kind: 'invalid_payload', message } } }
}
