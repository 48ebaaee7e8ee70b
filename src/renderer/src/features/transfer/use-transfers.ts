import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { ExportFormat, JobEvent } from '../../../../shared/transfer'
import type { Platform } from '../../api/platform'
import { currentLanguage } from '../../i18n/locale'
import { ExternalStore } from '../../lib/external-store'

/** A job as the panel shows it: its latest event, or a failure before it could start. */
export type JobView = JobEvent | { type: 'refused'; jobId: string; kind: 'export' | 'import'; error: AppError }

class JobsStore extends ExternalStore<readonly JobView[]> {
  constructor() {
    super([])
  }

  put(job: JobView): void {
    const others = this.getSnapshot().filter((item) => item.jobId !== job.jobId)
    this.set([...others, job])
  }

  dismiss(jobId: string): void {
    this.set(this.getSnapshot().filter((item) => item.jobId !== jobId))
  }
}

export interface TransferActions {
  exportConversation(conversationId: string, format: ExportFormat): void
  exportAll(format: ExportFormat): void
  importFile(file: File | null): void
}

/** Export and import jobs: started here, run in main's worker, followed through job events. */
export function useTransfers(api: Api, platform: Platform) {
  const store = useMemo(() => new JobsStore(), [])
  const jobs = useSyncExternalStore(store.subscribe, store.getSnapshot)

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'job') store.put(event)
      }),
    [api, store],
  )

  const refused = useCallback(
    (kind: 'export' | 'import', error: AppError) =>
      store.put({ type: 'refused', jobId: crypto.randomUUID(), kind, error }),
    [store],
  )

  const startExport = useCallback(
    async (conversationId: string | null, format: ExportFormat) => {
      // The Markdown file's headings and dates follow the language the UI shows.
      const result = await api.history.export({ conversationId, format, language: currentLanguage() })
      if (!result.ok) refused('export', result.error)
    },
    [api, refused],
  )

  const actions: TransferActions = {
    exportConversation: (conversationId, format) => void startExport(conversationId, format),
    exportAll: (format) => void startExport(null, format),
    importFile: (file) =>
      void (async () => {
        let uploadId: string | null = null
        if (platform.kind === 'browser') {
          if (!file) return
          const uploaded = await platform.upload(file)
          if (!uploaded.ok) return refused('import', uploaded.error)
          uploadId = uploaded.value.uploadId
        }
        const result = await api.history.import({ uploadId })
        if (!result.ok) refused('import', result.error)
      })(),
  }

  const cancel = useCallback((jobId: string) => void api.jobs.cancel({ jobId }), [api])
  return { jobs, actions, cancel, dismiss: store.dismiss.bind(store) }
}
