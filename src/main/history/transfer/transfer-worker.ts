/**
 * The export/import worker thread (bundled to out/main/transfer-worker.js). Reading, validating and
 * writing hundreds of megabytes happens here, on its own connection to the database, so main's
 * event loop (IPC, streams) never waits. Cancelling sets a shared flag the worker reads between
 * conversations: an export removes its `.partial` file, an import removes what it staged; a worker
 * stuck in one long step (parsing a big file) is terminated by main instead, before it wrote anything.
 */
import { open, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { AttachmentFiles } from '../../attachments/attachment-files'
import { sanitizeAttachmentName } from '../../attachments/attachment-name'
import { maxNotImportedNames } from '../../../shared/transfer'
import { markdownAttachments } from './markdown-attachments'
import type { Logger, LogLevel } from '../../log'
import { HistoryStore } from '../history-store'
import { checkImportBytes, checkImportSignature } from './import-encoding'
import { InvalidImportFile } from './import-errors'
import { jsonConversation, jsonFooter, jsonHeader } from './json-format'
import { markdownConversation } from './markdown-format'
import { bundlesFromImportFile, parseImportText } from './read-import-file'
import { cancelRequested, type TransferJob, type WorkerInput, type WorkerMessage } from './worker-protocol'

const { job, cancel } = workerData as WorkerInput
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

class Cancelled extends Error {}

const maxImportBytes = 2 ** 30

function stopIfCancelled(): void {
  if (cancelRequested(cancel)) throw new Cancelled()
}

const logLine = (level: LogLevel) => (message: string, details?: unknown) =>
  post({ type: 'log', level, message: details instanceof Error ? `${message}: ${details.message}` : message })
const log: Logger = { debug: logLine('debug'), info: logLine('info'), warn: logLine('warn'), error: logLine('error') }

/** Progress a few times a second: enough for a smooth bar, cheap for IPC. */
function throttledProgress(unit: 'bytes' | 'conversations', total: number | null) {
  let last = 0
  return (done: number, force = false) => {
    const now = Date.now()
    if (!force && now - last < 200) return
    last = now
    post({ type: 'progress', done, total, unit })
  }
}

/** Collects text and writes it in pieces of about a megabyte: few system calls, little memory. */
async function bufferedFile(path: string) {
  const file = await open(path, 'w', 0o600)
  let pending: string[] = []
  let pendingLength = 0
  let bytes = 0
  const flush = async () => {
    const text = pending.join('')
    pending = []
    pendingLength = 0
    bytes += (await file.write(text)).bytesWritten
  }
  return {
    async write(text: string) {
      pending.push(text)
      pendingLength += text.length
      if (pendingLength >= 1 << 20) await flush()
    },
    async close(): Promise<number> {
      await flush()
      await file.close()
      return bytes
    },
    /** Closes without the rest (a failure or a cancel); the caller removes the file. */
    abandon: () => file.close(),
  }
}

async function runExport(job: Extract<TransferJob, { kind: 'export' }>): Promise<WorkerMessage> {
  const partial = job.partialPath
  const store = HistoryStore.connect({ path: job.dbPath, log, readOnly: job.readOnly })
  try {
    const out = await bufferedFile(partial)
    try {
      const counts = await writeExport(store, job, out)
      const bytes = await out.close()
      stopIfCancelled()
      await rename(partial, job.outPath)
      return { type: 'done', ...counts, bytes, format: null }
    } catch (error) {
      await out.abandon().catch(() => {})
      await rm(partial, { force: true })
      throw error
    }
  } finally {
    store.close()
  }
}

async function writeExport(
  store: HistoryStore,
  job: Extract<TransferJob, { kind: 'export' }>,
  out: Awaited<ReturnType<typeof bufferedFile>>,
): Promise<{ conversations: number; messages: number }> {
  const total = job.conversationIds ? job.conversationIds.length : store.countConversations()
  const progress = throttledProgress('conversations', total)
  progress(0, true)
  let conversations = 0
  let messages = 0
  // The attachments folder is beside the history file, in the data folder.
  const files = new AttachmentFiles(dirname(job.dbPath))
  const besideMarkdown = markdownAttachments(job.outPath, files)
  if (job.format === 'json') await out.write(jsonHeader(new Date()))
  for (const bundle of store.exportBundles(job.conversationIds)) {
    stopIfCancelled()
    const first = conversations === 0
    await out.write(
      job.format === 'json'
        ? jsonConversation(bundle, first, (id) => files.readSync(id))
        : markdownConversation(bundle, first, job.language, (attachment) => besideMarkdown.link(attachment)),
    )
    conversations++
    messages += bundle.messages.length
    progress(conversations)
  }
  if (job.format === 'json') await out.write(jsonFooter)
  progress(conversations, true)
  return { conversations, messages }
}

/** The whole file as text, read in pieces so progress moves and a cancel is seen. */
async function readText(path: string): Promise<{ text: string; size: number }> {
  const { size } = await stat(path)
  // Beyond this the text cannot be one string (V8 stops at about 512 million characters): say so before reading.
  if (size > maxImportBytes)
    throw new InvalidImportFile(`The file is too large to import (${Math.round(size / 2 ** 20)} MB; at most 1 GB).`)
  const progress = throttledProgress('bytes', size)
  progress(0, true)
  // One buffer of the file's size: no list of chunks and no concatenated copy beside it.
  const buffer = Buffer.allocUnsafe(size)
  const file = await open(path, 'r')
  let read = 0
  try {
    while (read < size) {
      stopIfCancelled()
      const { bytesRead } = await file.read(buffer, read, Math.min(4 << 20, size - read), read)
      if (bytesRead === 0) break
      if (read === 0) checkImportSignature(buffer.subarray(0, bytesRead))
      read += bytesRead
      progress(read)
    }
  } finally {
    await file.close()
  }
  progress(read, true)
  checkImportBytes(buffer.subarray(0, read))
  try {
    return { text: buffer.toString('utf8', 0, read), size: read }
  } catch {
    // Mostly single-byte text near the limit: more characters than one string may hold.
    throw new InvalidImportFile(`The file is too large to import (${Math.round(size / 2 ** 20)} MB).`)
  }
}

async function runImport(job: Extract<TransferJob, { kind: 'import' }>): Promise<WorkerMessage> {
  const file = await readText(job.inPath)
  stopIfCancelled()
  const parsed = parseImportText(file.text)
  file.text = '' // the parsed objects hold copies: let the text go before the conversion doubles memory
  stopIfCancelled()
  // Consumes `parsed` as it converts, so the raw file and the bundles are not both held whole.
  const { format, bundles, attachmentsNotImported: lost } = bundlesFromImportFile(parsed, Date.now())
  stopIfCancelled()
  // Files first (each atomic, checked already): rows that name them come after. Should the import
  // fail, files no message uses are removed at the next start.
  const files = new AttachmentFiles(dirname(job.dbPath))
  for (const bundle of bundles)
    for (const file of bundle.files ?? []) {
      if (file.bytes) await files.write(file.bytes)
      delete file.bytes
    }
  stopIfCancelled()
  const store = HistoryStore.connect({ path: job.dbPath, log })
  try {
    const progress = throttledProgress('conversations', bundles.length)
    progress(0, true)
    // Throwing here, between conversations, makes importBundles remove everything it staged.
    const counts = store.importBundles(bundles, (done) => {
      stopIfCancelled()
      progress(done)
    })
    progress(bundles.length, true)
    const attachmentsNotImported = lost.length
      ? { count: lost.length, names: [...new Set(lost.map(sanitizeAttachmentName))].slice(0, maxNotImportedNames) }
      : undefined
    return {
      type: 'done',
      ...counts,
      bytes: file.size,
      format,
      ...(attachmentsNotImported ? { attachmentsNotImported } : {}),
    }
  } finally {
    store.close()
  }
}

async function run(): Promise<WorkerMessage> {
  try {
    return job.kind === 'export' ? await runExport(job) : await runImport(job)
  } catch (error) {
    if (error instanceof Cancelled) return { type: 'cancelled' }
    if (error instanceof InvalidImportFile) {
      const { message, problem } = error
      return { type: 'error', kind: 'invalid_file', message, ...(problem ? { importProblem: problem } : {}) }
    }
    const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
    if (job.kind === 'import' && code === 'ENOENT')
      return { type: 'error', kind: 'not_found', message: 'The file to import is gone.' }
    // The full message (with its paths) goes to main's log only; the renderer gets words and the code.
    log.error(`${job.kind} failed`, error)
    const what = job.kind === 'export' ? 'The export could not be written' : 'The import could not be completed'
    return { type: 'error', kind: 'internal', message: code ? `${what} (${code}).` : `${what}.` }
  }
}

void run().then(post)
