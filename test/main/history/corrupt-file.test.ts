import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/history/history-store'
import { moveDatabaseAside } from '../../../src/main/history/move-aside'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { openStore } from './history-fixtures'

const tempDir = useTempDirs()
const clockAt = Date.UTC(2025, 5, 1, 12, 30, 45, 123)

function fillHistory(dir: string): void {
  const { store } = openStore(dir)
  for (let c = 0; c < 20; c++) {
    const conversation = store.createConversation()
    for (let m = 0; m < 50; m++) {
      store.appendMessage(conversation.id, {
        role: m % 2 ? 'assistant' : 'user',
        content: `Tin nhắn ${c}-${m}: ${'nội dung khá dài để chiếm nhiều trang. '.repeat(5)}`,
        status: 'complete',
      })
    }
  }
  store.close()
}

/** What a crash leaves: the clean-shutdown flag still at 0. */
function markUncleanShutdown(path: string): void {
  const db = new DatabaseSync(path)
  db.prepare("UPDATE store_meta SET value = '0' WHERE key = 'clean_shutdown'").run()
  db.close()
}

/** Overwrites the cell pointers of a table leaf page in the middle of the file, as a bad sector would. */
function damageALeafPage(path: string): void {
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16)
  const pages = bytes.length / pageSize
  for (let page = Math.floor(pages / 2); page < pages; page++) {
    const offset = page * pageSize
    if (bytes[offset] === 0x0d) {
      const fd = openSync(path, 'r+')
      writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, offset + 8)
      closeSync(fd)
      return
    }
  }
  throw new Error('no table leaf page found')
}

describe('a damaged history file', () => {
  it('that is a folder stops the start with its path and what to do, and is left as it is', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    mkdirSync(path)
    writeFileSync(join(path, 'keep.txt'), 'mine')
    expect(() => HistoryStore.open({ path, log: memoryLogger(), now: () => clockAt })).toThrow(
      `The history database ${path} cannot be opened: it is a folder, not a file. Move or rename it`,
    )
    expect(readdirSync(dir)).toEqual(['history.sqlite'])
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('mine')
  })

  it('that is not a database is moved aside with its bytes, and a fresh one works', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    const garbage = randomBytes(64 * 1024)
    writeFileSync(path, garbage)
    const log = memoryLogger()
    const { store, movedAsideTo } = HistoryStore.open({ path, log, now: () => clockAt })

    expect(movedAsideTo).toBe(join(dir, 'history.sqlite.corrupt-2025-06-01T123045.123Z'))
    expect(readFileSync(movedAsideTo!)).toEqual(garbage)
    expect(log.lines.some((line) => line.includes('WARN') && line.includes(movedAsideTo!))).toBe(true)

    const conversation = store.createConversation()
    store.appendMessage(conversation.id, { role: 'user', content: 'bắt đầu lại', status: 'complete' })
    expect(store.search('bat dau', 5).hits).toHaveLength(1)
    store.close()
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([
      'history.sqlite.corrupt-2025-06-01T123045.123Z',
    ])
  })

  it('that fails its integrity check after a crash is moved aside', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    fillHistory(dir)
    markUncleanShutdown(path)
    damageALeafPage(path)
    const damaged = readFileSync(path)

    const log = memoryLogger()
    const { store, movedAsideTo } = HistoryStore.open({ path, log, now: () => clockAt })
    expect(movedAsideTo).toMatch(/history\.sqlite\.corrupt-2025-06-01T123045\.123Z$/)
    expect(readFileSync(movedAsideTo!)).toEqual(damaged)
    // quick_check reports the damage, or SQLite stops at it while checking: either way the file goes aside.
    expect(log.lines.find((line) => line.includes('WARN'))).toMatch(/integrity check failed|malformed/)
    expect(store.countConversations()).toBe(0)
    store.close()
  })

  it('is checked only after a run that did not close cleanly', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    const checks: string[] = []
    const openDatabase = (file: string) => {
      const db = new DatabaseSync(file)
      const prepare = db.prepare.bind(db)
      db.prepare = (sql: string) => {
        if (sql.includes('quick_check')) checks.push(sql)
        return prepare(sql)
      }
      return db
    }
    const open = () => HistoryStore.open({ path, log: memoryLogger(), openDatabase }).store
    open().close() // a new file: checked (cheap)
    expect(checks).toHaveLength(1)
    open().close() // closed cleanly last time: not checked
    expect(checks).toHaveLength(1)
    open() // never closed: as after a crash
    open().close()
    expect(checks).toHaveLength(2)
  })

  it('moves the -wal and -shm companions with it, under the same new name', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(path + suffix, `bytes${suffix}`)
    const aside = moveDatabaseAside(path, clockAt)
    expect(readdirSync(dir).sort()).toEqual(['', '-shm', '-wal'].map((suffix) => basename(aside) + suffix))
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('bytes-wal')
    expect(existsSync(path)).toBe(false)
  })

  it('keeps every earlier copy when it happens twice in the same millisecond', () => {
    const dir = tempDir()
    const path = join(dir, 'history.sqlite')
    writeFileSync(path, 'not a database, first')
    HistoryStore.open({ path, log: memoryLogger(), now: () => clockAt }).store.close()
    writeFileSync(path, 'not a database, second')
    const { store, movedAsideTo } = HistoryStore.open({ path, log: memoryLogger(), now: () => clockAt })
    store.close()
    expect(movedAsideTo).toMatch(/corrupt-2025-06-01T123045\.123Z-2$/)
    expect(readFileSync(movedAsideTo!, 'utf8')).toBe('not a database, second')
  })
})
