/**
 * Export and import jobs as main sees them: each runs in its own worker thread (transfer-worker.ts)
 * and reports through `emit` as `JobEvent`s: `running` with progress, then exactly one of `done`,
 * `error` or `cancelled`. Nothing here throws to the caller; a failure is an event and a log line.
 */
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { AppError } from '../../../shared/errors'
import type { ExportFormat, JobEvent } from '../../../shared/transfer'
import type { Logger } from '../../log'
import type { TransferJob, WorkerMessage } from './worker-protocol'

export interface TransferJobsOptions {
  dbPath: string
  /** transfer-worker.js when built; the .ts source with `workerExecArgv: ['--import', 'tsx']` in tests. */
  workerFile: string | URL
  workerExecArgv?: string[]
  log: Logger
  emit(event: JobEvent): void
}

interface RunningJob {
  kind: JobEvent['kind']
  worker: Worker
  /** The export's half-written file, removed when the job does not finish. */
  partialPath: string | null
  location: string | null
  progress: JobEvent['progress']
  finished: Promise<void>
  cancelled: boolean
}

export class TransferJobs {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(private readonly options: TransferJobsOptions) {}

  startExport(request: {
    conversationIds: string[] | null
    format: ExportFormat
    outPath: string
    location: string
  }): string {
    const job: TransferJob = { kind: 'export', dbPath: this.options.dbPath, ...request }
    return this.start(job, `${request.outPath}.partial`, request.location, 'conversations')
  }

  startImport(request: { inPath: string }): string {
    // One import at a time: each is one all-or-nothing transaction, and two would wait on each other's lock.
    if ([...this.jobs.values()].some((job) => job.kind === 'import')) {
      const jobId = randomUUID()
      const error: AppError = {
        kind: 'invalid_payload',
        message: 'An import is already running; wait for it to finish.',
      }
      queueMicrotask(() =>
        this.options.emit(this.event(jobId, 'import', 'error', { done: 0, total: null, unit: 'bytes' }, null, error)),
      )
      return jobId
    }
    return this.start({ kind: 'import', dbPath: this.options.dbPath, ...request }, null, null, 'bytes')
  }

  /** Stops a running job: the worker is terminated, a half-written export removed. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job || job.cancelled) return false
    job.cancelled = true
    void job.worker.terminate()
    return true
  }

  async cancelAll(): Promise<void> {
    const running = [...this.jobs.entries()]
    for (const [jobId] of running) this.cancel(jobId)
    await Promise.all(running.map(([, job]) => job.finished))
  }

  private start(
    job: TransferJob,
    partialPath: string | null,
    location: string | null,
    unit: 'bytes' | 'conversations',
  ): string {
    const jobId = randomUUID()
    const worker = new Worker(this.options.workerFile, {
      workerData: job,
      ...(this.options.workerExecArgv ? { execArgv: this.options.workerExecArgv } : {}),
    })
    let settle: () => void = () => {}
    const running: RunningJob = {
      kind: job.kind,
      worker,
      partialPath,
      location,
      progress: { done: 0, total: null, unit },
      finished: new Promise<void>((resolve) => (settle = resolve)),
      cancelled: false,
    }
    this.jobs.set(jobId, running)
    let outcome: WorkerMessage | null = null
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        running.progress = { done: message.done, total: message.total, unit: message.unit }
        this.options.emit(this.event(jobId, job.kind, 'running', running.progress))
      } else outcome = message
    })
    worker.on('error', (error) => {
      this.options.log.error(`${job.kind} job failed`, error)
      outcome ??= { type: 'error', kind: 'internal', message: error.message }
    })
    worker.on('exit', () => {
      this.jobs.delete(jobId)
      this.finish(jobId, running, outcome)
      settle()
    })
    this.options.emit(this.event(jobId, job.kind, 'running', running.progress))
    return jobId
  }

  private finish(jobId: string, job: RunningJob, outcome: WorkerMessage | null): void {
    const { emit, log } = this.options
    if (outcome?.type !== 'done' && job.partialPath) rmSync(job.partialPath, { force: true })
    if (job.cancelled && outcome?.type !== 'done') {
      emit(this.event(jobId, job.kind, 'cancelled', job.progress))
      return
    }
    if (outcome?.type === 'done') {
      const { conversations, messages, bytes, format } = outcome
      const result = { conversations, messages, bytes, location: job.location, format }
      emit(this.event(jobId, job.kind, 'done', job.progress, result))
      return
    }
    const error: AppError =
      outcome?.type === 'error'
        ? { kind: outcome.kind, message: outcome.message }
        : { kind: 'internal', message: `The ${job.kind} stopped unexpectedly.` }
    if (error.kind === 'internal') log.error(`${job.kind} job failed: ${error.message}`)
    emit(this.event(jobId, job.kind, 'error', job.progress, null, error))
  }

  private event(
    jobId: string,
    kind: JobEvent['kind'],
    phase: JobEvent['phase'],
    progress: JobEvent['progress'],
    result: JobEvent['result'] = null,
    error: AppError | null = null,
  ): JobEvent {
    return { type: 'job', jobId, kind, phase, progress, result, error }
  }
}
