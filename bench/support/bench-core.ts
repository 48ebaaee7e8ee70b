/**
 * The whole main-process core (ChatService, ConversationChat, HistoryStore on a real SQLite file in
 * a temporary folder) pointed at a gateway, with a helper that sends one message and resolves when
 * its answer has ended. Events are serialised as browser mode's SSE does (JSON), the dearer of the
 * two transports.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core'
import { createLogger } from '../../src/main/log'
import { plainTextEncryptor } from '../../src/main/secrets/encryptor'
import { webFileAccess } from '../../src/main/web/web-file-access'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { AppEvent } from '../../src/shared/events'
import { backupWorkerFromSource, pdfWorkerFromSource, transferWorkerFromSource } from '../../test/support/test-core'

export interface BenchCore {
  core: Core
  /**
   * Sends `content` in a new conversation; resolves with the stored answer once its stream ended.
   * With `stopAfterFirstDelta`, presses Stop as soon as the answer's text begins to flow.
   */
  ask(content: string, options?: { stopAfterFirstDelta?: boolean }): Promise<{ status: string; text: string }>
  /** Called with every event and its JSON; set by the benchmark that needs it. */
  onEvent: ((event: AppEvent, json: string) => void) | null
  close(): Promise<void>
}

export function startBenchCore(
  gateway: { baseURL: string; apiKey: string },
  fetch?: typeof globalThis.fetch,
): BenchCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'holysheep-bench-'))
  const core = createCore({
    dataDir,
    env: { HOLYSHEEP_API_KEY: gateway.apiKey, HOLYSHEEP_BASE_URL: gateway.baseURL },
    encryptor: plainTextEncryptor,
    log: createLogger({ level: 'error' }),
    files: webFileAccess(dataDir),
    transferWorker: transferWorkerFromSource,
    backupWorker: backupWorkerFromSource,
    pdfWorker: pdfWorkerFromSource,
    ...(fetch ? { fetch } : {}),
  })
  /** Streams whose end was seen, and the asks waiting for an end; whichever comes first waits for the other. */
  const ended = new Set<string>()
  const waiting = new Map<string, () => void>()
  const toStop = new Set<string>()
  const bench: BenchCore = {
    core,
    onEvent: null,
    async ask(content, options = {}) {
      const sent = await core.dispatch('chat:send', { conversationId: null, content })
      if (!sent.ok) throw new Error(sent.error.message)
      const { streamId, assistantMessageId } = sent.value as ChatSendResponse
      if (!streamId) throw new Error(`the answer did not start: ${(sent.value as ChatSendResponse).error?.message}`)
      if (options.stopAfterFirstDelta) toStop.add(streamId)
      if (!ended.has(streamId)) await new Promise<void>((resolve) => waiting.set(streamId, resolve))
      ended.delete(streamId)
      waiting.delete(streamId)
      // Storage sees each event before the views, so the stored answer is final by now.
      const stored = core.history.getMessage(assistantMessageId)
      if (!stored) throw new Error('the answer was not stored')
      return { status: stored.status, text: stored.content }
    },
    async close() {
      await core.shutdown()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  core.onEvent((event) => {
    const json = JSON.stringify(event)
    bench.onEvent?.(event, json)
    if (!('streamId' in event)) return
    if (event.type === 'delta' && toStop.delete(event.streamId))
      void core.dispatch('chat:stop', { streamId: event.streamId })
    if (event.type === 'done' || event.type === 'error') {
      toStop.delete(event.streamId)
      const resolve = waiting.get(event.streamId)
      if (resolve) resolve()
      else ended.add(event.streamId)
    }
  })
  return bench
}
