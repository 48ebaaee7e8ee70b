/**
 * The hot queries use indexes, never a full scan or a sort: checked on the statements the store
 * really prepares (recorded by a wrapping connection), with EXPLAIN QUERY PLAN, as Signal Desktop does.
 */
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src/main/history/history-store'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { finished } from './history-fixtures'

const tempDir = useTempDirs()

let connection: DatabaseSync
let prepared: string[] = []
let store: HistoryStore
afterEach(() => store.close())

/** A connection whose prepared statements are recorded in `prepared`. */
function reopen(path: string): DatabaseSync {
  connection = new DatabaseSync(path)
  const prepare = connection.prepare.bind(connection)
  connection.prepare = (sql: string) => {
    prepared.push(sql)
    return prepare(sql)
  }
  return connection
}

function open(): { conversationId: string; messageId: string } {
  const openDatabase = (path: string) => {
    connection = new DatabaseSync(path)
    const prepare = connection.prepare.bind(connection)
    connection.prepare = (sql: string) => {
      prepared.push(sql)
      return prepare(sql)
    }
    return connection
  }
  store = HistoryStore.open({ path: join(tempDir(), 'history.sqlite'), log: memoryLogger(), openDatabase }).store
  // Some rows, and statistics, so the planner sees tables worth indexing.
  let last = { conversationId: '', messageId: '' }
  for (let c = 0; c < 30; c++) {
    const conversation = store.createConversation()
    for (let m = 0; m < 20; m++) {
      const message = store.appendMessage(conversation.id, { role: 'user', content: `tin ${m}`, status: 'complete' })
      last = { conversationId: conversation.id, messageId: message.id }
    }
  }
  connection.exec('ANALYZE')
  return last
}

/** The plan of every data statement `operation` prepares (the first call prepares; later ones reuse). */
function plansOf(operation: () => void): string[][] {
  prepared = []
  operation()
  return prepared
    .filter((sql) => !/^\s*(BEGIN|COMMIT|ROLLBACK|PRAGMA|INSERT)/i.test(sql))
    .map((sql) => {
      const parameters = Array<null>((sql.match(/\?/g) ?? []).length).fill(null)
      return connection
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...parameters)
        .map((row) => String(row.detail))
    })
}

function expectIndexedOnly(plans: string[][]): void {
  expect(plans.length).toBeGreaterThan(0)
  for (const line of plans.flat()) {
    expect(line).not.toMatch(/TEMP B-TREE/)
    // A SCAN is fine only along an index (with a LIMIT), as the FTS5 index itself (a MATCH, or a row
    // by rowid: `0:=`), or over the rows a recursive walk of the tree produced (`up`, `down`).
    if (line.startsWith('SCAN '))
      expect(line).toMatch(
        /USING (COVERING )?INDEX|VIRTUAL TABLE INDEX \d+:(M|=$)|^SCAN (up|down)$|^SCAN CONSTANT ROW$/,
      )
  }
}

describe('query plans of the hot queries', () => {
  it('the conversation list, first page and after a cursor, walks conversations_list', () => {
    open()
    const first = plansOf(() => store.listConversations({ limit: 50 }))
    const next = plansOf(() => store.listConversations({ limit: 50, after: { pinned: false, updatedAt: 1, id: 'x' } }))
    expectIndexedOnly([...first, ...next])
    expect(first.flat()).toEqual(['SCAN conversations USING INDEX conversations_list'])
    expect(next.flat()).toEqual([
      'SEARCH conversations USING INDEX conversations_list ((pinned,updated_at,id)<(?,?,?))',
    ])
  })

  it('a page of the shown branch, before a message, walks up by primary key', () => {
    const { conversationId, messageId } = open()
    const plans = plansOf(() => store.listMessages(conversationId, { limit: 100, beforeMessageId: messageId }))
    expectIndexedOnly(plans)
    const walk = plans.find((plan) => plan.includes('RECURSIVE STEP'))!
    expect(walk).toEqual([
      'CO-ROUTINE up',
      'SETUP',
      'SEARCH messages USING INTEGER PRIMARY KEY (rowid=?)',
      'RECURSIVE STEP',
      'SCAN up',
      'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
      'SCAN up',
      'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
    ])
  })

  it('opening a branch for the renderer: the walk up, and each message’s versions through messages_children', () => {
    const { conversationId, messageId } = open()
    const page = plansOf(() => store.listCutMessages(conversationId, { limit: 100, beforeMessageId: messageId }, 1000))
    expectIndexedOnly(page)
    const lines = page.flat()
    expect(lines).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)')
    expect(lines.filter((line) => line.includes('messages_children'))).toEqual([
      'SEARCH s USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=?)',
      'SEARCH s USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=? AND seq<?)',
      'SEARCH s USING INDEX messages_children (conversation_id=? AND parent_seq=? AND seq<?)',
      'SEARCH s USING INDEX messages_children (conversation_id=? AND parent_seq=? AND seq>?)',
    ])

    for (const field of ['content', 'reasoning'] as const) {
      const slice = plansOf(() => store.messageText(messageId, field, 0, 1000))
      expectIndexedOnly(slice)
      expect(slice.flat()).toContain('SEARCH messages USING INDEX sqlite_autoindex_messages_1 (id=?)')
    }
  })

  it('switching a version, deleting a subtree and its Undo walk the tree through indexes', () => {
    const { messageId } = open()
    const first = store.listMessages(store.getMessage(messageId)!.conversationId, { limit: 1000 }).messages[0]!
    const children = plansOf(() => store.childrenOf(first.id))
    expectIndexedOnly(children)
    expect(children.flat()).toContain(
      'SEARCH messages USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=?)',
    )
    const show = plansOf(() => store.showMessage(first.id))
    expectIndexedOnly(show)
    expect(show.flat()).toContain(
      'SEARCH m USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=?)',
    )
    const remove = plansOf(() => store.deleteSubtree(first.id))
    expectIndexedOnly(remove)
    expect(remove.flat()).toContain(
      'SEARCH m USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=?)',
    )
    const undo = plansOf(() => store.restoreSubtree(first.id))
    expectIndexedOnly(undo)
    expect(undo.flat()).toContain('SEARCH messages USING INDEX messages_deleted (deleted_at=?)')
  })

  it('a walk down a long branch stays one index step per message (the planner once chose a quadratic plan)', () => {
    // A file never analysed, holding one long chain: there the planner scanned the conversation per step.
    store = HistoryStore.open({
      path: join(tempDir(), 'history.sqlite'),
      log: memoryLogger(),
      openDatabase: reopen,
    }).store
    const conversation = store.createConversation()
    connection.exec('BEGIN')
    let first = ''
    for (let m = 0; m < 2000; m++) {
      const message = store.appendMessage(conversation.id, { role: 'user', content: `dài ${m}`, status: 'complete' })
      first ||= message.id
    }
    connection.exec('COMMIT')
    // No fresh statistics: as in a file that grew since SQLite last analysed it.
    const plans = plansOf(() => store.showMessage(first))
    expectIndexedOnly(plans)
    const walk = plans.find((plan) => plan.includes('RECURSIVE STEP'))!
    expect(walk.slice(walk.indexOf('RECURSIVE STEP'), walk.indexOf('RECURSIVE STEP') + 3)).toEqual([
      'RECURSIVE STEP',
      'SCAN down',
      'SEARCH m USING COVERING INDEX messages_children (conversation_id=? AND parent_seq=?)',
    ])
  })

  it('start-up finds streaming messages through the partial index', () => {
    open()
    const plans = plansOf(() => store.markInterruptedStreams())
    expectIndexedOnly(plans)
    expect(plans.flat()).toContain('SEARCH messages USING INDEX messages_streaming (status=?)')
    // Unfinished tool calls: only the answers that have calls, along their partial index.
    expect(plans.flat()).toContain('SCAN messages USING INDEX messages_tool_calls')
  })

  it('the streaming write and the final write find the message by key', () => {
    const { conversationId } = open()
    const answer = store.appendMessage(conversationId, { role: 'assistant', content: '', status: 'streaming' })
    const streaming = plansOf(() => store.updateStreamingMessage(answer.id, 'chunk', null))
    expect(streaming.flat()).toEqual(['SEARCH messages USING INDEX sqlite_autoindex_messages_1 (id=?)'])
    expectIndexedOnly(plansOf(() => store.finishMessage(answer.id, finished('done'))))
    expectIndexedOnly(plansOf(() => store.getMessage(answer.id)))
  })

  it('search walks the FTS5 index newest first and joins by key', () => {
    open()
    const plans = plansOf(() => store.search('tin', 20))
    expectIndexedOnly(plans)
    expect(plans.flat()).toEqual([
      expect.stringMatching(/^SCAN s VIRTUAL TABLE INDEX \d+:M/),
      'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH c USING INDEX sqlite_autoindex_conversations_1 (id=?)',
    ])
  })

  it('the purge finds deleted conversations through conversations_deleted', () => {
    open()
    const plans = plansOf(() => store.purgeDeleted(0))
    expectIndexedOnly(plans)
    expect(plans.flat()).toContain(
      'SEARCH conversations USING INDEX conversations_deleted (deleted_at>? AND deleted_at<?)',
    )
  })
})
