/**
 * What main and the transfer worker say to each other: `WorkerInput` as workerData in, then
 * `WorkerMessage`s out: any number of `progress` and `log`, and last exactly one of `done`, `error`
 * or `cancelled` (unless the thread is terminated first, which main treats as cancelled or failed).
 */
import type { LogLevel } from '../../log'
import type { ImportProblem } from '../../../shared/errors'
import type { ExportFormat, ExportLanguage, ImportFormat } from '../../../shared/transfer'

export type TransferJob =
  | {
      kind: 'export'
      dbPath: string
      /** `dbPath` is the read-only view of a history a failed update left (see open-database.ts). */
      readOnly: boolean
      conversationIds: string[] | null
      format: ExportFormat
      /** The Markdown export's words and dates follow it. */
      language: ExportLanguage
      outPath: string
      /** Where the file is written until it is complete, then renamed to `outPath`; this job's own. */
      partialPath: string
    }
  | { kind: 'import'; dbPath: string; inPath: string }

export interface WorkerInput {
  job: TransferJob
  /**
   * One Int32 over a SharedArrayBuffer: main sets it to 1 to ask the worker to stop. A message could
   * not do this job: the worker's import runs synchronously, and only reads shared memory between
   * conversations. Stopping there lets it remove what it staged and close the database cleanly.
   */
  cancel: Int32Array
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; unit: 'bytes' | 'conversations' }
  /** The worker has no logger of its own: its lines go to main's (which scrubs them). */
  | { type: 'log'; level: LogLevel; message: string }
  | {
      type: 'done'
      conversations: number
      messages: number
      bytes: number
      format: ImportFormat | null
      attachmentsNotImported?: { count: number; names: string[] }
    }
  /** `invalid_file`: the user's file is at fault (the message says where); `internal`: we are. */
  | {
      type: 'error'
      kind: 'invalid_file' | 'not_found' | 'internal'
      message: string
      /** For `invalid_file`: the file is not UTF-8 JSON at all (an archive, UTF-16, bad bytes). */
      importProblem?: ImportProblem
    }
  | { type: 'cancelled' }

export function cancelRequested(cancel: Int32Array): boolean {
  return Atomics.load(cancel, 0) === 1
}

export function requestCancel(cancel: Int32Array): void {
  Atomics.store(cancel, 0, 1)
}
