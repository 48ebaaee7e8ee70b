/**
 * Export and import through TransferJobs: real worker threads, real SQLite files, real files on disk.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { useTempDirs } from '../../support/temp-dir'
import { generatedBundles, jobsFor, openStore } from './transfer-support'

const tempDir = useTempDirs()
const chatgptSample = fileURLToPath(new URL('../../fixtures/chatgpt-conversations.json', import.meta.url))
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

function contents(store: HistoryStore) {
  return [...store.exportBundles(null)].map((bundle) => ({
    title: bundle.conversation.title,
    messages: bundle.messages.map((message) => [message.role, message.content, message.status]),
  }))
}

describe('export and import jobs', () => {
  it('exports all to JSON and imports it into another database whole', async () => {
    const source = fresh()
    source.store.importBundles(generatedBundles(30, 6))
    const outPath = join(source.dir, 'all.json')
    const jobId = source.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    expect(await source.end(jobId)).toMatchObject({
      phase: 'done',
      result: { conversations: 30, messages: 180, location: outPath },
    })
    expect(existsSync(`${outPath}.partial`)).toBe(false)

    const target = fresh()
    const importId = target.jobs.startImport({ inPath: outPath })
    expect(await target.end(importId)).toMatchObject({
      phase: 'done',
      result: { conversations: 30, messages: 180, format: 'holysheep-json' },
    })
    expect(contents(target.store)).toEqual(contents(source.store))
    // Imported text is searchable at once.
    expect(target.store.search('tin nhan 5', 5).hits.length).toBeGreaterThan(0)
  })

  it('exports one conversation as Markdown', async () => {
    const { store, jobs, end, dir } = fresh()
    const bundles = generatedBundles(3, 2)
    store.importBundles(bundles)
    const [one] = [...store.exportBundles(null)]
    const outPath = join(dir, 'one.md')
    await end(
      jobs.startExport({ conversationIds: [one!.conversation.id], format: 'markdown', outPath, location: outPath }),
    )
    const markdown = readFileSync(outPath, 'utf8')
    expect(markdown.match(/^# /gm)).toHaveLength(1)
    expect(markdown).toContain(one!.messages[0]!.content)
  })

  it('imports the ChatGPT sample through the worker', async () => {
    const { store, jobs, end, events } = fresh()
    const jobId = jobs.startImport({ inPath: chatgptSample })
    expect(await end(jobId)).toMatchObject({
      phase: 'done',
      result: { conversations: 2, messages: 6, format: 'chatgpt' },
    })
    expect(events.filter((event) => event.jobId === jobId)[0]).toMatchObject({ phase: 'running' })
    expect(store.search('cam on', 10).hits.map((hit) => hit.conversationTitle)).toContain('Học tiếng Việt')
  })

  it('refuses a broken file with a message naming the place, and imports nothing', async () => {
    const { store, jobs, end, dir } = fresh()
    store.importBundles(generatedBundles(2, 2))
    const before = contents(store)
    const broken = JSON.parse(readFileSync(chatgptSample, 'utf8'))
    broken[1].mapping['c2-u1b'].message.author = 'user'
    const path = join(dir, 'broken.json')
    writeFileSync(path, JSON.stringify(broken))
    const ended = await end(jobs.startImport({ inPath: path }))
    expect(ended).toMatchObject({ phase: 'error', error: { kind: 'invalid_file' } })
    expect(ended.error!.message).toMatch(/^\[1\]\.mapping\["c2-u1b"\]\.message\.author: /)
    expect(contents(store)).toEqual(before)
  })

  it('reports growing progress, and the main thread keeps running while a big import works', async () => {
    const source = fresh()
    source.store.importBundles(generatedBundles(1500, 20))
    const outPath = join(source.dir, 'big.json')
    await source.end(source.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath }))

    const target = fresh()
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    const jobId = target.jobs.startImport({ inPath: outPath })
    const ended = await target.end(jobId)
    clearInterval(ticker)
    expect(ended).toMatchObject({ phase: 'done', result: { conversations: 1500, messages: 30_000 } })
    const progress = target.events.filter((event) => event.jobId === jobId && event.phase === 'running')
    const imported = progress.filter((event) => event.progress.unit === 'conversations').map((e) => e.progress.done)
    expect(imported.at(-1)).toBe(1500)
    expect(imported).toEqual([...imported].sort((a, b) => a - b))
    // Had the import run on this thread, the interval could not have fired while it worked.
    expect(ticks).toBeGreaterThan(10)
  })

  it('cancels an export (no file left) and an import (nothing imported)', async () => {
    const source = fresh()
    source.store.importBundles(generatedBundles(1500, 20))
    const outPath = join(source.dir, 'cancelled.json')
    const exportId = source.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(source.jobs.cancel(exportId)).toBe(true)
    expect(await source.end(exportId)).toMatchObject({ phase: 'cancelled' })
    expect(readdirSync(source.dir).filter((name) => name.startsWith('cancelled'))).toEqual([])

    const full = join(source.dir, 'full.json')
    await source.end(source.jobs.startExport({ conversationIds: null, format: 'json', outPath: full, location: full }))
    const target = fresh()
    const importId = target.jobs.startImport({ inPath: full })
    // Cancel once the worker is writing (it reports conversation progress only inside the transaction).
    const deadline = Date.now() + 30_000
    while (!target.events.some((event) => event.jobId === importId && event.progress.unit === 'conversations')) {
      if (Date.now() > deadline) throw new Error('import never started writing')
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    target.jobs.cancel(importId)
    const ended = await target.end(importId)
    if (ended.phase === 'cancelled') expect(target.store.countConversations()).toBe(0)
    else expect(ended.phase).toBe('done') // the machine finished before the cancel arrived: then all of it
  })
})
