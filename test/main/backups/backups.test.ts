/**
 * Backups through the real core: a real worker thread (run from source with tsx) copies a real
 * SQLite file; listing, keeping N, the daily run and its off-switch, restoring under the open store,
 * refusing to restore while an answer streams, and no API key in plain text in any backup file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/history/migrations'
import type { Migration } from '../../../src/main/history/migrations/migration'
import { safeStorageEncryptor } from '../../../src/main/secrets/encryptor'
import type { BackupInfo, BackupList } from '../../../src/shared/backups'
import type { AppEvent } from '../../../src/shared/events'
import { startFakeGateway } from '../../fake-gateway/server'
import { fakeSafeStorage } from '../../support/fake-safe-storage'
import { memoryLogger } from '../../support/memory-logger'
import { call, useCoreSession } from '../../support/core-session'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const { startCore, later } = useCoreSession()

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** Every file under the data folder, as bytes. */
function everyFile(dir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({
      name: join(entry.parentPath, entry.name),
      bytes: readFileSync(join(entry.parentPath, entry.name)),
    }))
}

describe('backups', () => {
  it('are taken in a worker, listed with date, size and counts; "Back up now" keeps its newest 5 whatever backupsToKeep says', async () => {
    const dataDir = tempDir()
    const core = startCore({ dataDir })
    const first = core.history.createConversation({ title: 'Một' })
    core.history.appendMessage(first.id, { role: 'user', content: 'xin chào', status: 'complete' })
    core.history.createConversation({ title: 'Two' })
    const deleted = core.history.createConversation({ title: 'Deleted' })
    core.history.deleteConversation(deleted.id)
    await call(core, 'settings:set', { backupsToKeep: 2 })

    const taken: BackupInfo[] = []
    for (let run = 0; run < 6; run++) taken.push(await call<BackupInfo>(core, 'backups:create'))
    expect(taken[0]).toMatchObject({ kind: 'manual', conversations: 2, messages: 1 })
    const { backups, folder } = await call<BackupList>(core, 'backups:list')
    expect(folder).toBe(join(dataDir, 'backups'))
    // The five newest, newest first; the oldest was deleted with its facts.
    const newestFive = taken.slice(1).reverse()
    expect(backups.map((backup) => backup.id)).toEqual(newestFive.map((backup) => backup.id))
    expect(readdirSync(folder).sort()).toEqual(newestFive.flatMap(({ id }) => [`${id}.json`, `${id}.sqlite`]).sort())
    for (const backup of backups) {
      const file = join(folder, `${backup.id}.sqlite`)
      expect(backup.bytes).toBe(readFileSync(file).length)
      const copy = new DatabaseSync(file, { readOnly: true })
      expect(copy.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' })
      expect(
        copy
          .prepare('SELECT title FROM conversations ORDER BY title')
          .all()
          .map((row) => row.title),
      ).toEqual(['Deleted', 'Một', 'Two'])
      // Restored, a daily copy opens as a cleanly closed file: no page-by-page check on main's
      // thread, and no open token that would read as a lost write-ahead log.
      expect(
        copy.prepare("SELECT key, value FROM store_meta WHERE key IN ('clean_shutdown', 'open_token')").all(),
      ).toEqual([{ key: 'clean_shutdown', value: '1' }])
      copy.close()
    }
  })

  it('restore one under the open store: a conversation deleted for good comes back, the current file is kept', async () => {
    const dataDir = tempDir()
    const core = startCore({ dataDir })
    const events: AppEvent[] = []
    core.onEvent((event) => events.push(event))
    const keep = core.history.createConversation({ title: 'Keep' })
    const lost = core.history.createConversation({ title: 'Lost then found' })
    core.history.appendMessage(lost.id, { role: 'user', content: 'đừng mất', status: 'complete' })
    const backup = await call<BackupInfo>(core, 'backups:create')
    core.history.deleteConversation(lost.id)
    expect(core.history.purgeDeleted(0)).toBe(1)
    core.history.renameConversation(keep.id, 'Renamed after the backup')

    const { keptAt } = await call<{ keptAt: string }>(core, 'backups:restore', { id: backup.id })
    expect(keptAt).toMatch(/history\.sqlite\.before-restore-[0-9TZ-]+$/)
    expect(events).toContainEqual({ type: 'history', change: 'reload' })
    // The same store object, now on the restored file.
    const titles = core.history.listConversations({ limit: 10 }).conversations.map((item) => item.title)
    expect(titles.sort()).toEqual(['Keep', 'Lost then found'])
    expect(core.history.listMessages(lost.id, { limit: 10 }).messages.map((m) => m.content)).toEqual(['đừng mất'])
    expect(core.history.search('dung mat', 10).hits).toHaveLength(1)
    // It still writes, and the file in use before the restore is intact where it was kept.
    core.history.createConversation({ title: 'After the restore' })
    const kept = new DatabaseSync(keptAt, { readOnly: true })
    expect(
      kept
        .prepare('SELECT title FROM conversations')
        .all()
        .map((row) => row.title),
    ).toEqual(['Renamed after the backup'])
    kept.close()
    // An unknown or malformed id is refused; nothing changes.
    expect(await core.dispatch('backups:restore', { id: 'daily-1999-01-01T000000000Z' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(await core.dispatch('backups:restore', { id: '../history' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_payload' },
    })
  })

  it('refuse to restore while an answer streams, and change nothing', async () => {
    const gateway = await startFakeGateway({ tokenDelayMs: 50 })
    later(() => gateway.close())
    const dataDir = tempDir()
    const core = startCore({
      dataDir,
      env: { HOLYSHEEP_BASE_URL: gateway.baseURL, HOLYSHEEP_API_KEY: gateway.apiKey },
    })
    const backup = await call<BackupInfo>(core, 'backups:create')
    const sent = await call<{ conversationId: string; streamId: string }>(core, 'chat:send', {
      conversationId: null,
      content: '[[tokens=200]] một câu trả lời dài',
    })
    const result = await core.dispatch('backups:restore', { id: backup.id })
    expect(result).toMatchObject({ ok: false, error: { kind: 'busy' } })
    expect(core.history.getConversation(sent.conversationId)).not.toBeNull()
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([])
    await call(core, 'chat:stop', { streamId: sent.streamId })
  })

  it('run daily on their own shortly after start, unless turned off in Settings; their pruning counts daily ones only', async () => {
    const dataDir = tempDir()
    const manual = startCore({ dataDir })
    await call(manual, 'settings:set', { backupsToKeep: 1 })
    for (let run = 0; run < 2; run++) await call(manual, 'backups:create')
    await manual.shutdown()
    const core = startCore({ dataDir, firstBackupDelayMs: 0 })
    const kinds = () => core.backups.list().backups.map((backup) => backup.kind)
    await waitFor(() => kinds().includes('daily'))
    expect(kinds().sort()).toEqual(['daily', 'manual', 'manual'])
    await core.shutdown()

    const offDir = tempDir()
    const log = memoryLogger()
    const seeded = startCore({ dataDir: offDir })
    seeded.settings.set({ backupsEnabled: false })
    await seeded.shutdown()
    const off = startCore({ dataDir: offDir, firstBackupDelayMs: 0, log })
    await waitFor(() => log.lines.some((line) => line.includes('daily backup skipped')))
    expect(off.backups.list().backups).toEqual([])
  })

  it('never hold the API key in plain text: a plain-text or only obfuscated key file is not copied, an OS-encrypted one is', async () => {
    const key = 'sk-backup-secret-key-0123456789'
    // Linux's basic_text backend "encrypts" with a fixed password: as good as plain text in a backup.
    const cases = [
      { backend: null, encrypted: false },
      { backend: 'basic_text', encrypted: false },
      { backend: 'gnome_libsecret', encrypted: true },
    ]
    for (const { backend, encrypted } of cases) {
      const dataDir = tempDir()
      const encryptor = backend ? safeStorageEncryptor(fakeSafeStorage({ backend }), 'linux') : undefined
      const options = { dataDir, ...(encryptor ? { encryptor } : {}) }
      const seeded = startCore(options)
      seeded.secrets.setKey(key)
      seeded.history.createConversation({ title: 'with a key set' })
      await seeded.shutdown()
      // A file an older release left: the next start backs it up before migrating.
      const db = new DatabaseSync(join(dataDir, 'history.sqlite'))
      db.exec('PRAGMA user_version = 5; ALTER TABLE messages DROP COLUMN error_cause')
      db.close()
      const core = startCore(options)
      expect(core.secrets.apiKey()).toBe(key)
      await call(core, 'backups:create')
      const backupNames = readdirSync(join(dataDir, 'backups'))
      expect(backupNames.some((name) => /^pre-migration-v5-.+\.sqlite$/.test(name))).toBe(true)
      expect(backupNames.some((name) => name.endsWith('.settings.json'))).toBe(true)
      expect(backupNames.some((name) => name.endsWith('.secrets.json'))).toBe(encrypted)
      for (const file of everyFile(join(dataDir, 'backups')))
        expect(file.bytes.includes(Buffer.from(key)), file.name).toBe(false)
    }
  })

  it('settings.json is copied to the backups folder before its own migration', async () => {
    const dataDir = tempDir()
    const old = JSON.stringify({
      settings: { baseURL: null, defaultModel: 'gpt-4.1', temperature: 0.3, maxTokens: null, systemPrompt: 'Ngắn.' },
    })
    writeFileSync(join(dataDir, 'settings.json'), old)
    const core = startCore({ dataDir })
    expect(core.settings.get().systemPrompt).toBe('Ngắn.')
    const copies = readdirSync(join(dataDir, 'backups')).filter((name) => /^settings-v1-.+\.settings\.json$/.test(name))
    expect(copies).toHaveLength(1)
    expect(readFileSync(join(dataDir, 'backups', copies[0]!), 'utf8')).toBe(old)
  })

  it('after a failed update the app opens the old data read-only, with a notice naming the copy', async () => {
    const dataDir = tempDir()
    const seeded = startCore({ dataDir })
    const kept = seeded.history.createConversation({ title: 'Dữ liệu cũ' })
    await seeded.shutdown()
    const failing: Migration = {
      version: migrations.length + 1,
      name: 'fails',
      up(db) {
        db.exec('CREATE TABLE half_done (x)')
        throw new Error('no space left on device')
      },
    }
    const core = startCore({ dataDir, historyMigrations: [...migrations, failing] })
    const notices = await call<Array<{ kind: string; path: string }>>(core, 'app:notices')
    // The copy is named after the version it was taken at: the last one before the failing migration.
    expect(notices).toEqual([
      {
        kind: 'history_migration_failed',
        path: expect.stringContaining(`pre-migration-v${migrations.length}-`),
      },
    ])
    expect(existsSync(notices[0]!.path)).toBe(true)
    const { conversations } = await call<{ conversations: Array<{ id: string }> }>(core, 'history:list', {
      limit: 10,
      after: null,
    })
    expect(conversations.map((item) => item.id)).toEqual([kept.id])
    expect(await core.dispatch('history:rename', { conversationId: kept.id, title: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'read_only' },
    })
    // Still at the old version, untouched.
    const db = new DatabaseSync(join(dataDir, 'history.sqlite'), { readOnly: true })
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length })
    db.close()
  })
})
