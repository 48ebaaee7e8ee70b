/**
 * The open marker's rules on real files: a copy of the folder taken while a store has it open is
 * what a kill -9 leaves behind (SQLite's files as they are, nothing closed).
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/history/history-store'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const open = (dir: string) => HistoryStore.open({ path: join(dir, 'history.sqlite'), log: memoryLogger() })

/** What a kill -9 leaves, copied to a new folder, without the -wal when `withWal` is false. */
function crashCopy(from: string, withWal: boolean): string {
  const to = tempDir()
  const names = ['history.sqlite', 'history.sqlite.open', ...(withWal ? ['history.sqlite-wal'] : [])]
  for (const name of names) copyFileSync(join(from, name), join(to, name))
  return to
}

describe('a lost write-ahead log', () => {
  it('is noticed after SQLite had copied part of the run into the file (a checkpoint) and the -wal went', () => {
    const dir = tempDir()
    const { store } = open(dir)
    store.createConversation({ title: 'before the checkpoint' })
    const other = new DatabaseSync(join(dir, 'history.sqlite'))
    other.exec('PRAGMA wal_checkpoint(FULL)')
    other.close()
    store.createConversation({ title: 'after the checkpoint' })

    const reopened = open(crashCopy(dir, false))
    expect(reopened.walLost).toBe(true)
    expect(reopened.store.listConversations({ limit: 10, after: null }).conversations.map((c) => c.title)).toEqual([
      'before the checkpoint',
    ])
    reopened.store.close()
    store.close()
  })

  it('is not reported when the -wal is there, nor for a crash between closing and removing the marker', () => {
    const dir = tempDir()
    const { store } = open(dir)
    store.createConversation({ title: 'kept' })
    const withWal = open(crashCopy(dir, true))
    expect(withWal.walLost).toBe(false)
    withWal.store.close()
    store.close()
    expect(existsSync(join(dir, 'history.sqlite.open'))).toBe(false)

    // Closed cleanly (the -wal folded in and removed), then stopped before the marker was removed.
    const db = new DatabaseSync(join(dir, 'history.sqlite'))
    const { value } = db.prepare("SELECT value FROM store_meta WHERE key = 'open_token'").get() as { value: string }
    db.close()
    writeFileSync(join(dir, 'history.sqlite.open'), value)
    const again = open(dir)
    expect(again.walLost).toBe(false)
    expect(again.store.listConversations({ limit: 10, after: null }).conversations).toHaveLength(1)
    again.store.close()
  })
})
