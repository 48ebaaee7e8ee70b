/**
 * The full check of every page (`PRAGMA quick_check`) after a clean start. At start-up it runs only
 * after an unclean stop, because it reads the whole file (about 1 s per 100k messages, 7 to 10 s at
 * 1M: bench/history.bench.ts); random bytes over a middle page after a clean shutdown would otherwise
 * go unnoticed until a query happened to read that page. So after a clean start it runs here, in a
 * worker thread on its own read-only connection, while the app is already in use.
 *
 * The worker is a few lines of SQLite calls, given as source (`eval`) rather than a bundled file,
 * so it needs no build entry and runs the same from sources in tests and from `out/` in the app.
 */
import { Worker } from 'node:worker_threads'

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { DatabaseSync } = require('node:sqlite')
let db
try {
  db = new DatabaseSync(workerData.path, { readOnly: true })
  db.exec('PRAGMA busy_timeout = 5000')
  const problems = db.prepare('PRAGMA quick_check').all().map((row) => row.quick_check).filter((line) => line !== 'ok')
  parentPort.postMessage({ problems })
} catch (error) {
  // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) thrown by the check itself are damage too.
  const primary = typeof error?.errcode === 'number' ? error.errcode & 0xff : -1
  const message = error instanceof Error ? error.message : String(error)
  parentPort.postMessage(primary === 11 || primary === 26 ? { problems: [message] } : { failed: message })
} finally {
  db?.close()
}
`

export type IntegrityOutcome =
  | { kind: 'ok'; ms: number }
  | { kind: 'damaged'; problems: string[] }
  /** The check could not run (busy, unreadable): nothing is known. */
  | { kind: 'failed'; reason: string }
  | { kind: 'stopped' }

export interface BackgroundIntegrityCheck {
  readonly outcome: Promise<IntegrityOutcome>
  /** Ends the check early (quitting); the outcome is then `stopped`. */
  stop(): Promise<void>
}

export function checkIntegrityInBackground(path: string, now: () => number = Date.now): BackgroundIntegrityCheck {
  const startedAt = now()
  const worker = new Worker(workerSource, { eval: true, workerData: { path } })
  let stopped = false
  const outcome = new Promise<IntegrityOutcome>((resolve) => {
    worker.once('message', (message: { problems?: string[]; failed?: string }) => {
      if (message.problems === undefined) resolve({ kind: 'failed', reason: message.failed ?? 'unknown' })
      else if (message.problems.length === 0) resolve({ kind: 'ok', ms: now() - startedAt })
      else resolve({ kind: 'damaged', problems: message.problems })
    })
    worker.once('error', (error) => resolve({ kind: 'failed', reason: error.message }))
    worker.once('exit', () =>
      resolve(stopped ? { kind: 'stopped' } : { kind: 'failed', reason: 'the check ended early' }),
    )
  })
  return {
    outcome,
    async stop() {
      stopped = true
      await worker.terminate()
    },
  }
}
