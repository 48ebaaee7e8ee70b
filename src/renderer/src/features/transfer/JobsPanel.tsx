import { useEffect, useRef } from 'react'
import { stripBidiControls } from '../../../../shared/bidi'
import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'
import { showToast, toasts, type ToastInput } from '../../ui/toast-store'
import type { JobView } from './use-transfers'

interface JobsPanelProps {
  jobs: readonly JobView[]
  onCancel(jobId: string): void
  onDismiss(jobId: string): void
}

const toastKey = (jobId: string) => `job-${jobId}`

/**
 * Running and finished exports and imports, as toasts: one per job, updated in place while it runs
 * (progress and Cancel), then its result. Errors and a download waiting to be taken stay until
 * dismissed; the rest close by themselves. Dismissing a toast forgets the job, and the toast region
 * keeps at most a few, so nothing piles up.
 */
export function JobsPanel({ jobs, onCancel, onDismiss }: JobsPanelProps) {
  const shown = useRef(new Map<string, JobView>())
  useEffect(() => {
    for (const job of jobs) {
      if (shown.current.get(job.jobId) === job) continue
      const wasRunning = shown.current.get(job.jobId)
      shown.current.set(job.jobId, job)
      showToast({
        ...jobToast(job, onCancel),
        key: toastKey(job.jobId),
        // Progress updates the same toast; the result is shown (and announced) anew.
        update: isRunning(job) && wasRunning !== undefined && isRunning(wasRunning),
        onDismiss: () => onDismiss(job.jobId),
      })
    }
    for (const jobId of [...shown.current.keys()])
      if (!jobs.some((job) => job.jobId === jobId)) {
        shown.current.delete(jobId)
        toasts.dismissKey(toastKey(jobId))
      }
  }, [jobs, onCancel, onDismiss])
  return null
}

const isRunning = (job: JobView) => job.type === 'job' && job.phase === 'running'

/** What a job's toast says: its title, a line of detail, its progress or its one action. */
export function jobToast(job: JobView, onCancel: (jobId: string) => void): Omit<ToastInput, 'key'> {
  const t = strings.transfer
  if (job.type === 'refused')
    return { tone: 'error', duration: null, title: t.failed(job.kind), description: jobErrorText(job.error) }
  switch (job.phase) {
    case 'running': {
      const { done, total, unit } = job.progress
      const title = job.kind === 'export' ? t.exporting : t.importing
      return {
        tone: 'info',
        duration: null,
        title,
        description: t.progress(done, total, unit),
        progress: { value: done, max: total, label: title },
        action: { label: t.cancel, onClick: () => onCancel(job.jobId) },
      }
    }
    case 'cancelled':
      return { tone: 'info', title: t.cancelled(job.kind) }
    case 'error':
      return {
        tone: 'error',
        duration: null,
        title: t.failed(job.kind),
        ...(job.error ? { description: jobErrorText(job.error) } : {}),
      }
    case 'done': {
      const result = job.result!
      if (job.kind === 'import') {
        const lost = result.attachmentsNotImported
        return {
          tone: 'success',
          title: t.imported(result.conversations, result.messages),
          // Left behind files are worth reading: the toast stays until dismissed.
          ...(lost
            ? { duration: null, description: t.attachmentsNotImported(lost.count, lost.names.map(stripBidiControls)) }
            : {}),
        }
      }
      const location = result.location ?? ''
      // In browser mode the file waits on the server: the toast stays until its link is taken or dismissed.
      if (location.startsWith('/api/download/'))
        return {
          tone: 'success',
          duration: null,
          title: t.exported(result.conversations),
          link: { label: t.download, href: location, download: true },
        }
      // A file name shown: without bidi controls, which could make it read as another name.
      return { tone: 'success', title: t.exported(result.conversations), description: stripBidiControls(location) }
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
