/**
 * A backup killed half-way (SIGKILL, no shutdown code runs): browser mode, a real child process,
 * backs up a history of about 150 MB and is killed while its worker writes the `.partial` copy. The
 * backup taken before must be byte for byte intact and still the only one listed, the database must
 * hold exactly what it held, and the next backup must clear the leftover and succeed.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../src/main/history/history-store'
import type { BackupInfo, BackupList } from '../../src/shared/backups'
import type { Result } from '../../src/shared/errors'
import { memoryLogger } from '../support/memory-logger'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: BrowserModeProcess[] = []
afterEach(async () => {
  for (const app of running.splice(0)) await app.stop()
})

function client(app: BrowserModeProcess) {
  const url = new URL(app.url)
  const headers = { 'x-holysheep-token': url.searchParams.get('token')!, 'Content-Type': 'application/json' }
  return async <T>(channel: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers,
      body: body === undefined ? '' : JSON.stringify(body),
    })
    const result = (await response.json()) as Result<T>
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value
  }
}

/** A history large enough that copying it takes a while: one conversation of 120k messages of 1 KB. */
function bigHistory(dataDir: string): void {
  const path = join(dataDir, 'history.sqlite')
  HistoryStore.open({ path, log: memoryLogger() }).store.close()
  const db = new DatabaseSync(path)
  db.exec(`INSERT INTO conversations (id, title, created_at, updated_at, pinned, overrides)
    VALUES ('11111111-1111-4111-8111-111111111111', 'Lớn', 1, 1, 0, '{}')`)
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)
    INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i), '11111111-1111-4111-8111-111111111111',
      'user', hex(randomblob(500)), 'complete', i, i FROM n`)
  db.close()
}

/** What the database holds, independent of pages and the clean-shutdown flag. */
function contentDigest(path: string): string {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    expect(db.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' })
    const hash = createHash('sha256')
    for (const row of db.prepare('SELECT * FROM conversations ORDER BY id').iterate()) hash.update(JSON.stringify(row))
    for (const row of db.prepare('SELECT id, content FROM messages ORDER BY seq').iterate())
      hash.update(JSON.stringify(row))
    return hash.digest('hex')
  } finally {
    db.close()
  }
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('killed mid-backup (SIGKILL)', () => {
  it('leaves the previous backup intact and the database untouched', { timeout: 240_000 }, async () => {
    const dataDir = tempDir()
    bigHistory(dataDir)
    const backupsDir = join(dataDir, 'backups')

    const first = await startBrowserMode({ baseURL: null, dataDir })
    running.push(first)
    const previous = await client(first)<BackupInfo>('backups:create')
    await first.stop()
    const previousFiles = readdirSync(backupsDir).sort()
    const previousHashes = previousFiles.map((name) => fileHash(join(backupsDir, name)))
    const before = contentDigest(join(dataDir, 'history.sqlite'))

    const second = await startBrowserMode({ baseURL: null, dataDir })
    running.push(second)
    void client(second)('backups:create').catch(() => {})
    // Kill while the worker is writing its copy: the .partial is there and growing.
    const partial = () => readdirSync(backupsDir).find((name) => name.endsWith('.sqlite.partial'))
    await waitFor(() => {
      const name = partial()
      return name !== undefined && existsSync(join(backupsDir, name)) && statSync(join(backupsDir, name)).size > 0
    }, 60_000)
    second.child.kill('SIGKILL')
    await new Promise((resolve) => second.child.once('exit', resolve))

    // The earlier backup, byte for byte, and nothing new published beside it.
    const after = readdirSync(backupsDir).sort()
    // (What the kill left is only the unfinished `.partial`, with SQLite's journal for it.)
    expect(after.filter((name) => !name.includes('.sqlite.partial'))).toEqual(previousFiles)
    expect(previousFiles.map((name) => fileHash(join(backupsDir, name)))).toEqual(previousHashes)
    expect(contentDigest(join(dataDir, 'history.sqlite'))).toBe(before)

    const third = await startBrowserMode({ baseURL: null, dataDir })
    running.push(third)
    const call = client(third)
    expect((await call<BackupList>('backups:list')).backups.map((backup) => backup.id)).toEqual([previous.id])
    const next = await call<BackupInfo>('backups:create')
    expect(next).toMatchObject({ conversations: 1, messages: 120_000 })
    expect(readdirSync(backupsDir).filter((name) => name.includes('.partial'))).toEqual([])
    expect((await call<BackupList>('backups:list')).backups.map((backup) => backup.id)).toEqual([next.id, previous.id])
  })
})
