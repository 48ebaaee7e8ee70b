/**
 * A long day of chatting must not leave anything behind in main: after 1,000 streams (a third
 * stopped mid-answer, a third failing), no stream, timer, socket or listener of ours is left, and
 * the heap after garbage collection has grown by less than 5 MB.
 */
import { queryObjects, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { ChatService } from '../../src/main/chat/chat-service'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { EventLog } from '../support/collect-events'
import { memoryLogger } from '../support/memory-logger'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
/** Several full collections with turns of the event loop between, so finalizers and weak refs settle. */
async function collectGarbage(): Promise<void> {
  for (let pass = 0; pass < 4; pass++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
}

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 1 })
})
afterAll(async () => {
  await gateway.close()
})

/**
 * Our kinds of handles: timers, sockets, and anything else Node reports as keeping the loop alive;
 * the abort controllers and signals alive on the heap (each stream makes one for Stop and one for its
 * idle watch); and every listener on `process`.
 */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1
  counts.AbortController = queryObjects(AbortController, { format: 'count' })
  counts.AbortSignal = queryObjects(AbortSignal, { format: 'count' })
  counts.processListeners = process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0)
  return counts
}

it('1,000 streams leave no streams, timers, sockets or heap behind', { timeout: 240_000 }, async () => {
  const log = memoryLogger()
  let events = new EventLog()
  const chat = new ChatService({
    connection: () => ({ apiKey: gateway.apiKey, baseURL: gateway.baseURL }),
    defaults: () => ({ model: 'gpt-4.1', temperature: null, maxTokens: null, systemPrompt: '' }),
    emit: (event) => events.push(event),
    log,
    maxRetries: 0,
    maxConcurrentStreams: () => 100,
  })
  const runBatch = async (from: number, size: number) => {
    const batchEvents = new EventLog()
    events = batchEvents
    const outcomes = []
    for (let index = from; index < from + size; index++) {
      const kind = index % 3
      const content =
        kind === 0 ? '[[tokens=8]] ok' : kind === 1 ? '[[tokens=400]] [[delay=5]] stop me' : '[[status=500]] fail'
      const started = chat.send({ messages: [{ role: 'user', content }] })
      if (!started.ok) throw new Error(started.error.message)
      if (kind === 1) {
        const { streamId } = started.value
        void batchEvents.until(() => batchEvents.text(streamId).length > 0).then(() => chat.stop(streamId))
      }
      outcomes.push(started.value.finished)
    }
    return Promise.all(outcomes)
  }

  // Warm up (the SDK's and undici's lazily made pools, JIT), then measure around the rest.
  await runBatch(0, 30)
  // The test's own instruments (the gateway's request record, the log, the events) are emptied
  // before each measurement, so what is left is what main holds.
  const forgetInstruments = () => {
    gateway.requests.length = 0
    log.lines.length = 0
    events = new EventLog()
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
  forgetInstruments()
  await collectGarbage()
  const heapBefore = process.memoryUsage().heapUsed
  const before = resources()

  const statuses: Record<string, number> = {}
  for (let from = 30; from < 1030; from += 50) {
    for (const outcome of await runBatch(from, 50)) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
  }
  expect(statuses).toEqual({ complete: 334, stopped: 333, error: 333 })
  expect(chat.activeStreamCount).toBe(0)
  // The gateway sees an aborted request's connection close a moment after the client let go of it.
  await vi.waitFor(() => expect(gateway.openStreams()).toBe(0), { timeout: 2_000 })

  // Idle keep-alive connections close after undici's keep-alive timeout (4 s); wait that out, so a
  // socket still open now is one a stream left behind.
  await new Promise((resolve) => setTimeout(resolve, 4_500))
  forgetInstruments()
  await collectGarbage()
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576
  const after = resources()
  // Timers and sockets: what the warm-up left (undici's keep-alive pool), not one more.
  console.log(
    `1,000 streams: heap +${heapGrowthMb.toFixed(2)} MB; resources ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
  )
  expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0)
  expect(after.AbortController).toBeLessThanOrEqual(before.AbortController!)
  expect(after.AbortSignal).toBeLessThanOrEqual(before.AbortSignal!)
  expect(after.processListeners).toBeLessThanOrEqual(before.processListeners!)
  expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual((before.TCPSocketWrap ?? 0) + 2)
  expect(heapGrowthMb).toBeLessThan(5)
})
