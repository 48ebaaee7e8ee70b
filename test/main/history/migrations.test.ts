import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { HistorySchemaVersionError } from '../../../src/main/history/history-errors'
import { HistoryStore } from '../../../src/main/history/history-store'
import { applyMigrations, currentSchemaVersion, migrations, schemaVersion } from '../../../src/main/history/migrations'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { openStore } from './history-fixtures'

const tempDir = useTempDirs()

const conversationA = '11111111-1111-4111-8111-111111111111'
const conversationB = '22222222-2222-4222-8222-222222222222'

/** Rows as a release at `version` wrote them: only the columns every version has. */
function seed(db: DatabaseSync): void {
  const conversation = db.prepare(
    'INSERT INTO conversations (id, title, created_at, updated_at, pinned, overrides, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  conversation.run(conversationA, 'Học tiếng Việt', 1000, 5000, 1, '{"model":"gpt-4.1"}', null)
  conversation.run(conversationB, 'Old deleted', 900, 900, 0, '{}', 950)
  const message = db.prepare(
    `INSERT INTO messages (id, conversation_id, role, content, status, model, prompt_tokens, completion_tokens,
       total_tokens, total_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  message.run(
    'a1111111-1111-4111-8111-111111111111',
    conversationA,
    'user',
    'Tôi đang học',
    'complete',
    null,
    null,
    null,
    null,
    null,
    1001,
    1001,
  )
  message.run(
    'a2222222-2222-4222-8222-222222222222',
    conversationA,
    'assistant',
    'Tiếng Việt hay lắm',
    'complete',
    'gpt-4.1',
    3,
    4,
    7,
    800,
    1002,
    1003,
  )
  message.run(
    'a3333333-3333-4333-8333-333333333333',
    conversationA,
    'assistant',
    'Đang viết',
    'streaming',
    'gpt-4.1',
    null,
    null,
    null,
    null,
    1004,
    1004,
  )
  message.run(
    'b1111111-1111-4111-8111-111111111111',
    conversationB,
    'user',
    'gone',
    'complete',
    null,
    null,
    null,
    null,
    null,
    901,
    901,
  )
}

function fileAtVersion(version: number): string {
  const path = join(tempDir(), 'history.sqlite')
  const db = new DatabaseSync(path)
  applyMigrations(db, path, version)
  seed(db)
  // From 007 on, a release wrote each message under the one before it and remembered the last.
  if (version >= 7)
    db.exec(`
      UPDATE messages SET parent_seq = (
        SELECT max(p.seq) FROM messages p WHERE p.conversation_id = messages.conversation_id AND p.seq < messages.seq);
      UPDATE conversations SET current_leaf_seq = (SELECT max(m.seq) FROM messages m WHERE m.conversation_id = conversations.id);
    `)
  db.close()
  return path
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
  })

  it('build the current schema in an empty file', () => {
    const { store, path } = openStore(tempDir())
    store.close()
    const db = new DatabaseSync(path)
    expect(schemaVersion(db)).toBe(currentSchemaVersion)
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()
    expect(tables.map((row) => row.name)).toEqual(
      expect.arrayContaining(['conversations', 'messages', 'store_meta', 'message_search']),
    )
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    db.close()
  })

  it.each(migrations.slice(0, -1).map((migration) => migration.version))(
    'upgrade a file left at version %i and keep its data',
    (version) => {
      const path = fileAtVersion(version)
      const { store } = HistoryStore.open({ path, log: memoryLogger() })
      try {
        const { conversations } = store.listConversations({ limit: 10 })
        expect(conversations).toEqual([
          {
            id: conversationA,
            title: 'Học tiếng Việt',
            createdAt: 1000,
            updatedAt: 5000,
            pinned: true,
            overrides: { model: 'gpt-4.1' },
            messageCount: 3,
          },
        ])
        const { messages } = store.listMessages(conversationA, { limit: 10 })
        expect(messages.map((message) => message.content)).toEqual(['Tôi đang học', 'Tiếng Việt hay lắm', 'Đang viết'])
        expect(messages[1]!.usage).toEqual({ promptTokens: 3, completionTokens: 4, totalTokens: 7 })
        // A single chain: a new message goes under the last one, and the prompt path is the whole chain.
        const next = store.appendMessage(conversationA, { role: 'user', content: 'tiếp', status: 'complete' })
        expect(store.parentOf(next.id)).toBe('a3333333-3333-4333-8333-333333333333')
        store.deleteMessage(next.id)
        expect(messages[1]!.timings).toEqual({ timeToFirstTokenMs: null, totalMs: 800, tokensPerSecond: null })
        // Old messages are searchable: the index is built on the first open.
        expect(store.search('tieng viet', 10).hits.map((hit) => hit.messageId)).toEqual([
          'a2222222-2222-4222-8222-222222222222',
        ])
        expect(store.markInterruptedStreams()).toBe(1)
        expect(store.search('dang', 10).hits).toHaveLength(2)
        expect(store.restoreConversation(conversationB).messageCount).toBe(1)
      } finally {
        store.close()
      }
      const db = new DatabaseSync(path)
      expect(schemaVersion(db)).toBe(currentSchemaVersion)
      db.close()
    },
  )

  it('001 creates tables that refuse bad rows and cascade deletes', () => {
    const path = fileAtVersion(1)
    const db = new DatabaseSync(path)
    db.exec('PRAGMA foreign_keys = ON')
    const insert = db.prepare(
      `INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)
       VALUES (?, ?, 'user', 'x', ?, 1, 1)`,
    )
    expect(() => insert.run('c1111111-1111-4111-8111-111111111111', conversationA, 'bogus')).toThrow(/CHECK/)
    expect(() => insert.run('c2222222-2222-4222-8222-222222222222', 'no-such-conversation', 'complete')).toThrow(
      /FOREIGN KEY/,
    )
    db.prepare('DELETE FROM conversations WHERE id = ?').run(conversationA)
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 })
    db.close()
  })

  it('002 counts the messages a version-1 file already has', () => {
    const path = fileAtVersion(1)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 2)
    const counts = db.prepare('SELECT id, message_count FROM conversations ORDER BY id').all()
    expect(counts).toEqual([
      { id: conversationA, message_count: 3 },
      { id: conversationB, message_count: 1 },
    ])
    // From then on the triggers keep the count, cascades included.
    db.exec("DELETE FROM messages WHERE content = 'Đang viết'")
    expect(db.prepare('SELECT message_count FROM conversations WHERE id = ?').get(conversationA)).toEqual({
      message_count: 2,
    })
    db.close()
  })

  it('003 adds the store_meta table', () => {
    const path = fileAtVersion(2)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 3)
    db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)').run('clean_shutdown', '1')
    expect(db.prepare('SELECT value FROM store_meta').all()).toEqual([{ value: '1' }])
    db.close()
  })

  it('004 adds finish_reason, empty for answers written before it', () => {
    const path = fileAtVersion(3)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 4)
    expect(db.prepare('SELECT DISTINCT finish_reason FROM messages').all()).toEqual([{ finish_reason: null }])
    db.prepare("UPDATE messages SET finish_reason = 'length' WHERE id = ?").run('a2222222-2222-4222-8222-222222222222')
    db.close()
    const { store } = HistoryStore.open({ path, log: memoryLogger() })
    expect(store.getMessage('a2222222-2222-4222-8222-222222222222')?.finishReason).toBe('length')
    store.close()
  })

  it('005 adds usage_estimated (0 for older answers) and the answers-by-time index', () => {
    const path = fileAtVersion(4)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 5)
    expect(db.prepare('SELECT DISTINCT usage_estimated FROM messages').all()).toEqual([{ usage_estimated: 0 }])
    expect(() => db.prepare('UPDATE messages SET usage_estimated = 2').run()).toThrow(/CHECK/)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'messages_answers_by_time'").get()).toBeTruthy()
    db.prepare('UPDATE messages SET usage_estimated = 1 WHERE id = ?').run('a2222222-2222-4222-8222-222222222222')
    db.close()
    const { store } = HistoryStore.open({ path, log: memoryLogger() })
    expect(store.getMessage('a2222222-2222-4222-8222-222222222222')?.usage).toEqual({
      promptTokens: 3,
      completionTokens: 4,
      totalTokens: 7,
      estimated: true,
    })
    store.close()
  })

  it('006 adds error_cause, empty for answers written before it', () => {
    const path = fileAtVersion(5)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 6)
    expect(db.prepare('SELECT DISTINCT error_cause FROM messages').all()).toEqual([{ error_cause: null }])
    db.prepare("UPDATE messages SET status = 'error', error_kind = 'tls', error_cause = ? WHERE id = ?").run(
      'CERT_HAS_EXPIRED',
      'a2222222-2222-4222-8222-222222222222',
    )
    db.close()
    const { store } = HistoryStore.open({ path, log: memoryLogger() })
    expect(store.getMessage('a2222222-2222-4222-8222-222222222222')).toMatchObject({
      errorKind: 'tls',
      errorCause: 'CERT_HAS_EXPIRED',
    })
    store.close()
  })

  it('007 turns every conversation into a single chain showing its last message', () => {
    const path = fileAtVersion(6)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 7)
    const chain = db
      .prepare(
        `SELECT m.id, p.id AS parent FROM messages m LEFT JOIN messages p ON p.seq = m.parent_seq
         ORDER BY m.conversation_id, m.seq`,
      )
      .all()
    expect(chain).toEqual([
      { id: 'a1111111-1111-4111-8111-111111111111', parent: null },
      { id: 'a2222222-2222-4222-8222-222222222222', parent: 'a1111111-1111-4111-8111-111111111111' },
      { id: 'a3333333-3333-4333-8333-333333333333', parent: 'a2222222-2222-4222-8222-222222222222' },
      { id: 'b1111111-1111-4111-8111-111111111111', parent: null },
    ])
    const leaves = db
      .prepare(
        `SELECT c.id, m.id AS leaf FROM conversations c LEFT JOIN messages m ON m.seq = c.current_leaf_seq ORDER BY c.id`,
      )
      .all()
    expect(leaves).toEqual([
      { id: conversationA, leaf: 'a3333333-3333-4333-8333-333333333333' },
      { id: conversationB, leaf: 'b1111111-1111-4111-8111-111111111111' },
    ])
    // Marking a message deleted, bringing it back and purging it keep message_count right.
    const count = () => db.prepare('SELECT message_count FROM conversations WHERE id = ?').get(conversationA)
    db.prepare("UPDATE messages SET deleted_at = 7 WHERE id = 'a3333333-3333-4333-8333-333333333333'").run()
    expect(count()).toEqual({ message_count: 2 })
    db.prepare("UPDATE messages SET deleted_at = NULL WHERE id = 'a3333333-3333-4333-8333-333333333333'").run()
    expect(count()).toEqual({ message_count: 3 })
    db.prepare("UPDATE messages SET deleted_at = 7 WHERE id = 'a3333333-3333-4333-8333-333333333333'").run()
    db.prepare('DELETE FROM messages WHERE deleted_at IS NOT NULL').run()
    expect(count()).toEqual({ message_count: 2 })
    db.prepare("DELETE FROM messages WHERE id = 'a2222222-2222-4222-8222-222222222222'").run()
    expect(count()).toEqual({ message_count: 1 })
    db.close()
  })

  it('008 links files to messages; a link goes with its message, a file in use cannot go', () => {
    const path = fileAtVersion(7)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 8)
    db.exec('PRAGMA foreign_keys = ON')
    const file = 'ab'.repeat(32)
    db.prepare("INSERT INTO attachments (id, mime, size, name, created_at) VALUES (?, 'image/png', 3, 'a.png', 1)").run(
      file,
    )
    expect(() =>
      db.prepare("INSERT INTO attachments (id, mime, size, name, created_at) VALUES ('short', 'x', 1, 'x', 1)").run(),
    ).toThrow(/CHECK/)
    const seqOf = (id: string) => (db.prepare('SELECT seq FROM messages WHERE id = ?').get(id) as { seq: number }).seq
    const link = db.prepare(
      'INSERT INTO message_attachments (message_seq, position, attachment_id, name) VALUES (?, ?, ?, ?)',
    )
    link.run(seqOf('a1111111-1111-4111-8111-111111111111'), 0, file, 'a.png')
    expect(() => link.run(seqOf('a1111111-1111-4111-8111-111111111111'), 1, 'cd'.repeat(32), 'x')).toThrow(
      /FOREIGN KEY/,
    )
    expect(() => db.prepare('DELETE FROM attachments WHERE id = ?').run(file)).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM conversations WHERE id = ?').run(conversationA)
    expect(db.prepare('SELECT count(*) AS n FROM message_attachments').get()).toEqual({ n: 0 })
    db.prepare('DELETE FROM attachments WHERE id = ?').run(file)
    db.close()
  })

  it('009 adds tool_calls, empty for answers written before it; a stored call reads back, a broken one reads as none', () => {
    const path = fileAtVersion(8)
    const db = new DatabaseSync(path)
    applyMigrations(db, path, 9)
    expect(db.prepare('SELECT DISTINCT tool_calls FROM messages').all()).toEqual([{ tool_calls: null }])
    db.close()
    const { store } = HistoryStore.open({ path, log: memoryLogger() })
    const answer = 'a2222222-2222-4222-8222-222222222222'
    expect(store.getMessage(answer)).not.toHaveProperty('toolCalls')
    const call = {
      id: 'call_1',
      functionName: 'files__read',
      serverId: 'files',
      serverName: 'Files',
      tool: 'read',
      arguments: '{"path":"a.txt"}',
      status: 'done' as const,
      result: 'nội dung',
      isError: false,
      stderr: [],
      startedAt: 1,
      endedAt: 2,
    }
    store.setToolCalls(answer, [call])
    expect(store.getMessage(answer)?.toolCalls).toEqual([call])
    store.close()
    const raw = new DatabaseSync(path)
    raw.prepare('UPDATE messages SET tool_calls = ? WHERE id = ?').run('{not json', answer)
    raw.close()
    const reopened = HistoryStore.open({ path, log: memoryLogger() }).store
    expect(reopened.getMessage(answer)).not.toHaveProperty('toolCalls')
    reopened.close()
  })

  it('leave a file from a newer version alone and say so', () => {
    const path = join(tempDir(), 'history.sqlite')
    const db = new DatabaseSync(path)
    db.exec('PRAGMA user_version = 99')
    db.close()
    const before = readFileSync(path)
    expect(() => HistoryStore.open({ path, log: memoryLogger() })).toThrow(HistorySchemaVersionError)
    expect(readFileSync(path)).toEqual(before)
  })
})
