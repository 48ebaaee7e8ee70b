/**
 * The daily backup at scale: the 100k- and 1M-message histories of history.bench.ts backed up by the
 * real BackupService (VACUUM INTO in its worker thread), while main keeps doing a streaming write
 * every 10 ms as it would during an answer. Reported side by side: the backup's time and size, main's
 * event-loop delay during it (p99 and max, from `perf_hooks.monitorEventLoopDelay`), the writes main
 * completed meanwhile, and for comparison the same VACUUM INTO run on main's own thread (the event
 * loop is blocked for all of it, which is why the worker exists).
 *
 * Alone: `PATH=node_modules/node/bin:$PATH npx tsx bench/backup.bench.ts` (BACKUP_BENCH_SIZES=100000
 * for the small one only).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { BackupService } from '../src/main/backups/backup-service'
import { HistoryStore } from '../src/main/history/history-store'
import { createLogger } from '../src/main/log'
import { backupWorkerFromSource } from '../test/support/test-core'
import { generate } from './history.bench'

const log = createLogger({ level: 'warn' })
const ms = (ns: number) => (ns / 1e6).toFixed(1)

interface Row {
  messages: string
  'baseline p99 / max (ms)': string
  'database (MB)': string
  'backup (MB)': string
  'worker backup (s)': string
  'main loop delay p99 (ms)': string
  'main loop delay max (ms)': string
  'main writes during backup': string
  'same copy on main thread (s)': string
  'main blocked for (ms)': string
}

async function measure(messages: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'holysheep-backup-bench-'))
  const path = join(dir, 'history.sqlite')
  try {
    console.log(`\n${messages.toLocaleString('en')} messages`)
    const { bigConversationId } = generate(path, messages / 100, messages)
    const { store } = HistoryStore.open({ path, log })
    const backupsDir = join(dir, 'backups')
    mkdirSync(backupsDir)
    const backups = new BackupService({
      dataDir: dir,
      backupsDir,
      dbPath: path,
      history: store,
      worker: backupWorkerFromSource,
      settings: () => ({ backupsEnabled: true, backupsToKeep: 7 }),
      busyReason: () => null,
      notify: () => {},
      emit: () => {},
      log,
    })
    try {
      // Main streams an answer meanwhile: one write of the growing text every 10 ms.
      const message = store.appendMessage(bigConversationId, { role: 'assistant', content: '', status: 'streaming' })
      let text = ''
      let writes = 0
      const writer = setInterval(() => {
        text += 'token '
        store.updateStreamingMessage(message.id, text, null)
        writes++
      }, 10)
      // The same writes for 3 s with no backup: what this machine's load alone does to the loop.
      const baseline = monitorEventLoopDelay({ resolution: 5 })
      baseline.enable()
      await new Promise((resolve) => setTimeout(resolve, 3000))
      baseline.disable()
      writes = 0
      const delay = monitorEventLoopDelay({ resolution: 5 })
      delay.enable()
      const started = performance.now()
      const result = await backups.create()
      const seconds = (performance.now() - started) / 1000
      delay.disable()
      clearInterval(writer)
      if (!result.ok) throw new Error(result.error.message)

      // The same copy on main's thread: how long the event loop would be frozen.
      const blockedStart = performance.now()
      const onMain = new DatabaseSync(path, { readOnly: true })
      onMain.prepare('VACUUM INTO ?').run(join(dir, 'on-main.sqlite'))
      onMain.close()
      const blockedMs = performance.now() - blockedStart
      return {
        messages: messages.toLocaleString('en'),
        'baseline p99 / max (ms)': `${ms(baseline.percentile(99))} / ${ms(baseline.max)}`,
        'database (MB)': (statSync(path).size / 2 ** 20).toFixed(0),
        'backup (MB)': (result.value.bytes / 2 ** 20).toFixed(0),
        'worker backup (s)': seconds.toFixed(1),
        'main loop delay p99 (ms)': ms(delay.percentile(99)),
        'main loop delay max (ms)': ms(delay.max),
        // Of the 10 ms ticks the backup lasted, how many ran their write.
        'main writes during backup': `${writes} (${Math.round((writes / (seconds * 100)) * 100)}% of ticks)`,
        'same copy on main thread (s)': (blockedMs / 1000).toFixed(1),
        'main blocked for (ms)': blockedMs.toFixed(0),
      }
    } finally {
      await backups.stop()
      store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runBackupBench(): Promise<void> {
  const sizes = (process.env.BACKUP_BENCH_SIZES ?? '100000,1000000').split(',').map(Number)
  const rows: Row[] = []
  for (const size of sizes) rows.push(await measure(size))
  console.log('\nDaily backup (VACUUM INTO in a worker) while main writes a streaming answer every 10 ms')
  console.table(rows)
  console.log('goal: main loop delay p99 under 50 ms during a backup (the UI stays responsive)')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBackupBench()
