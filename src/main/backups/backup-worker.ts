/**
 * The backup worker thread (bundled to out/main/backup-worker.js): one VACUUM INTO of the history on
 * its own connection. On 1M messages that reads and writes hundreds of megabytes, which must not
 * happen on main's event loop (IPC, streams); with WAL, main keeps writing meanwhile.
 */
import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'
import { snapshotDatabase } from './snapshot'
import type { BackupWorkerInput, BackupWorkerMessage } from './worker-protocol'

const input = workerData as BackupWorkerInput

function run(): BackupWorkerMessage {
  let db: DatabaseSync | null = null
  try {
    db = new DatabaseSync(input.dbPath, { readOnly: true })
    // Main's write lock is short; wait for it rather than fail.
    db.exec('PRAGMA busy_timeout = 5000')
    const meta = { kind: input.kind, createdAt: input.createdAt }
    const facts = snapshotDatabase(db, input.dir, input.id, meta, input.attachmentsDir)
    return { type: 'done', ...facts }
  } catch (error) {
    return { type: 'error', message: error instanceof Error ? error.message : String(error) }
  } finally {
    db?.close()
  }
}

parentPort!.postMessage(run())
