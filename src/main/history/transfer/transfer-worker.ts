/**
 * The export/import worker thread. Reading, validating and writing hundreds of megabytes happens
 * here, on its own connection to the database, so main's event loop (IPC, streams) never waits.
 * Cancelling terminates this thread: an export leaves only its `.partial` file (main removes it),
 * an import dies before COMMIT, so SQLite keeps nothing of it.
 */
import { createReadStream, createWriteStream, renameSync, statSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { parentPort, workerData } from 'node:worker_threads'
import { HistoryStore } from '../history-store'
import type { Logger } from '../../log'
import { jsonConversation, jsonFooter, jsonHeader } from './json-format'
import { markdownConversation } from './markdown-format'
import { InvalidImportFile, readImportFile } from './read-import-file'
import type { TransferJob, WorkerMessage } from './worker-protocol'

const post = (message: WorkerMessage) => parentPort!.postMessage(message)

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

// Workers have no logger of main's; warnings go back as nothing (the result says what matters).
const quietLog: Logger = { debug() {}, info() {}, warn() {}, error() {} }

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

async function runExport(job: Extract<TransferJob, { kind: 'export' }>): Promise<WorkerMessage> {
  const store = HistoryStore.connect({ path: job.dbPath, log: quietLog })
  try {
    const total = job.conversationIds ? job.conversationIds.length : store.countConversations()
    const progress = throttledProgress('conversations', total)
    const partial = `${job.outPath}.partial`
    const out = createWriteStream(partial, { mode: 0o600 })
    let conversations = 0
    let messages = 0
    if (job.format === 'json') await write(out, jsonHeader(new Date()))
    for (const bundle of store.exportBundles(job.conversationIds)) {
      const first = conversations === 0
      await write(out, job.format === 'json' ? jsonConversation(bundle, first) : markdownConversation(bundle, first))
      conversations++
      messages += bundle.messages.length
      progress(conversations)
    }
    if (job.format === 'json') await write(out, jsonFooter)
    out.end()
    await once(out, 'close')
    renameSync(partial, job.outPath)
    progress(conversations, true)
    return { type: 'done', conversations, messages, bytes: statSync(job.outPath).size, format: null }
  } finally {
    store.close()
  }
}

async function runImport(job: Extract<TransferJob, { kind: 'import' }>): Promise<WorkerMessage> {
  const size = statSync(job.inPath).size
  const readProgress = throttledProgress('bytes', size)
  const chunks: Buffer[] = []
  let read = 0
  for await (const chunk of createReadStream(job.inPath) as AsyncIterable<Buffer>) {
    chunks.push(chunk)
    read += chunk.length
    readProgress(read)
  }
  readProgress(read, true)
  const { format, bundles } = readImportFile(Buffer.concat(chunks).toString('utf8'), Date.now())
  chunks.length = 0
  const store = HistoryStore.connect({ path: job.dbPath, log: quietLog })
  try {
    const importProgress = throttledProgress('conversations', bundles.length)
    const counts = store.importBundles(bundles, (done) => importProgress(done))
    importProgress(bundles.length, true)
    return { type: 'done', ...counts, bytes: size, format }
  } finally {
    store.close()
  }
}

async function run(job: TransferJob): Promise<WorkerMessage> {
  try {
    return job.kind === 'export' ? await runExport(job) : await runImport(job)
  } catch (error) {
    if (error instanceof InvalidImportFile) return { type: 'error', kind: 'invalid_file', message: error.message }
    const message = error instanceof Error ? error.message : String(error)
    return { type: 'error', kind: 'internal', message }
  }
}

void run(workerData as TransferJob).then(post)
