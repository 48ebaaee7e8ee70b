/**
 * Export and import through TransferJobs: real worker threads (the .ts source through tsx), real
 * SQLite files through HistoryStore, real files on disk.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { TransferJobs } from '../../../src/main/history/transfer/transfer-jobs'
import type { JobEvent } from '../../../src/shared/transfer'
import { memoryLogger } from '../../support/memory-logger'
import { transferWorkerFromSource } from '../../support/test-core'
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

describe('export and import jobs', () => {
  it('exports everything to JSON and imports it into a fresh database identical', async () => {
    const source = fresh()
    source.store.importBundles(generatedBundles(30, 8))
    const outPath = join(source.dir, 'all.json')
    const jobId = source.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    const exported = await source.end(jobId)
    expect(exported).toMatchObject({
      kind: 'export',
      phase: 'done',
      result: { conversations: 30, messages: 240, location: outPath, bytes: readFileSync(outPath).length },
      error: null,
    })
    expect(readdirSync(source.dir).filter((name) => name.includes('.partial'))).toEqual([])
    expect(source.progressOf(jobId, 'conversations').at(-1)).toEqual({ done: 30, total: 30, unit: 'conversations' })

    const target = fresh()
    const imported = await target.end(target.jobs.startImport({ inPath: outPath }))
    expect(imported).toMatchObject({
      kind: 'import',
      phase: 'done',
      result: { conversations: 30, messages: 240, format: 'holysheep-json', location: null },
    })
    // Every field of every message, ids included (a fresh database has none of them yet).
    expect([...target.store.exportBundles(null)]).toEqual([...source.store.exportBundles(null)])
    expect(target.store.search('tin nhan 5', 5).hits.length).toBeGreaterThan(0)
  })

  it('exports one conversation to JSON and to Markdown', async () => {
    const source = fresh()
    source.store.importBundles(generatedBundles(3, 4))
    const [, second] = [...source.store.exportBundles(null)]
    const ids = [second!.conversation.id]
    const jsonPath = join(source.dir, 'one.json')
    const markdownPath = join(source.dir, 'one.md')
    const [json, markdown] = await Promise.all([
      source.end(source.jobs.startExport({ conversationIds: ids, format: 'json', outPath: jsonPath, location: 'a' })),
      source.end(
        source.jobs.startExport({ conversationIds: ids, format: 'markdown', outPath: markdownPath, location: 'b' }),
      ),
    ])
    expect([json.result, markdown.result]).toMatchObject([
      { conversations: 1, messages: 4, location: 'a' },
      { conversations: 1, messages: 4, location: 'b' },
    ])
    const text = readFileSync(markdownPath, 'utf8')
    expect(text.match(/^# /gm)).toEqual(['# '])
    expect(text).toContain(`# ${second!.conversation.title}\n`)
    expect(text).toContain(second!.messages[3]!.content)

    const target = fresh()
    await target.end(target.jobs.startImport({ inPath: jsonPath }))
    expect([...target.store.exportBundles(null)]).toEqual([second])
  })

  it('imports a sample of ChatGPT’s conversations.json through the worker', async () => {
    const { store, jobs, end, progressOf } = fresh()
    const jobId = jobs.startImport({ inPath: chatgptSample })
    expect(await end(jobId)).toMatchObject({
      phase: 'done',
      // Every branch: the 10 messages of the branches last seen, and 4 on the others (an edit, a redraw).
      result: { conversations: 3, messages: 14, format: 'chatgpt' },
    })
    expect(progressOf(jobId, 'bytes').at(-1)).toMatchObject({ done: readFileSync(chatgptSample).length })
    const shown = store
      .listConversations({ limit: 10 })
      .conversations.map((c) => [c.title, store.listMessages(c.id, { limit: 100 }).messages.length])
    expect(shown).toEqual([
      ['Vẽ con mèo', 4],
      ['Regex help', 2],
      ['Học tiếng Việt', 4],
    ])
    expect(store.search('cam on', 10).hits.map((hit) => hit.conversationTitle)).toContain('Học tiếng Việt')
  })

  it('refuses a broken file with a message naming the place, and imports nothing', async () => {
    const { store, jobs, end, dir } = fresh()
    store.importBundles(generatedBundles(2, 2))
    const before = [...store.exportBundles(null)]
    // The first two conversations are fine; the third is broken: none of them may arrive.
    const broken = JSON.parse(readFileSync(chatgptSample, 'utf8'))
    broken[2].mapping['c3-a3a'].parent = 'c3-missing'
    const path = join(dir, 'conversations.json')
    writeFileSync(path, JSON.stringify(broken))
    const ended = await end(jobs.startImport({ inPath: path }))
    expect(ended).toMatchObject({
      phase: 'error',
      result: null,
      error: {
        kind: 'invalid_file',
        message: '[2].mapping["c3-a3a"].parent points to "c3-missing", which is not in its mapping',
      },
    })
    expect(store.countConversations()).toBe(2)
    expect([...store.exportBundles(null)]).toEqual(before)
    expect(store.purgeDeleted(0)).toBe(0) // nothing staged and left behind either
  })

  it('says so when the file to import is gone, or the export cannot be written', async () => {
    const { jobs, end, dir, log, events } = fresh()
    expect(await end(jobs.startImport({ inPath: join(dir, 'missing.json') }))).toMatchObject({
      phase: 'error',
      error: { kind: 'not_found', message: 'The file to import is gone.' },
    })
    const outPath = join(dir, 'no-such-folder', 'all.json')
    expect(
      await end(jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })),
    ).toMatchObject({ phase: 'error', error: { kind: 'internal', message: expect.stringMatching(/ENOENT/) } })
    expect(log.lines.some((line) => line.includes('export job failed'))).toBe(true)
    // The renderer is told what failed, never where on this machine.
    const failed = events.filter((event) => event.phase === 'error')
    for (const event of failed) expect(event.error!.message).not.toContain(dir)
  })

  it('runs two exports to the same file at once, each through its own .partial, both done', async () => {
    const { path, store, dir } = fresh()
    const journal = join(dir, 'exports-in-progress.json')
    const { jobs, end } = jobsFor(path, { partialJournalFile: journal })
    store.importBundles(generatedBundles(300, 8))
    const outPath = join(dir, 'all.json')
    const start = () => jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    const jobIds = [start(), start()]
    // Each job writes its own file until it renames it: one never truncates or renames the other's.
    const partials = JSON.parse(readFileSync(journal, 'utf8')) as string[]
    expect(partials).toHaveLength(2)
    expect(new Set(partials).size).toBe(2)
    for (const partial of partials) expect(partial.startsWith(`${outPath}.`) && partial.endsWith('.partial')).toBe(true)
    const ended = await Promise.all(jobIds.map((jobId) => end(jobId)))
    expect(ended.map((event) => [event.phase, event.error])).toEqual([
      ['done', null],
      ['done', null],
    ])
    expect(JSON.parse(readFileSync(outPath, 'utf8')).conversations).toHaveLength(300)
    expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([])
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toEqual([])
  })

  it('removes at start the .partial files an earlier run was writing, and no other', async () => {
    const { path, dir, store } = fresh()
    const journal = join(dir, 'exports-in-progress.json')
    const killed = jobsFor(path, { partialJournalFile: journal })
    store.importBundles(generatedBundles(400, 8))
    const outPath = join(dir, 'all.json')
    // Stopped as a kill would stop it: the worker is gone mid-write, the journal still names its file.
    const jobId = killed.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    await vi.waitUntil(() => readdirSync(dir).some((name) => name.endsWith('.partial')), { timeout: 20_000 })
    const [partial] = readdirSync(dir).filter((name) => name.endsWith('.partial'))
    const listed = JSON.parse(readFileSync(journal, 'utf8')) as string[]
    expect(listed).toEqual([join(dir, partial!)])
    await killed.jobs.cancelAll()
    expect(killed.events.at(-1)).toMatchObject({ jobId, phase: 'cancelled' })
    // A kill leaves the file and the journal as they were while the job ran.
    writeFileSync(join(dir, partial!), 'half an export')
    writeFileSync(journal, JSON.stringify(listed))
    writeFileSync(join(dir, 'someone-elses.json.partial'), 'not ours')

    jobsFor(path, { partialJournalFile: journal })
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual(['someone-elses.json.partial'])
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toEqual([])
  })

  it('refuses a ZIP, gzip or UTF-16 file by name, and bytes that are not UTF-8 by offset', async () => {
    const { store, jobs, end, dir } = fresh()
    const json = '[{"title":"Xin chào","mapping":{}}]'
    const files: [string, Buffer, object][] = [
      ['export.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]), { kind: 'zip' }],
      ['conversations.json.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), { kind: 'gzip' }],
      ['utf16-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), { kind: 'utf16' }],
      ['utf16be.json', Buffer.from(json, 'utf16le').swap16(), { kind: 'utf16' }],
      ['utf16le.json', Buffer.from(json, 'utf16le'), { kind: 'utf16' }],
      // Saved as Latin-1: "à" is the single byte 0xE0 (byte 17), which in UTF-8 would need two more bytes.
      [
        'latin1.json',
        Buffer.from('[{"title":"Xin ch\xe0o","mapping":{}}]', 'latin1'),
        { kind: 'not_utf8', byteOffset: 17 },
      ],
      // Cut in the middle of "ạ" (E1 BA A1) at byte 5, after "é" (2 bytes) and a space.
      [
        'cut.json',
        Buffer.concat([Buffer.from('["\u00e9 '), Buffer.from([0xe1, 0xba])]),
        { kind: 'not_utf8', byteOffset: 5 },
      ],
    ]
    for (const [name, bytes, problem] of files) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      const ended = await end(jobs.startImport({ inPath: path }))
      expect(ended, name).toMatchObject({ phase: 'error', error: { kind: 'invalid_file', importProblem: problem } })
      expect(ended.error!.message, name).not.toMatch(/line 1, column 1/)
    }
    expect(store.countConversations()).toBe(0)
  })

  it('imports ChatGPT node ids such as __proto__ and constructor like any other, and names a missing parent', async () => {
    const { store, jobs, end, dir } = fresh()
    const node = (parent: string | null, role: string, text: string, children: string[]) => ({
      parent,
      children,
      message: { author: { role }, create_time: 1_700_000_000, content: { content_type: 'text', parts: [text] } },
    })
    const conversation = {
      title: 'Nút lạ',
      create_time: 1_700_000_000,
      mapping: {
        __proto__: node(null, 'user', 'Câu hỏi', ['constructor']),
        constructor: node('__proto__', 'assistant', 'Câu trả lời', ['hasOwnProperty']),
        hasOwnProperty: node('constructor', 'user', 'Cảm ơn', []),
      },
      current_node: 'hasOwnProperty',
    }
    // JSON.stringify of an object literal drops a `__proto__` key: write the text as ChatGPT does.
    const text = JSON.stringify([conversation]).replace(
      '"mapping":{',
      `"mapping":{"__proto__":${JSON.stringify(node(null, 'user', 'Câu hỏi', ['constructor']))},`,
    )
    const path = join(dir, 'conversations.json')
    writeFileSync(path, text)
    expect(await end(jobs.startImport({ inPath: path }))).toMatchObject({ phase: 'done', result: { conversations: 1 } })
    const [bundle] = [...store.exportBundles(null)]
    expect(bundle!.messages.map((message) => message.content)).toEqual(['Câu hỏi', 'Câu trả lời', 'Cảm ơn'])

    const missing = text.replace('"parent":"constructor"', '"parent":"toString"')
    writeFileSync(path, missing)
    expect(await end(jobs.startImport({ inPath: path }))).toMatchObject({
      phase: 'error',
      error: { message: '[0].mapping["hasOwnProperty"].parent points to "toString", which is not in its mapping' },
    })
  })

  it('calls onEnd once whichever way an import ends: done, refused, busy or cancelled', async () => {
    const { jobs, end, dir, onEvent } = fresh()
    const ends: string[] = []
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"format":')
    const done = jobs.startImport({ inPath: chatgptSample, onEnd: () => ends.push('done') })
    const busy = jobs.startImport({ inPath: chatgptSample, onEnd: () => ends.push('busy') })
    await end(busy)
    expect(ends).toEqual(['busy'])
    await end(done)
    expect(ends).toEqual(['busy', 'done'])
    await end(jobs.startImport({ inPath: broken, onEnd: () => ends.push('refused') }))
    onEvent((event) => {
      if (event.phase === 'running') jobs.cancel(event.jobId)
    })
    expect(await end(jobs.startImport({ inPath: chatgptSample, onEnd: () => ends.push('cancelled') }))).toMatchObject({
      phase: 'cancelled',
    })
    expect(ends).toEqual(['busy', 'done', 'refused', 'cancelled'])
  })

  it('runs one import at a time, refusing a second as busy without throwing', async () => {
    const { jobs, end, dir } = fresh()
    const first = jobs.startImport({ inPath: chatgptSample })
    const second = jobs.startImport({ inPath: chatgptSample })
    expect(second).not.toBe(first)
    expect(await end(second)).toMatchObject({ kind: 'import', phase: 'error', error: { kind: 'busy' } })
    expect(await end(first)).toMatchObject({ phase: 'done' })
    // Exports are not limited, and an import may start again once the first has ended.
    const outPath = join(dir, 'after.json')
    const exportId = jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath })
    const third = jobs.startImport({ inPath: chatgptSample })
    expect(await end(exportId)).toMatchObject({ phase: 'done' })
    expect(await end(third)).toMatchObject({ phase: 'done' })
  })

  it('reports a worker that cannot start as an error event, never as an exception', async () => {
    const { path } = fresh()
    const { jobs, end, log } = jobsFor(path, { workerExecArgv: ['--no-such-node-flag'] })
    const jobId = jobs.startImport({ inPath: chatgptSample })
    expect(await end(jobId)).toMatchObject({ phase: 'error', error: { kind: 'internal' } })
    expect(log.lines.some((line) => line.includes('import'))).toBe(true)
    expect(jobs.cancel(jobId)).toBe(false)
  })

  it('keeps going when the event listener throws', async () => {
    const { path, dir } = fresh()
    const events: JobEvent[] = []
    const log = memoryLogger()
    const jobs = new TransferJobs({
      dbPath: path,
      workerFile: transferWorkerFromSource.file,
      workerExecArgv: transferWorkerFromSource.execArgv,
      log,
      emit: (event) => {
        events.push(event)
        throw new Error('listener broke')
      },
    })
    const outPath = join(dir, 'x.md')
    jobs.startExport({ conversationIds: null, format: 'markdown', outPath, location: outPath })
    await vi.waitUntil(() => events.some((event) => event.phase !== 'running'), { timeout: 20_000 })
    expect(events.at(-1)!.phase).toBe('done')
    expect(existsSync(outPath)).toBe(true)
    expect(log.lines.some((line) => line.includes('listener broke'))).toBe(true)
  })
})
