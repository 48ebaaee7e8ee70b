import { stripBidiControls } from '../../../../shared/bidi'
import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'
import type { JobView } from './use-transfers'

interface JobsPanelProps {
  jobs: readonly JobView[]
  onCancel(jobId: string): void
  onDismiss(jobId: string): void
}

/** Running and finished exports and imports: progress with Cancel, then the result or what went wrong. */
export function JobsPanel({ jobs, onCancel, onDismiss }: JobsPanelProps) {
  if (jobs.length === 0) return null
  return (
    <section className="jobs" aria-label={strings.transfer.jobs}>
      {jobs.map((job) => (
        <div key={job.jobId} className="job" role="status">
          <JobLine job={job} />
          {job.type === 'job' && job.phase === 'running' ? (
            <button type="button" onClick={() => onCancel(job.jobId)}>
              {strings.transfer.cancel}
            </button>
          ) : (
            <button type="button" onClick={() => onDismiss(job.jobId)} aria-label={strings.transfer.dismiss}>
              ×
            </button>
          )}
        </div>
      ))}
    </section>
  )
}

function JobLine({ job }: { job: JobView }) {
  const title = job.kind === 'export' ? strings.transfer.exporting : strings.transfer.importing
  if (job.type === 'refused') return <p className="job-error">{jobErrorText(job.error)}</p>
  switch (job.phase) {
    case 'running': {
      const { done, total, unit } = job.progress
      return (
        <label className="job-progress">
          <span>
            {title} {strings.transfer.progress(done, total, unit)}
          </span>
          <progress max={total ?? undefined} value={total === null ? undefined : done} />
        </label>
      )
    }
    case 'cancelled':
      return <p>{strings.transfer.cancelled(job.kind)}</p>
    case 'error':
      return (
        <p className="job-error">
          {strings.transfer.failed(job.kind)} {job.error ? jobErrorText(job.error) : ''}
        </p>
      )
    case 'done': {
      const result = job.result!
      if (job.kind === 'import') return <p>{strings.transfer.imported(result.conversations, result.messages)}</p>
      const location = result.location ?? ''
      return (
        <p>
          {strings.transfer.exported(result.conversations)}{' '}
          {location.startsWith('/api/download/') ? (
            <a href={location} download>
              {strings.transfer.download}
            </a>
          ) : (
            // A file name shown: without bidi controls, which could make it read as another name.
            <span className="path">{stripBidiControls(location)}</span>
          )}
        </p>
      )
    }
  }
}

/**
 * Main's message names the place of a fault in the file (`conversations[3].role: ...`), which is
 * best shown as it is; what the UI can word itself (a file that is not UTF-8 JSON, a refused
 * upload) is said in the user's language.
 */
function jobErrorText(error: AppError): string {
  if (error.importProblem) return strings.transfer.importProblem(error.importProblem)
  if (error.kind === 'upload_limit') return strings.errors.upload_limit
  return error.message || strings.errors[error.kind]
}
