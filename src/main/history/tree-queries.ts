/**
 * SQL for the message tree (migration 007): each message has a parent (`parent_seq`), each
 * conversation a shown leaf (`current_leaf_seq`). Every function takes the database first; values are
 * always parameters. Walks up go by primary key, one lookup per step; walks down and sibling lookups
 * go through the partial index messages_children (live messages only), so opening or switching a
 * branch never scans the conversation.
 */
import type { HistoryDb } from './history-db'
import { cutMessageColumns, type CutMessageRow } from './message-queries'
import { messageColumns, type MessageRow } from './rows'

/** A message's place in the tree. */
export interface TreeNode {
  seq: number
  parent_seq: number | null
}

/** The leaf a conversation shows, or null when it has no messages. */
export function currentLeafSeq(db: HistoryDb, conversationId: string): number | null {
  const row = db.statement('SELECT current_leaf_seq FROM conversations WHERE id = ?').get(conversationId) as
    { current_leaf_seq: number | null } | undefined
  return row?.current_leaf_seq ?? null
}

export function setCurrentLeaf(db: HistoryDb, conversationId: string, seq: number | null): void {
  db.statement('UPDATE conversations SET current_leaf_seq = ? WHERE id = ?').run(seq, conversationId)
}

/**
 * The path from `fromSeq` up towards the root, `fromSeq` first, at most `limit` messages: the seqs
 * of one page of a branch, nearest first. A recursive CTE that follows `parent_seq` by primary key.
 */
export function pathUp(db: HistoryDb, fromSeq: number, limit: number): number[] {
  const rows = db
    .statement(
      `WITH RECURSIVE up(seq, parent_seq) AS (
         SELECT seq, parent_seq FROM messages WHERE seq = ?
         UNION ALL
         SELECT m.seq, m.parent_seq FROM up JOIN messages m ON m.seq = up.parent_seq
         LIMIT ?
       )
       SELECT seq FROM up`,
    )
    .all(fromSeq, limit) as Array<{ seq: number }>
  return rows.map((row) => row.seq)
}

/** The parent of a message, by primary key; undefined when the message is gone. */
export function treeNode(db: HistoryDb, seq: number): TreeNode | undefined {
  return db.statement('SELECT seq, parent_seq FROM messages WHERE seq = ?').get(seq) as TreeNode | undefined
}

/** The live children of a message (or, for `parentSeq` null, the roots of a conversation), oldest first. */
export function childSeqs(db: HistoryDb, conversationId: string, parentSeq: number | null): number[] {
  const rows = db
    .statement(
      `SELECT seq FROM messages WHERE conversation_id = ? AND parent_seq IS ? AND deleted_at IS NULL ORDER BY seq`,
    )
    .all(conversationId, parentSeq) as Array<{ seq: number }>
  return rows.map((row) => row.seq)
}

/** A message's place among its live siblings (itself included): 0-based index and count. */
export function siblingPlace(db: HistoryDb, conversationId: string, node: TreeNode): { index: number; count: number } {
  const row = db
    .statement(
      `SELECT count(*) AS count, count(*) FILTER (WHERE seq < ?) AS before FROM messages
       WHERE conversation_id = ? AND parent_seq IS ? AND deleted_at IS NULL`,
    )
    .get(node.seq, conversationId, node.parent_seq) as { count: number; before: number }
  return { index: row.before, count: row.count }
}

/**
 * The newest leaf under a message (the message itself when it has no live children): the live
 * descendant with the highest seq. Children are always written after their parent, so that message
 * has no children of its own. A walk down messages_children, index only: CROSS JOIN keeps the walk the
 * outer loop, or the planner may scan the conversation's index once per step (quadratic: 5 s at 3,000).
 */
export function latestLeafUnder(db: HistoryDb, conversationId: string, seq: number): number {
  const row = db
    .statement(
      `WITH RECURSIVE down(seq) AS (
         SELECT ?
         UNION ALL
         SELECT m.seq FROM down CROSS JOIN messages m
           ON m.conversation_id = ? AND m.parent_seq = down.seq AND m.deleted_at IS NULL
       )
       SELECT max(seq) AS seq FROM down`,
    )
    .get(seq, conversationId) as { seq: number }
  return row.seq
}

/** Every live message of the subtree under `seq` (itself first), with its status, for a delete. */
export function liveSubtree(
  db: HistoryDb,
  conversationId: string,
  seq: number,
): Array<{ seq: number; id: string; status: string }> {
  return db
    .statement(
      `WITH RECURSIVE down(seq) AS (
         SELECT ?
         UNION ALL
         SELECT m.seq FROM down CROSS JOIN messages m
           ON m.conversation_id = ? AND m.parent_seq = down.seq AND m.deleted_at IS NULL
       )
       SELECT m.seq, m.id, m.status FROM down CROSS JOIN messages m ON m.seq = down.seq`,
    )
    .all(seq, conversationId) as Array<{ seq: number; id: string; status: string }>
}

export function markMessageDeleted(db: HistoryDb, seq: number, at: number): void {
  db.statement('UPDATE messages SET deleted_at = ? WHERE seq = ?').run(at, seq)
}

/**
 * The rows of a subtree marked deleted together with its root (same `deleted_at`), with their
 * content for the search index: found through messages_deleted, then kept only when they descend
 * from the root (another deletion at the same millisecond stays deleted).
 */
export function markedSubtree(
  db: HistoryDb,
  conversationId: string,
  rootSeq: number,
  deletedAt: number,
): Array<{ seq: number; status: string; content: string }> {
  const rows = db
    .statement(
      `SELECT seq, parent_seq, status, content FROM messages
       WHERE deleted_at = ? AND conversation_id = ? ORDER BY seq`,
    )
    .all(deletedAt, conversationId) as Array<{
    seq: number
    parent_seq: number | null
    status: string
    content: string
  }>
  const inSubtree = new Set<number>([rootSeq])
  // Parents come before children in seq order, so one pass finds the whole subtree.
  return rows.filter((row) => {
    if (row.seq === rootSeq) return true
    if (row.parent_seq !== null && inSubtree.has(row.parent_seq)) {
      inSubtree.add(row.seq)
      return true
    }
    return false
  })
}

export function unmarkMessageDeleted(db: HistoryDb, seq: number): void {
  db.statement('UPDATE messages SET deleted_at = NULL WHERE seq = ?').run(seq)
}

/** Messages marked deleted at or before `cutoff`, by the partial index messages_deleted. */
export function markedDeletedBefore(db: HistoryDb, cutoff: number): number[] {
  const rows = db
    .statement('SELECT seq FROM messages WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
    .all(cutoff) as Array<{ seq: number }>
  return rows.map((row) => row.seq)
}

/** The walk up of `pathUp`, as a CTE named `up` whose column `step_seq` is each message's seq. */
const walkUp = `WITH RECURSIVE up(step_seq, step_parent) AS (
    SELECT seq, parent_seq FROM messages WHERE seq = ?
    UNION ALL
    SELECT m.seq, m.parent_seq FROM up JOIN messages m ON m.seq = up.step_parent
    LIMIT ?
  )`

/**
 * One page of a branch: up to `limit` messages from `fromSeq` up towards the root, nearest first.
 * CROSS JOIN keeps the walk the outer loop (each row then one primary-key lookup), so the planner
 * never chooses to scan messages instead.
 */
export function branchPage(db: HistoryDb, fromSeq: number, limit: number): MessageRow[] {
  return db
    .statement(`${walkUp} SELECT ${messageColumns} FROM up CROSS JOIN messages m ON m.seq = up.step_seq`)
    .all(fromSeq, limit) as unknown as MessageRow[]
}

/** A cut page row with its place among its siblings: the versions the switcher offers. */
export interface BranchPageRow extends CutMessageRow {
  version_count: number
  version_index: number
  previous_version_id: string | null
  next_version_id: string | null
}

const liveSiblings = 's.conversation_id = m.conversation_id AND s.parent_seq IS m.parent_seq AND s.deleted_at IS NULL'

/** `branchPage` for the renderer: texts cut by SQLite (see cutMessageColumns) and each message's versions. */
export function cutBranchPage(db: HistoryDb, fromSeq: number, limit: number, maxChars: number): BranchPageRow[] {
  return db
    .statement(
      `${walkUp} SELECT ${cutMessageColumns},
         (SELECT count(*) FROM messages s WHERE ${liveSiblings}) AS version_count,
         (SELECT count(*) FROM messages s WHERE ${liveSiblings} AND s.seq < m.seq) AS version_index,
         (SELECT s.id FROM messages s WHERE ${liveSiblings} AND s.seq < m.seq ORDER BY s.seq DESC LIMIT 1)
           AS previous_version_id,
         (SELECT s.id FROM messages s WHERE ${liveSiblings} AND s.seq > m.seq ORDER BY s.seq LIMIT 1)
           AS next_version_id
       FROM up CROSS JOIN messages m ON m.seq = up.step_seq`,
    )
    .all(fromSeq, limit, maxChars, maxChars) as unknown as BranchPageRow[]
}
