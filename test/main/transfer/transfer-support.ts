/** Real stores, real worker threads and realistic generated histories for the export/import tests. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BundleMessage, ConversationBundle } from '../../../src/main/history/history-api'
import { HistoryStore } from '../../../src/main/history/history-store'
import { jsonConversation, jsonFooter, jsonHeader } from '../../../src/main/history/transfer/json-format'
import { TransferJobs, type TransferJobsOptions } from '../../../src/main/history/transfer/transfer-jobs'
import type { StoredMessage } from '../../../src/shared/history'
import type { JobEvent } from '../../../src/shared/transfer'
import { memoryLogger } from '../../support/memory-logger'
import { transferWorkerFromSource } from '../../support/test-core'

export function openStore(dir: string) {
  const path = join(dir, 'history.sqlite')
  return { path, store: HistoryStore.open({ path, log: memoryLogger() }).store }
}

/**
 * TransferJobs on `dbPath` with the worker run from source, every event recorded. `onEvent` sees
 * each event as it is emitted, synchronously: a test can cancel at an exact point of a job.
 */
export function jobsFor(dbPath: string, options: Partial<TransferJobsOptions> = {}) {
  const events: JobEvent[] = []
  const listeners = new Set<(event: JobEvent) => void>()
  const log = memoryLogger()
  const jobs = new TransferJobs({
    dbPath,
    workerFile: transferWorkerFromSource.file,
    workerExecArgv: transferWorkerFromSource.execArgv,
    log,
    emit: (event) => {
      events.push(event)
      for (const listener of listeners) listener(event)
    },
    ...options,
  })
  const onEvent = (listener: (event: JobEvent) => void) => listeners.add(listener)
  /** The event that ends the job (`done`, `error` or `cancelled`). */
  const end = (jobId: string, timeoutMs = 60_000): Promise<JobEvent> =>
    new Promise((resolve, reject) => {
      const ended = events.find((event) => event.jobId === jobId && event.phase !== 'running')
      if (ended) return resolve(ended)
      const timer = setTimeout(() => reject(new Error(`job ${jobId} did not end`)), timeoutMs)
      const listener = (event: JobEvent) => {
        if (event.jobId !== jobId || event.phase === 'running') return
        clearTimeout(timer)
        listeners.delete(listener)
        resolve(event)
      }
      listeners.add(listener)
    })
  const progressOf = (jobId: string, unit: 'bytes' | 'conversations') =>
    events
      .filter((event) => event.jobId === jobId && event.phase === 'running' && event.progress.unit === unit)
      .map((event) => event.progress)
  return { jobs, events, log, onEvent, end, progressOf }
}

/**
 * Conversations of realistic text with every kind of message the app stores: answers with usage,
 * timings, cost, reasoning and a finish reason; stopped, interrupted and failed answers; pinned
 * conversations and per-conversation overrides. About 0.9 KB per message.
 */
export function generatedBundles(conversations: number, messagesEach: number): ConversationBundle[] {
  const bundles: ConversationBundle[] = []
  for (let c = 0; c < conversations; c++) {
    const id = crypto.randomUUID()
    const at = Date.UTC(2025, 0, 1) + c * 60_000
    bundles.push({
      conversation: {
        id,
        title: `Cuộc trò chuyện ${c}`,
        createdAt: at,
        updatedAt: at + messagesEach,
        pinned: c % 7 === 3,
        overrides: c % 5 === 1 ? { model: 'deepseek-v3.2', temperature: 0.3, systemPrompt: 'Trả lời ngắn.' } : {},
      },
      messages: generatedTree(Array.from({ length: messagesEach }, (_, m) => generatedMessage(id, c, m, at + m))),
    })
    bundles.at(-1)!.currentLeafId = bundles.at(-1)!.messages.at(-1)?.id ?? null
  }
  return bundles
}

/**
 * A tree, not only a chain: each message follows the one before, except every fourth (3, 7…), an
 * answer given again beside the answer two before it (a sibling, as Regenerate makes).
 */
function generatedTree(messages: StoredMessage[]): BundleMessage[] {
  return messages.map((message, m) => ({
    ...message,
    parentId: m === 0 ? null : m % 4 === 3 ? messages[m - 3]!.id : messages[m - 1]!.id,
  }))
}

function generatedMessage(conversationId: string, c: number, m: number, at: number): StoredMessage {
  const content = `Tin nhắn ${m} của cuộc trò chuyện ${c}: tiếng Việt có dấu, and some English text. `.repeat(8)
  const base = { id: crypto.randomUUID(), conversationId, content, createdAt: at, updatedAt: at }
  if (m % 2 === 0) {
    return {
      ...base,
      role: 'user',
      reasoning: null,
      status: 'complete',
      errorKind: null,
      errorMessage: null,
      errorCause: null,
      model: null,
      usage: null,
      costUsd: null,
      timings: null,
      finishReason: null,
    }
  }
  // Answers 1, 3, 5, 7 (then again): complete, stopped, interrupted, failed.
  const status = (['complete', 'stopped', 'interrupted', 'error'] as const)[Math.floor(m / 2) % 4]!
  return {
    ...base,
    role: 'assistant',
    reasoning: m % 3 === 1 ? `Suy nghĩ ${m}: người dùng hỏi gì?` : null,
    status,
    errorKind: status === 'error' ? 'rate_limited' : null,
    errorMessage: status === 'error' ? 'Too many requests; try again in 20 s.' : null,
    errorCause: null,
    model: 'gpt-4.1',
    usage: status === 'complete' ? { promptTokens: 120 + m, completionTokens: 80, totalTokens: 200 + m } : null,
    costUsd: status === 'complete' ? 0.00042 : null,
    timings: status === 'complete' ? { timeToFirstTokenMs: 310, totalMs: 2150, tokensPerSecond: 43.2 } : null,
    finishReason: status === 'complete' ? 'stop' : null,
  }
}

/** Our JSON export of `bundles`, as the worker writes it. */
export function jsonExportText(bundles: ConversationBundle[], exportedAt = new Date()): string {
  return jsonHeader(exportedAt) + bundles.map((bundle, i) => jsonConversation(bundle, i === 0)).join('') + jsonFooter
}

/** Writes a generated export of about `conversations × messagesEach × 0.9 KB` to `path`. */
export function writeGeneratedExport(path: string, conversations: number, messagesEach: number): void {
  writeFileSync(path, jsonExportText(generatedBundles(conversations, messagesEach)))
}
