/**
 * The rolling backups of the history: taken in a worker thread (backup-worker.ts) once a day while
 * the app runs (the first shortly after start when the newest is over a day old), the oldest daily
 * ones beyond `backupsToKeep` deleted, and on "Back up now" (kind `manual`, the newest
 * `manualBackupsToKeep` kept); `backupsEnabled` false stops the daily run.
 * Restoring keeps the database in use aside first, then swaps the file under the open HistoryStore.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { copyFile, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { BackupInfo, BackupList } from '../../shared/backups'
import { fail, ok, type Result } from '../../shared/errors'
import type { HistoryEvent } from '../../shared/events'
import type { Notice } from '../../shared/contract'
import type { HistoryStore } from '../history/history-store'
import { checkIntegrityInBackground } from '../history/integrity-check'
import type { Logger } from '../log'
import { attachmentsFolderName } from '../attachments/attachment-files'
import { attachmentFilesIn, attachmentsFolderOf, checkBackupAttachments, placeFiles } from './backup-attachments'
import { backupFile, fileStamp, listBackups, newBackupId, pruneBackups, removeLeftovers } from './backup-files'
import type { BackupWorkerInput, BackupWorkerMessage } from './worker-protocol'

const dayMs = 24 * 60 * 60 * 1000
/** "Back up now" copies kept (the newest); they have their own count so they never push out the daily ones. */
export const manualBackupsToKeep = 5
const takingOrRestoring = 'A backup is being taken or restored; try again when it has finished.'

export interface BackupServiceOptions {
  dataDir: string
  backupsDir: string
  dbPath: string
  history: HistoryStore
  /** backup-worker.js when built; the .ts source with `execArgv: ['--import', 'tsx']` in tests. */
  worker: { file: string | URL; execArgv?: string[] }
  settings(): { backupsEnabled: boolean; backupsToKeep: number }
  /** Why a restore cannot happen now (an answer streams, a job runs), or null when it can. */
  busyReason(): string | null
  /**
   * Runs the restore once no clean-up of attachments runs, and holds any off until it is done
   * (`AttachmentStore.whileNoCleanUp`); without it the restore runs at once.
   */
  holdAttachments?: <T>(work: () => Promise<T>) => Promise<T>
  /** Ends the background check of the history file (integrity-check.ts) before that file is swapped. */
  stopHistoryCheck?: () => Promise<void>
  /** Tells the user something that lasts (core keeps it for `app:notices` and emits it). */
  notify(notice: Notice): void
  emit(event: HistoryEvent): void
  log: Logger
  now?: () => number
  /** How soon after start the first daily backup runs when the newest is over a day old; 30 s by default. */
  firstRunDelayMs?: number
}

export class BackupService {
  private running: Promise<Result<BackupInfo>> | null = null
  private restoring = false
  private timer: NodeJS.Timeout | null = null
  private stopped = false
  private readonly now: () => number

  constructor(private readonly options: BackupServiceOptions) {
    this.now = options.now ?? Date.now
  }

  list(): BackupList {
    const backups = listBackups(this.options.backupsDir).map(
      ({ id, kind, createdAt, bytes, conversations, messages }) => ({
        id,
        kind,
        createdAt,
        bytes,
        conversations,
        messages,
      }),
    )
    return { backups, folder: this.options.backupsDir }
  }

  /** "Back up now": takes a manual backup (or joins the one running), then keeps the newest `manualBackupsToKeep`. */
  create(): Promise<Result<BackupInfo>> {
    return this.take('manual')
  }

  private take(kind: 'daily' | 'manual'): Promise<Result<BackupInfo>> {
    this.running ??= this.runWorker(kind).finally(() => (this.running = null))
    return this.running
  }

  /** Starts the daily schedule. */
  start(): void {
    const newest = listBackups(this.options.backupsDir).find((backup) => backup.kind === 'daily')
    const age = newest ? this.now() - newest.createdAt : Infinity
    this.schedule(age >= dayMs ? (this.options.firstRunDelayMs ?? 30_000) : dayMs - age)
  }

  /** Stops the schedule and waits for a backup that is running (its worker finishes its one statement). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /**
   * Replaces the history with backup `id`, keeping the current file as `history.sqlite.before-restore-<time>`.
   * The copy is staged beside the database first, asynchronously (a 1 GB file must not hold main's
   * thread), and it and the backup's attachments are checked whole; then the swap itself is a few
   * renames. The attachments only add files (by hash) to the data folder; the files of the history
   * kept aside are linked beside it (`<kept>.attachments/`), since the next start's clean-up removes
   * from `attachments/` what the restored history does not use.
   */
  async restore(id: string): Promise<Result<{ keptAt: string }>> {
    const backup = listBackups(this.options.backupsDir).find((item) => item.id === id)
    if (!backup) return fail('not_found', 'This backup no longer exists.')
    if (this.restoring) return fail('busy', takingOrRestoring)
    const busyBefore = this.busyReason()
    if (busyBefore) return fail('busy', busyBefore)
    // Held until the swap is done: a second restore meanwhile would stage over this one's copy.
    this.restoring = true
    try {
      const restore = () => this.restoreNow(id, backup)
      return await (this.options.holdAttachments ? this.options.holdAttachments(restore) : restore())
    } finally {
      this.restoring = false
    }
  }

  private busyReason(): string | null {
    return this.running ? takingOrRestoring : this.options.busyReason()
  }

  private async restoreNow(
    id: string,
    backup: ReturnType<typeof listBackups>[number],
  ): Promise<Result<{ keptAt: string }>> {
    const staged = `${this.options.dbPath}.restoring`
    let attachmentIds: string[]
    try {
      await copyFile(backupFile(this.options.backupsDir, id), staged)
      const handle = await open(staged, 'r+')
      await handle.sync()
      await handle.close()
      // A damaged copy would be moved aside at open, leaving an empty history: refuse it, change nothing.
      const check = await checkIntegrityInBackground(staged).outcome
      if (check.kind !== 'ok') {
        await rm(staged, { force: true })
        const why = check.kind === 'damaged' ? check.problems.slice(0, 3).join('; ') : check.kind
        this.options.log.error(`backup ${id} failed its check (${why}); nothing was restored`)
        return fail('invalid_file', 'This backup is damaged and cannot be restored; your history is unchanged.')
      }
      const files = await checkBackupAttachments(staged, backupFile(this.options.backupsDir, id), backup.attachments)
      if (!files.ok) {
        await rm(staged, { force: true })
        const what = files.why === 'missing' ? 'is missing' : 'does not match its SHA-256'
        this.options.log.error(`backup ${id}: attachment ${files.id} ${what}; nothing was restored`)
        return fail(
          'invalid_file',
          'A file attached in this backup is damaged, so it cannot be restored; your history is unchanged.',
        )
      }
      attachmentIds = files.ids
    } catch (error) {
      await rm(staged, { force: true })
      throw error
    }
    // An answer may have started while the copy was staged.
    const busyAfter = this.busyReason()
    if (busyAfter) {
      await rm(staged, { force: true })
      return fail('busy', busyAfter)
    }
    // Its worker reads the file about to be moved; the copy put in its place was just checked whole.
    await this.options.stopHistoryCheck?.()
    const carriedFrom = attachmentsFolderOf(backupFile(this.options.backupsDir, id))
    // Checked whole above, but a file can go meanwhile: nothing is placed unless every one is still there.
    const lost = attachmentIds.find((file) => !existsSync(join(carriedFrom, file)))
    if (lost) {
      await rm(staged, { force: true })
      this.options.log.error(`backup ${id}: attachment ${lost} went missing before the restore; nothing was restored`)
      return fail(
        'invalid_file',
        'A file attached in this backup is missing, so it cannot be restored; your history is unchanged.',
      )
    }
    const keptAt = join(this.options.dataDir, `history.sqlite.before-restore-${fileStamp(this.now())}`)
    const liveFiles = join(this.options.dataDir, attachmentsFolderName)
    const added = attachmentIds.filter((file) => !existsSync(join(liveFiles, file)))
    // Back to the data as it was: only the files this restore brought leave `attachments/`.
    const undo = async () => {
      await rm(staged, { force: true })
      await rm(`${keptAt}.attachments`, { recursive: true, force: true })
      for (const file of added)
        for (const path of [join(liveFiles, file), join(liveFiles, `${file}.tmp`)]) await rm(path, { force: true })
    }
    try {
      const keptFiles = attachmentFilesIn(liveFiles)
      if (keptFiles.length) placeFiles(liveFiles, `${keptAt}.attachments`, keptFiles)
      const carried = placeFiles(carriedFrom, liveFiles, attachmentIds)
      if (carried.missing.length)
        throw new Error(`${carried.missing.length} attachment(s) went missing as they were placed`)
    } catch (error) {
      // A full disk, a folder that refuses writes: the history in use was not touched yet.
      await undo()
      this.options.log.error(`backup ${id}: its attachments could not be placed; nothing was restored`, error)
      return fail('internal', 'The backup could not be restored; your history is unchanged.')
    }
    let migrationFailed: ReturnType<HistoryStore['replaceFile']>['migrationFailed']
    try {
      ;({ migrationFailed } = this.options.history.replaceFile(staged, keptAt))
    } catch (error) {
      // The previous file is back in place; its files never left `attachments/`.
      await undo()
      throw error
    }
    if (migrationFailed) {
      this.options.log.warn(`the restored backup ${id} could not be updated; it is open read-only`)
      this.options.notify({ kind: 'history_migration_failed', path: migrationFailed.backupPath })
    }
    this.options.log.info(`history restored from backup ${id}; the previous file was kept at ${keptAt}`)
    this.options.emit({ type: 'history', change: 'reload' })
    return ok({ keptAt })
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.daily(), delayMs)
    // A pending backup never keeps the process alive.
    this.timer.unref()
  }

  private async daily(): Promise<void> {
    if (this.options.settings().backupsEnabled) await this.take('daily')
    else this.options.log.info('daily backup skipped: backups are turned off in Settings')
    this.schedule(dayMs)
  }

  private async runWorker(kind: 'daily' | 'manual'): Promise<Result<BackupInfo>> {
    const { backupsDir, dbPath, log } = this.options
    mkdirSync(backupsDir, { recursive: true })
    removeLeftovers(backupsDir)
    const createdAt = this.now()
    const input: BackupWorkerInput = {
      dbPath,
      attachmentsDir: join(this.options.dataDir, attachmentsFolderName),
      dir: backupsDir,
      id: newBackupId(backupsDir, kind, createdAt),
      kind,
      createdAt,
    }
    const outcome = await new Promise<BackupWorkerMessage>((resolve) => {
      let message: BackupWorkerMessage | null = null
      let worker: Worker
      try {
        worker = new Worker(this.options.worker.file, {
          workerData: input,
          ...(this.options.worker.execArgv ? { execArgv: this.options.worker.execArgv } : {}),
        })
      } catch (error) {
        resolve({ type: 'error', message: error instanceof Error ? error.message : String(error) })
        return
      }
      worker.on('message', (received: BackupWorkerMessage) => (message = received))
      worker.on('error', (error) => (message ??= { type: 'error', message: error.message }))
      worker.on('exit', () => resolve(message ?? { type: 'error', message: 'The backup stopped unexpectedly.' }))
    })
    if (outcome.type === 'error') {
      log.error(`backup failed: ${outcome.message}`)
      removeLeftovers(backupsDir)
      return fail('internal', 'The backup could not be taken.')
    }
    const keep = kind === 'daily' ? this.options.settings().backupsToKeep : manualBackupsToKeep
    const removed = pruneBackups(backupsDir, kind, keep)
    log.info(`history backed up to ${input.id} (${outcome.bytes} bytes); ${removed.length} old backup(s) removed`)
    const { bytes, conversations, messages } = outcome
    return ok({ id: input.id, kind, createdAt, bytes, conversations, messages })
  }
}
