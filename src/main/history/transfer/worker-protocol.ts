/** What main and the transfer worker say to each other (workerData in, messages out). */
import type { ExportFormat, ImportFormat } from '../../../shared/transfer'

export type TransferJob =
  | { kind: 'export'; dbPath: string; conversationIds: string[] | null; format: ExportFormat; outPath: string }
  | { kind: 'import'; dbPath: string; inPath: string }

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; unit: 'bytes' | 'conversations' }
  | {
      type: 'done'
      conversations: number
      messages: number
      bytes: number
      format: ImportFormat | null
    }
  /** `invalid_file`: the user's file is at fault (the message says where); `internal`: we are. */
  | { type: 'error'; kind: 'invalid_file' | 'internal'; message: string }
