/**
 * The history database at scale: a generated history of 100k messages, then 1M (10,000
 * conversations, one of them 10,000 messages long), and for each the figures the UI feels:
 * listing conversations, opening a long conversation, searching, the CPU the streaming write costs,
 * and the integrity check. Databases live in the OS temp folder and are deleted afterwards.
 *
 * Alone: `PATH=node_modules/node/bin:$PATH npx tsx bench/history.bench.ts` (node:sqlite needs Node 24).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { HistoryStore } from '../src/main/history/history-store'
import { createLogger } from '../src/main/log'
import { conversationSizes, makeBundle, TextGenerator } from './history-data'

const log = createLogger({ level: 'warn' })
const searchLimit = 50

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!

function time(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

/** Builds a history of `messages` messages at `path` through the production import (shared with backup.bench.ts). */
export function generate(
  path: string,
  conversations: number,
  messages: number,
): { bigConversationId: string; rare: string[] } {
  const text = new TextGenerator()
  const sizes = conversationSizes(conversations, messages, 10_000, text)
  const { store } = HistoryStore.open({ path, log })
  const started = performance.now()
  let start = Date.UTC(2024, 0, 1)
  let done = 0
  let bigConversationId = ''
  // Imported in chunks of about 50k messages: the production import path (one transaction per
  // call, prepared statements, search indexing), without holding a million messages in memory.
  for (let index = 0; index < sizes.length;) {
    const chunk = []
    let chunkMessages = 0
    while (index < sizes.length && chunkMessages < 50_000) {
      const bundle = makeBundle(text, sizes[index]!, start, text.text(text.integer(2, 8)))
      if (index === 0) bigConversationId = bundle.conversation.id
      start += 3_000_000
      chunk.push(bundle)
      chunkMessages += sizes[index]!
      index++
    }
    store.importBundles(chunk)
    done += chunkMessages
    const seconds = (performance.now() - started) / 1000
    process.stdout.write(
      `\r  generating: ${done.toLocaleString('en')} / ${messages.toLocaleString('en')} messages, ${seconds.toFixed(0)} s`,
    )
  }
  process.stdout.write('\n')
  store.close()
  return { bigConversationId, rare: text.rareWords }
}

/** Integrity check as start-up after a crash would run it, on its own connection. */
function integrityCheckMs(path: string): number {
  const db = new DatabaseSync(path)
  try {
    return median(
      [0, 1].map(() =>
        time(() => {
          const rows = db.prepare('PRAGMA quick_check').all()
          if (rows[0]?.quick_check !== 'ok') throw new Error('quick_check failed')
        }),
      ),
    )
  } finally {
    db.close()
  }
}

function searchQueries(rare: string[]): string[] {
  return [
    'tiếng Việt',
    'tieng viet',
    'đang',
    'dang',
    'người dùng',
    'không',
    'được',
    'những',
    'Hà Nội',
    'cảm ơn',
    'the',
    'model',
    'database index',
    'stream token',
    'kubernetes',
    rare[2500]!,
    `${rare[2000]!} ${rare[2999]!}`,
    'tr',
    't',
    'phở bánh mì',
  ]
}

/** CPU of the streaming write alone: 200 deltas/s flushed every 250 ms, for 10 s of stream. */
function streamingCpuPercent(store: HistoryStore, conversationId: string): number {
  const simulatedSeconds = 10
  const flushesPerSecond = 4
  const deltasPerFlush = 200 / flushesPerSecond
  const text = new TextGenerator(7)
  const results: number[] = []
  for (let stream = 0; stream < 5; stream++) {
    const answer = store.appendMessage(conversationId, { role: 'assistant', content: '', status: 'streaming' })
    // The text is built outside the measured calls: it is the stream's, not the database's, cost.
    const snapshots: string[] = []
    let content = ''
    for (let flush = 0; flush < simulatedSeconds * flushesPerSecond; flush++) {
      content += text.text(deltasPerFlush) + ' '
      snapshots.push(content)
    }
    const before = process.cpuUsage()
    for (const snapshot of snapshots) store.updateStreamingMessage(answer.id, snapshot, null)
    const used = process.cpuUsage(before)
    results.push(((used.user + used.system) / 1000 / (simulatedSeconds * 1000)) * 100)
    store.deleteMessage(answer.id)
  }
  return median(results)
}

interface Figures {
  messages: string
  'file size': string
  'open (ms)': string
  'integrity check (ms)': string
  'list first page (ms)': string
  'open 10k-message conversation (ms)': string
  'search p50 (ms)': string
  'search p95 (ms)': string
  'streaming write CPU (% of a core)': string
}

function measure(messages: number, conversations: number): Figures {
  const dir = mkdtempSync(join(tmpdir(), 'holysheep-bench-'))
  const path = join(dir, 'history.sqlite')
  try {
    console.log(`\n${messages.toLocaleString('en')} messages in ${conversations.toLocaleString('en')} conversations`)
    const { bigConversationId, rare } = generate(path, conversations, messages)
    const size = statSync(path).size
    const integrity = integrityCheckMs(path)

    let store!: HistoryStore
    const openMs = time(() => (store = HistoryStore.open({ path, log }).store))
    try {
      const list = Array.from({ length: 15 }, () => time(() => store.listConversations({ limit: 50 })))
      const open = Array.from({ length: 15 }, () => time(() => store.listMessages(bigConversationId, { limit: 100 })))
      const searches: number[] = []
      let slowest = { query: '', ms: 0 }
      for (const query of searchQueries(rare)) {
        for (let run = 0; run < 3; run++) {
          const ms = time(() => store.search(query, searchLimit))
          searches.push(ms)
          if (ms > slowest.ms) slowest = { query, ms }
        }
      }
      console.log(`  slowest search: "${slowest.query}" ${slowest.ms.toFixed(1)} ms`)
      const cpu = streamingCpuPercent(store, bigConversationId)
      return {
        messages: messages.toLocaleString('en'),
        'file size': `${(size / 1024 / 1024).toFixed(0)} MB`,
        'open (ms)': openMs.toFixed(1),
        'integrity check (ms)': integrity.toFixed(0),
        'list first page (ms)': median(list).toFixed(2),
        'open 10k-message conversation (ms)': median(open).toFixed(2),
        'search p50 (ms)': percentile(searches, 50).toFixed(2),
        'search p95 (ms)': percentile(searches, 95).toFixed(2),
        'streaming write CPU (% of a core)': cpu.toFixed(3),
      }
    } finally {
      const closeMs = time(() => store.close())
      console.log(`  close (PRAGMA optimize, clean-shutdown flag): ${closeMs.toFixed(1)} ms`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function sqliteVersion(): string {
  const db = new DatabaseSync(':memory:')
  const { version } = db.prepare('SELECT sqlite_version() AS version').get() as { version: string }
  db.close()
  return version
}

export async function runHistoryBench(): Promise<void> {
  const rows = [measure(100_000, 1_000), measure(1_000_000, 10_000)]
  console.log(`\nHistory database (SQLite ${sqliteVersion()}), search limit ${searchLimit}, 20 queries × 3 runs each`)
  console.table(rows)
  console.log(
    'goals: list ≤ 20 ms, open conversation ≤ 50 ms, search p95 ≤ 30 ms, streaming write ≤ 2% of one core; ' +
      'integrity check: run at start-up only after an unclean exit when over ~200 ms',
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runHistoryBench()
