/**
 * A restore that cannot be done leaves the history as it was and says so: a rename that fails
 * (the store still answers, on the old data), a damaged backup (refused, nothing changes), and a
 * restored copy whose update fails (a notice says the history is read-only). Real SQLite files,
 * the real core with its real backup and check workers.
 */
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { BackupService } from '../../../src/main/backups/backup-service'
import { HistoryStore } from '../../../src/main/history/history-store'
import { migrations } from '../../../src/main/history/migrations'
import type { Migration } from '../../../src/main/history/migrations/migration'
import type { BackupInfo } from '../../../src/shared/backups'
import type { AppEvent } from '../../../src/shared/events'
import { memoryLogger } from '../../support/memory-logger'
import { call, useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'
import { backupWorkerFromSource } from '../../support/test-core'

const tempDir = useTempDirs()
const { startCore, later } = useCoreSession()

const titles = (store: HistoryStore) =>
  store
    .listConversations({ limit: 10 })
    .conversations.map((item) => item.title)
    .sort()

describe('a restore that fails', () => {
  it('when a rename fails, keeps the store open on the old data', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    const { store } = HistoryStore.open({ path, log: memoryLogger() })
    later(() => store.close())
    store.createConversation({ title: 'Still here' })
    const staged = join(dir, 'staged.sqlite')
    const other = new DatabaseSync(staged)
    other.exec('CREATE TABLE x (y)')
    other.close()
    // Keeping the current file aside is the first rename; its folder does not exist.
    expect(() => store.replaceFile(staged, join(dir, 'missing-folder', 'kept'))).toThrow(/ENOENT/)
    expect(titles(store)).toEqual(['Still here'])
    store.createConversation({ title: 'And writable' })
    expect(titles(store)).toEqual(['And writable', 'Still here'])
  })

  it('refuses a damaged backup and changes nothing', async () => {
    const dataDir = tempDir()
    const core = startCore({ dataDir })
    for (let index = 0; index < 200; index++)
      core.history.appendMessage(core.history.createConversation({ title: `Chat ${index}` }).id, {
        role: 'user',
        content: `message ${index} `.repeat(50),
        status: 'complete',
      })
    const backup = await call<BackupInfo>(core, 'backups:create')
    // Bytes over the middle of the copy: a page of its tables no longer reads.
    const file = join(dataDir, 'backups', `${backup.id}.sqlite`)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096)
    closeSync(fd)
    core.history.createConversation({ title: 'After the backup' })

    const result = await core.dispatch('backups:restore', { id: backup.id })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_file' } })
    expect(core.history.countConversations()).toBe(201)
    expect(readdirSync(dataDir).filter((name) => /before-restore|damaged|restoring/.test(name))).toEqual([])
  })

  it('tells, with a notice, that a restored copy whose update failed is open read-only', async () => {
    const dataDir = tempDir()
    const seeded = startCore({ dataDir })
    seeded.history.createConversation({ title: 'In the backup' })
    const backup = await call<BackupInfo>(seeded, 'backups:create')
    await seeded.shutdown()
    // The backup is one version back, and this build's last step fails on it.
    const copy = new DatabaseSync(join(dataDir, 'backups', `${backup.id}.sqlite`))
    copy.exec(`PRAGMA user_version = ${migrations.length - 1}`)
    copy.close()
    const failing: Migration = {
      version: migrations.length,
      name: 'fails',
      up() {
        throw new Error('no space left on device')
      },
    }
    const log = memoryLogger()
    const core = startCore({ dataDir, historyMigrations: [...migrations.slice(0, -1), failing], log })
    expect(core.history.readOnly).toBe(false)
    const events: AppEvent[] = []
    core.onEvent((event) => events.push(event))
    await call(core, 'backups:restore', { id: backup.id })
    expect(core.history.readOnly).toBe(true)
    expect(titles(core.history)).toEqual(['In the backup'])
    const notice = { kind: 'history_migration_failed', path: expect.stringMatching(/pre-migration-v/) }
    expect(events).toContainEqual({ type: 'notice', notice })
    expect(await call(core, 'app:notices')).toContainEqual(notice)
    expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(true)
  })
})

describe('a restore', () => {
  it('stops the background check of the history file before that file is moved', async () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    const log = memoryLogger()
    const { store } = HistoryStore.open({ path, log })
    later(() => store.close())
    store.createConversation({ title: 'In the backup' })
    const filesWhenStopped: string[][] = []
    const backups = new BackupService({
      dataDir: dir,
      backupsDir: join(dir, 'backups'),
      dbPath: path,
      history: store,
      worker: backupWorkerFromSource,
      settings: () => ({ backupsEnabled: true, backupsToKeep: 7 }),
      busyReason: () => null,
      stopHistoryCheck: async () => {
        filesWhenStopped.push(readdirSync(dir).filter((name) => name.startsWith('history.sqlite')))
      },
      notify: () => {},
      emit: () => {},
      log,
    })
    const taken = await backups.create()
    if (!taken.ok) throw new Error(taken.error.message)
    const restored = await backups.restore(taken.value.id)
    expect(restored.ok).toBe(true)
    // Once, with the file still in its place (and the checked copy staged beside it).
    expect(filesWhenStopped).toHaveLength(1)
    expect(filesWhenStopped[0]).toContain('history.sqlite')
    expect(filesWhenStopped[0]!.some((name) => name.includes('before-restore'))).toBe(false)
  })
})
