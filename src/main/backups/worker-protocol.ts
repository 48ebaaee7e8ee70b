/** What main and the backup worker say: `BackupWorkerInput` as workerData in, one `BackupWorkerMessage` out. */
export interface BackupWorkerInput {
  dbPath: string
  /** The data folder's `attachments/`: the files the copy records are carried beside it. */
  attachmentsDir: string
  dir: string
  id: string
  kind: 'daily' | 'manual'
  createdAt: number
}

export type BackupWorkerMessage =
  | { type: 'done'; bytes: number; conversations: number; messages: number; schemaVersion: number }
  | { type: 'error'; message: string }
