import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { HistorySchemaVersionError } from '../../../src/main/history/history-errors'
import { HistoryStore } from '../../../src/main/history/history-store'
import { applyMigrations, currentSchemaVersion } from '../../../src/main/history/migrations'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { openStore } from './history-fixtures'

const tempDir = useTempDirs()

describe('HistoryStore.connect (the export/import worker)', () => {
  it('shares the file with main: what the worker imports, main finds', () => {
    const dir = tempDir()
    const main = openStore(dir)
    const source = openStore(tempDir())
    const conversation = source.store.createConversation({ title: 'Nhập' })
    source.store.appendMessage(conversation.id, { role: 'user', content: 'dữ liệu nhập vào', status: 'complete' })
    const bundles = [...source.store.exportBundles(null)]
    source.store.close()

    const worker = HistoryStore.connect({ path: main.path, log: memoryLogger() })
    expect(worker.searchEngine).toBe('fts5')
    worker.importBundles(bundles)
    worker.close()

    expect(main.store.search('du lieu', 10).hits.map((hit) => hit.conversationTitle)).toEqual(['Nhập'])
    main.store.close()
  })

  it('throws a clear error on a file at another schema version', () => {
    const path = join(tempDir(), 'history.sqlite')
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 2)
    db.close()
    expect(() => HistoryStore.connect({ path, log: memoryLogger() })).toThrow(HistorySchemaVersionError)
    expect(() => HistoryStore.connect({ path, log: memoryLogger() })).toThrow(
      new RegExp(`has schema version 2; this version of the app expects ${currentSchemaVersion}`),
    )
  })

  it('throws on a missing file instead of creating one', () => {
    const path = join(tempDir(), 'history.sqlite')
    expect(() => HistoryStore.connect({ path, log: memoryLogger() })).toThrow(/no history database/)
  })

  it('leaves the clean-shutdown flag to main', () => {
    const dir = tempDir()
    const main = openStore(dir)
    HistoryStore.connect({ path: main.path, log: memoryLogger() }).close()
    const db = new DatabaseSync(main.path)
    expect(db.prepare("SELECT value FROM store_meta WHERE key = 'clean_shutdown'").get()).toEqual({ value: '0' })
    db.close()
    main.store.close()
  })
})
