/**
 * Big jobs: progress, a main thread that keeps running, and cancelling at the moments that matter.
 * One generated export of ~30 MB (1,500 conversations, 30,000 messages) and one database holding
 * it are made once for the whole file.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { useTempDirs } from '../../support/temp-dir'
import { generatedBundles, jobsFor, openStore, writeGeneratedExport } from './transfer-support'

const tempDir = useTempDirs()
const opened: HistoryStore[] = []
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

function fresh() {
  const dir = tempDir()
  const { path, store } = openStore(dir)
  opened.push(store)
  return { dir, path, store, ...jobsFor(path) }
}

const conversations = 1500
const messagesEach = 20
let bigFile = ''
let bigDb: { dir: string; path: string; store: HistoryStore }

beforeAll(() => {
  // Not through useTempDirs, which empties its folders after each test: these serve them all.
  const dir = mkdtempSync(join(tmpdir(), 'holysheep-transfer-'))
  bigFile = join(dir, 'big.json')
  writeGeneratedExport(bigFile, conversations, messagesEach)
  const { path, store } = openStore(dir)
  for (let i = 0; i < conversations; i += 250) store.importBundles(generatedBundles(250, messagesEach))
  bigDb = { dir, path, store }
}, 60_000)
afterAll(() => {
  bigDb.store.close()
  rmSync(bigDb.dir, { recursive: true, force: true })
})

// Generous: a loaded CI machine imports 30,000 messages in well under a minute, a quiet one in seconds.
describe('big exports and imports', { timeout: 120_000 }, () => {
  it('reports growing progress while the main thread keeps running', async () => {
    expect(statSync(bigFile).size).toBeGreaterThan(20_000_000)
    const { store, jobs, end, progressOf } = fresh()
    let ticks = 0
    let longestGap = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
      ticks++
    }, 5)
    const started = performance.now()
    const jobId = jobs.startImport({ inPath: bigFile })
    const ended = await end(jobId)
    const took = performance.now() - started
    clearInterval(ticker)
    expect(ended).toMatchObject({ phase: 'done', result: { conversations, messages: conversations * messagesEach } })
    expect(store.countConversations()).toBe(conversations)

    const bytes = progressOf(jobId, 'bytes').map((progress) => progress.done)
    const imported = progressOf(jobId, 'conversations').map((progress) => progress.done)
    expect(bytes.at(-1)).toBe(statSync(bigFile).size)
    expect(imported.at(-1)).toBe(conversations)
    expect(imported.length).toBeGreaterThan(2)
    for (const series of [bytes, imported]) expect(series).toEqual([...series].sort((a, b) => a - b))
    expect(progressOf(jobId, 'conversations')[1]).toMatchObject({ total: conversations })
    // Had reading, parsing or writing run on this thread, the 5 ms interval could not have fired
    // through the job: it does, about as often as it would with nothing else going on.
    expect(ticks).toBeGreaterThan(took / 5 / 4)
    expect(longestGap).toBeLessThan(took / 2)
  })

  it('cancels an export: no file and no partial file left', async () => {
    const { jobs, end, onEvent } = jobsFor(bigDb.path)
    const outPath = join(tempDir(), 'cancelled.json')
    const jobId = jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    // Cancel the moment the worker reports that it is writing.
    onEvent((event) => {
      if (event.jobId === jobId && event.phase === 'running' && event.progress.done > 0) jobs.cancel(jobId)
    })
    const ended = await end(jobId)
    expect(ended).toMatchObject({ phase: 'cancelled', result: null, error: null })
    expect(ended.progress.done).toBeLessThan(conversations)
    expect(readdirSync(join(outPath, '..'))).toEqual([])
    expect(jobs.cancel(jobId)).toBe(false)
  })

  it('cancels an import while it writes: nothing imported, nothing staged, the database free', async () => {
    const { store, jobs, end, onEvent } = fresh()
    const jobId = jobs.startImport({ inPath: bigFile })
    onEvent((event) => {
      if (event.jobId === jobId && event.progress.unit === 'conversations' && event.progress.done > 0)
        jobs.cancel(jobId)
    })
    const ended = await end(jobId)
    expect(ended).toMatchObject({ phase: 'cancelled', progress: { unit: 'conversations' } })
    expect(ended.progress.done).toBeLessThan(conversations)
    expect(store.countConversations()).toBe(0)
    // The worker stopped itself between conversations and removed what it had staged.
    expect(store.purgeDeleted(0)).toBe(0)
    // Its connection is closed: main's writes go through at once.
    store.appendMessage(store.createConversation().id, { role: 'user', content: 'vẫn ghi được', status: 'complete' })
    expect(store.countConversations()).toBe(1)
  })

  it('terminates a worker that does not stop in time: still nothing imported, the database free', async () => {
    const { path, store } = fresh()
    const { jobs, end, onEvent } = jobsFor(path, { cancelGraceMs: 0 })
    const jobId = jobs.startImport({ inPath: bigFile })
    onEvent((event) => {
      if (event.jobId === jobId && event.progress.unit === 'conversations' && event.progress.done > 0)
        jobs.cancel(jobId)
    })
    expect(await end(jobId)).toMatchObject({ phase: 'cancelled' })
    expect(store.countConversations()).toBe(0)
    // Whatever was staged stays hidden until start-up's purge of deleted conversations removes it.
    store.purgeDeleted(0)
    expect(store.countConversations()).toBe(0)
    store.createConversation({ title: 'sau khi huỷ' })
    expect(store.countConversations()).toBe(1)
  })

  it('cancels an import while it reads or parses, and cancelAll waits for every thread', async () => {
    const { store, jobs, end } = fresh()
    const importId = jobs.startImport({ inPath: bigFile })
    const outPath = join(tempDir(), 'all.md')
    const { jobs: exports, end: endExport } = jobsFor(bigDb.path)
    const exportId = exports.startExport({ conversationIds: null, format: 'markdown', outPath, location: outPath })
    expect(jobs.cancel(importId)).toBe(true)
    await Promise.all([jobs.cancelAll(), exports.cancelAll()])
    expect(await end(importId)).toMatchObject({ phase: 'cancelled' })
    expect((await endExport(exportId)).phase).toBe('cancelled')
    expect(store.countConversations()).toBe(0)
    expect(readdirSync(join(outPath, '..'))).toEqual([])
  })
})
