/** Real stores and real worker threads for the export/import tests. */
import { join } from 'node:path'
import type { ConversationBundle } from '../../../src/main/history/history-api'
import { HistoryStore } from '../../../src/main/history/history-store'
import { TransferJobs } from '../../../src/main/history/transfer/transfer-jobs'
import type { JobEvent } from '../../../src/shared/transfer'
import { memoryLogger } from '../../support/memory-logger'
import { transferWorkerFromSource } from '../../support/test-core'

export function openStore(dir: string) {
  const path = join(dir, 'history.sqlite')
  return { path, store: HistoryStore.open({ path, log: memoryLogger() }).store }
}

export function jobsFor(dbPath: string) {
  const events: JobEvent[] = []
  const jobs = new TransferJobs({
    dbPath,
    workerFile: transferWorkerFromSource.file,
    workerExecArgv: transferWorkerFromSource.execArgv,
    log: memoryLogger(),
    emit: (event) => events.push(event),
  })
  const end = async (jobId: string, timeoutMs = 60_000): Promise<JobEvent> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const last = events.find((event) => event.jobId === jobId && event.phase !== 'running')
      if (last) return last
      if (Date.now() > deadline) throw new Error(`job ${jobId} did not end`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  return { jobs, events, end }
}

/** Many conversations of realistic text, written straight through the store. */
export function generatedBundles(conversations: number, messagesEach: number): ConversationBundle[] {
  const bundles: ConversationBundle[] = []
  for (let c = 0; c < conversations; c++) {
    const id = crypto.randomUUID()
    const at = Date.UTC(2025, 0, 1) + c * 60_000
    bundles.push({
      conversation: { id, title: `Cuộc trò chuyện ${c}`, createdAt: at, updatedAt: at, pinned: false, overrides: {} },
      messages: Array.from({ length: messagesEach }, (_, m) => ({
        id: crypto.randomUUID(),
        conversationId: id,
        role: m % 2 === 0 ? ('user' as const) : ('assistant' as const),
        content: `Tin nhắn ${m} của cuộc trò chuyện ${c}: tiếng Việt có dấu, and some English text. `.repeat(8),
        reasoning: null,
        status: 'complete' as const,
        errorKind: null,
        errorMessage: null,
        model: m % 2 === 0 ? null : 'gpt-4.1',
        usage: null,
        costUsd: null,
        timings: null,
        finishReason: null,
        createdAt: at + m,
        updatedAt: at + m,
      })),
    })
  }
  return bundles
}
