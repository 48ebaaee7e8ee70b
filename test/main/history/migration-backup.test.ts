/**
 * Updates that cannot lose history: before pending migrations run, the file is copied to the backups
 * folder; the migrations run in one transaction; when one fails, the file is exactly as before (put
 * back from the copy if need be) and the store opens the old data read-only, saying where the copy is.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/history/history-store'
import { applyMigrations, migrations } from '../../../src/main/history/migrations'
import type { Migration } from '../../../src/main/history/migrations/migration'
import { hashFile } from '../../../src/main/history/safe-migration'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

/** A file as the release at `version` left it, with two conversations (one deleted) and three messages. */
function fileAtVersion(version: number): { dir: string; path: string } {
  const dir = tempDir()
  const path = join(dir, 'history.sqlite')
  const db = new DatabaseSync(path)
  db.exec('PRAGMA journal_mode = WAL')
  applyMigrations(db, path, version)
  db.exec(`INSERT INTO conversations (id, title, created_at, updated_at, pinned, overrides, deleted_at) VALUES
    ('11111111-1111-4111-8111-111111111111', 'Giữ lại', 1000, 5000, 0, '{}', NULL),
    ('22222222-2222-4222-8222-222222222222', 'Deleted', 900, 900, 0, '{}', 950)`)
  db.exec(`INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at) VALUES
    ('a1111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111', 'user', 'Xin chào', 'complete', 1001, 1001),
    ('a2222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'assistant', 'Chào bạn', 'complete', 1002, 1002),
    ('b1111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'user', 'gone', 'complete', 901, 901)`)
  db.close()
  return { dir, path }
}

/** A next migration that writes, then fails half-way. */
const failingAfterWrites: Migration = {
  version: migrations.length + 1,
  name: 'fails half-way',
  up(db) {
    db.exec('CREATE TABLE half_done (x)')
    db.exec("UPDATE conversations SET title = 'changed by a failed update'")
    throw new Error('the update failed half-way')
  },
}

/** Worse: a migration that commits part of its work itself (outside our transaction), then fails. */
const committingThenFailing: Migration = {
  version: migrations.length + 1,
  name: 'commits then fails',
  up(db) {
    db.exec("UPDATE conversations SET title = 'committed by a failed update'")
    db.exec('COMMIT')
    db.exec('DROP TABLE conversations')
    throw new Error('the update failed after committing')
  },
}

function backupsIn(dir: string): string[] {
  const folder = join(dir, 'backups')
  return existsSync(folder) ? readdirSync(folder).sort() : []
}

function titlesIn(path: string): string[] {
  const db = new DatabaseSync(path, { readOnly: true })
  const rows = db.prepare('SELECT title FROM conversations ORDER BY id').all() as Array<{ title: string }>
  db.close()
  return rows.map((row) => row.title)
}

describe('a history migration', () => {
  it('that throws half-way leaves the file byte for byte as it was, and the old data opens read-only', () => {
    // Two steps pending (the real 006, then one that fails): neither may stay applied.
    const { dir, path } = fileAtVersion(5)
    const before = hashFile(path)
    const log = memoryLogger()
    const { store, migrationFailed } = HistoryStore.open({
      path,
      log,
      migrations: [...migrations, failingAfterWrites],
    })
    try {
      expect(migrationFailed).toMatchObject({ from: 5, to: failingAfterWrites.version })
      expect(migrationFailed!.message).toMatch(/failed half-way/)
      expect(existsSync(migrationFailed!.backupPath)).toBe(true)
      expect(migrationFailed!.backupPath).toMatch(/backups[/\\]pre-migration-v5-[0-9TZ-]+\.sqlite$/)
      // The user's data, as it was, not an empty database.
      expect(store.readOnly).toBe(true)
      expect(store.listConversations({ limit: 10 }).conversations.map((item) => item.title)).toEqual(['Giữ lại'])
      expect(store.listMessages('11111111-1111-4111-8111-111111111111', { limit: 10 }).messages).toHaveLength(2)
      expect(store.search('chao', 10).hits).toHaveLength(2)
      // Writes are refused by SQLite itself, with its read-only error.
      expect(() => store.createConversation({ title: 'new' })).toThrow(/readonly/)
    } finally {
      store.close()
    }
    expect(hashFile(path)).toBe(before)
    expect(new DatabaseSync(path).prepare('PRAGMA user_version').get()).toEqual({ user_version: 5 })
    // The copy holds the same data at the same version.
    const copy = new DatabaseSync(migrationFailed!.backupPath, { readOnly: true })
    expect(copy.prepare('PRAGMA user_version').get()).toEqual({ user_version: 5 })
    copy.close()
    expect(titlesIn(migrationFailed!.backupPath)).toEqual(titlesIn(path))
    expect(backupsIn(dir).filter((name) => name.endsWith('.partial'))).toEqual([])

    // The next start fails the same way on the same file: it reuses that copy instead of taking another.
    const again = HistoryStore.open({ path, log, migrations: [...migrations, failingAfterWrites] })
    again.store.close()
    expect(again.migrationFailed!.backupPath).toBe(migrationFailed!.backupPath)
    expect(backupsIn(dir).filter((name) => name.endsWith('.sqlite'))).toHaveLength(1)
    expect(hashFile(path)).toBe(before)
  })

  it('that commits part of its work and then throws is undone from the copy: the file hashes as the copy', () => {
    const { path } = fileAtVersion(migrations.length)
    const titlesBefore = titlesIn(path)
    const { store, migrationFailed } = HistoryStore.open({
      path,
      log: memoryLogger(),
      migrations: [...migrations, committingThenFailing],
    })
    store.close()
    expect(migrationFailed).not.toBeNull()
    // Put back from the copy: the same bytes as the copy, the data as before the update.
    expect(hashFile(path)).toBe(hashFile(migrationFailed!.backupPath))
    expect(titlesIn(path)).toEqual(titlesBefore)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('that succeeds keeps the copy of the old version beside the data, with its counts', () => {
    const { dir, path } = fileAtVersion(3)
    const beforeMigration: string[] = []
    const { store, migrationFailed } = HistoryStore.open({
      path,
      log: memoryLogger(),
      beforeMigration: (backupsDir) => beforeMigration.push(backupsDir),
    })
    expect(migrationFailed).toBeNull()
    expect(store.readOnly).toBe(false)
    store.createConversation({ title: 'after the update' })
    store.close()
    expect(beforeMigration).toEqual([join(dir, 'backups')])
    const names = backupsIn(dir)
    expect(names).toHaveLength(2)
    const [json, sqlite] = names
    expect(sqlite).toMatch(/^pre-migration-v3-.+\.sqlite$/)
    expect(json).toBe(sqlite!.replace(/\.sqlite$/, '.json'))
    const copy = new DatabaseSync(join(dir, 'backups', sqlite!), { readOnly: true })
    expect(copy.prepare('PRAGMA user_version').get()).toEqual({ user_version: 3 })
    copy.close()
  })

  it('on a new file takes no copy: there is nothing to lose', () => {
    const dir = tempDir()
    const { store } = HistoryStore.open({ path: join(dir, 'history.sqlite'), log: memoryLogger() })
    store.close()
    expect(backupsIn(dir)).toEqual([])
  })
})
