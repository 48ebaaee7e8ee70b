/**
 * Export and import jobs as main sees them: each runs in its own worker thread (transfer-worker.ts)
 * and reports through `emit` as `JobEvent`s: `running` with progress, then exactly one of `done`,
 * `error` or `cancelled`. Nothing here throws to the caller; a failure is an event and a log line.
 */
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { AppError } from '../../../shared/errors'
import type { ExportFormat, ExportLanguage, JobEvent } from '../../../shared/transfer'
import type { Logger } from '../../log'
import { PartialJournal } from './partial-journal'
import { requestCancel, type TransferJob, type WorkerInput, type WorkerMessage } from './worker-protocol'

export interface TransferJobsOptions {
  dbPath: string
  /**
   * After a failed update: the read-only file main's store reads (exports read it; imports are
   * refused with `read_only`); null when the history is writable. Never read-only when not given.
   */
  readOnlyFile?: () => string | null
  /** transfer-worker.js when built; the .ts source with `workerExecArgv: ['--import', 'tsx']` in tests. */
  workerFile: string | URL
  workerExecArgv?: string[]
  log: Logger
  emit(event: JobEvent): void
  /**
   * How long a cancelled worker may take to stop on its own (it looks between conversations)
   * before it is terminated; 1 s by default. Only a worker inside one long step (parsing a big
   * file, before anything is written) takes that long.
   */
  cancelGraceMs?: number
  /**
   * Where the exports in progress are remembered (see partial-journal.ts), so a kill's leftover
   * `.partial` files are removed at the next start; none in tests that do not need it.
   */
  partialJournalFile?: string
}

interface RunningJob {
  kind: JobEvent['kind']
  worker: Worker
  cancel: Int32Array
  /** The export's half-written file, removed when the job does not finish. */
  partialPath: string | null
  location: string | null
  progress: JobEvent['progress']
  outcome: WorkerMessage | null
  cancelled: boolean
  killTimer: NodeJS.Timeout | null
  exited: Promise<void>
}

export class TransferJobs {
  private readonly jobs = new Map<string, RunningJob>()
  private readonly journal: PartialJournal | null

  constructor(private readonly options: TransferJobsOptions) {
    this.journal = options.partialJournalFile ? new PartialJournal(options.partialJournalFile, options.log) : null
    this.journal?.removeLeftovers()
  }

  /** Exports and imports running now (a restore waits for none). */
  get runningCount(): number {
    return this.jobs.size
  }

  /**
   * Starts writing `outPath` (through `outPath.<job>.partial`, its own per job, so two exports to
   * the same place never write into one file); returns the job id its events carry.
   */
  startExport(request: {
    conversationIds: string[] | null
    format: ExportFormat
    /** The Markdown export's language; English when not given. */
    language?: ExportLanguage
    outPath: string
    /** Where the user finds the file, reported in the `done` event (a path, or browser mode's download URL). */
    location: string
  }): string {
    const { conversationIds, format, language = 'en', outPath, location } = request
    const jobId = randomUUID()
    const partialPath = `${outPath}.${jobId.slice(0, 8)}.partial`
    const readOnlyFile = this.options.readOnlyFile?.() ?? null
    const dbPath = readOnlyFile ?? this.options.dbPath
    const job: TransferJob = {
      kind: 'export',
      dbPath,
      readOnly: readOnlyFile !== null,
      conversationIds,
      format,
      language,
      outPath,
      partialPath,
    }
    this.journal?.add(partialPath)
    return this.start(jobId, job, partialPath, location, 'conversations')
  }

  /**
   * Starts importing `inPath` (our JSON or ChatGPT's conversations.json); returns the job id.
   * `onEnd` runs once the job has ended in any way (browser mode deletes the upload there).
   */
  startImport(request: { inPath: string; onEnd?: () => void }): string {
    // Nothing may be written after a failed update. One import at a time: each holds a whole file's
    // conversations in memory (a 200 MB file takes over a gigabyte while it is converted), and two
    // would also take turns at the write lock.
    const refusal: AppError | null =
      (this.options.readOnlyFile?.() ?? null) !== null
        ? { kind: 'read_only', message: 'The history is read-only until the app is updated; nothing was imported.' }
        : [...this.jobs.values()].some((job) => job.kind === 'import')
          ? { kind: 'busy', message: 'An import is already running; wait for it to finish.' }
          : null
    if (refusal) {
      const jobId = randomUUID()
      // After the caller has the id, as every other event comes.
      queueMicrotask(() => {
        this.ended(request.onEnd)
        this.emit(event(jobId, 'import', 'error', progressAtStart('bytes'), null, refusal))
      })
      return jobId
    }
    const job: TransferJob = { kind: 'import', dbPath: this.options.dbPath, inPath: request.inPath }
    return this.start(randomUUID(), job, null, null, 'bytes', request.onEnd)
  }

  /**
   * Stops a running job: the worker is asked to stop, and terminated if it does not within the
   * grace time; a half-written export is removed, a half-done import leaves nothing visible.
   * False when there is no such job running (it ended, or was cancelled already).
   */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job || job.cancelled) return false
    job.cancelled = true
    requestCancel(job.cancel)
    job.killTimer = setTimeout(() => void job.worker.terminate(), this.options.cancelGraceMs ?? 1000)
    return true
  }

  /** Cancels every job and resolves when all their threads have exited (for shutdown). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.entries()]
    for (const [jobId] of running) this.cancel(jobId)
    await Promise.all(running.map(([, job]) => job.exited))
  }

  private start(
    jobId: string,
    job: TransferJob,
    partialPath: string | null,
    location: string | null,
    unit: 'bytes' | 'conversations',
    onEnd?: () => void,
  ) {
    const cancel = new Int32Array(new SharedArrayBuffer(4))
    const workerData: WorkerInput = { job, cancel }
    let worker: Worker
    try {
      worker = new Worker(this.options.workerFile, {
        workerData,
        ...(this.options.workerExecArgv ? { execArgv: this.options.workerExecArgv } : {}),
      })
    } catch (error) {
      this.options.log.error(`${job.kind} worker could not start`, error)
      if (partialPath) this.journal?.delete(partialPath)
      const failure: AppError = { kind: 'internal', message: `The ${job.kind} could not start.` }
      queueMicrotask(() => {
        this.ended(onEnd)
        this.emit(event(jobId, job.kind, 'error', progressAtStart(unit), null, failure))
      })
      return jobId
    }
    let exited: () => void = () => {}
    const running: RunningJob = {
      kind: job.kind,
      worker,
      cancel,
      partialPath,
      location,
      progress: progressAtStart(unit),
      outcome: null,
      cancelled: false,
      killTimer: null,
      exited: new Promise<void>((resolve) => (exited = resolve)),
    }
    this.jobs.set(jobId, running)
    worker.on('message', (message: WorkerMessage) => this.onMessage(jobId, running, message))
    worker.on('error', (error: Error & { code?: string }) => {
      this.options.log.error(`${job.kind} worker failed`, error)
      // The error's own message stays in the log: it may hold paths, which the renderer is not shown.
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The ${job.kind} ran out of memory${job.kind === 'import' ? ': the file is too large to import at once' : ''}.`
          : `The ${job.kind} stopped unexpectedly.`
      running.outcome ??= { type: 'error', kind: 'internal', message }
    })
    worker.on('exit', () => {
      if (running.killTimer) clearTimeout(running.killTimer)
      this.jobs.delete(jobId)
      // Before the end is announced, so whoever sees it finds the upload already gone.
      this.ended(onEnd)
      this.finish(jobId, running)
      exited()
    })
    this.emit(event(jobId, job.kind, 'running', running.progress))
    return jobId
  }

  private onMessage(jobId: string, job: RunningJob, message: WorkerMessage): void {
    if (message.type === 'progress') {
      job.progress = { done: message.done, total: message.total, unit: message.unit }
      // A cancelled job says nothing more until its end, so the bar does not move after Cancel.
      if (!job.cancelled) this.emit(event(jobId, job.kind, 'running', job.progress))
    } else if (message.type === 'log') this.options.log[message.level](`${job.kind} worker: ${message.message}`)
    else job.outcome = message
  }

  private finish(jobId: string, job: RunningJob): void {
    const { outcome } = job
    if (outcome?.type !== 'done' && job.partialPath) {
      try {
        rmSync(job.partialPath, { force: true })
      } catch (error) {
        this.options.log.warn(`could not remove ${job.partialPath}`, error)
      }
    }
    if (job.partialPath) this.journal?.delete(job.partialPath)
    // A job that finished before the cancel reached it is reported as done: its work is all there.
    if (outcome?.type === 'done') {
      const { conversations, messages, bytes, format, attachmentsNotImported } = outcome
      const result = {
        conversations,
        messages,
        bytes,
        location: job.location,
        format,
        ...(attachmentsNotImported ? { attachmentsNotImported } : {}),
      }
      this.emit(event(jobId, job.kind, 'done', job.progress, result))
    } else if (job.cancelled || outcome?.type === 'cancelled') {
      this.emit(event(jobId, job.kind, 'cancelled', job.progress))
    } else {
      const error: AppError =
        outcome?.type === 'error'
          ? {
              kind: outcome.kind,
              message: outcome.message,
              ...(outcome.importProblem ? { importProblem: outcome.importProblem } : {}),
            }
          : { kind: 'internal', message: `The ${job.kind} stopped unexpectedly.` }
      if (error.kind === 'internal') this.options.log.error(`${job.kind} job failed: ${error.message}`)
      this.emit(event(jobId, job.kind, 'error', job.progress, null, error))
    }
  }

  private ended(onEnd: (() => void) | undefined): void {
    try {
      onEnd?.()
    } catch (error) {
      this.options.log.warn('could not clean up after a job', error)
    }
  }

  /** A listener that throws must not break the job's bookkeeping (or reach the worker's event handlers). */
  private emit(jobEvent: JobEvent): void {
    try {
      this.options.emit(jobEvent)
    } catch (error) {
      this.options.log.error('a job event listener failed', error)
    }
  }
}

function progressAtStart(unit: 'bytes' | 'conversations'): JobEvent['progress'] {
  return { done: 0, total: null, unit }
}

function event(
  jobId: string,
  kind: JobEvent['kind'],
  phase: JobEvent['phase'],
  progress: JobEvent['progress'],
  result: JobEvent['result'] = null,
  error: AppError | null = null,
): JobEvent {
  return { type: 'job', jobId, kind, phase, progress, result, error }
}
