/** SQL for conversations. Every function takes the database first; values are always parameters. */
import type { ConversationCursor } from './history-api'
import type { HistoryDb } from './history-db'
import { conversationColumns, type ConversationRow } from './rows'

export interface ConversationInsert {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  pinned: boolean
  overrides: string
}

export function insertConversation(db: HistoryDb, row: ConversationInsert): void {
  db.statement(
    `INSERT INTO conversations (id, title, created_at, updated_at, pinned, overrides) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.title, row.createdAt, row.updatedAt, row.pinned ? 1 : 0, row.overrides)
}

/** A conversation that is not deleted. */
export function findLiveConversation(db: HistoryDb, id: string): ConversationRow | undefined {
  return db
    .statement(`SELECT ${conversationColumns} FROM conversations WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as ConversationRow | undefined
}

/** Whether the id is taken, by a live or a deleted conversation. */
export function conversationIdExists(db: HistoryDb, id: string): boolean {
  return db.statement('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined
}

export function countLiveConversations(db: HistoryDb): number {
  return (db.statement('SELECT count(*) AS n FROM conversations WHERE deleted_at IS NULL').get() as { n: number }).n
}

/** One page of the list in index order (conversations_list), after the cursor when there is one. */
export function listConversationRows(
  db: HistoryDb,
  limit: number,
  after: ConversationCursor | null,
): ConversationRow[] {
  if (!after) {
    return db
      .statement(
        `SELECT ${conversationColumns} FROM conversations WHERE deleted_at IS NULL
         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
      )
      .all(limit) as unknown as ConversationRow[]
  }
  return db
    .statement(
      `SELECT ${conversationColumns} FROM conversations
       WHERE deleted_at IS NULL AND (pinned, updated_at, id) < (?, ?, ?)
       ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
    )
    .all(after.pinned ? 1 : 0, after.updatedAt, after.id, limit) as unknown as ConversationRow[]
}

/** The changed-row count tells the caller whether the (live) conversation exists. */
export function updateTitle(db: HistoryDb, id: string, title: string): boolean {
  return (
    db.statement('UPDATE conversations SET title = ? WHERE id = ? AND deleted_at IS NULL').run(title, id).changes > 0
  )
}

export function updatePinned(db: HistoryDb, id: string, pinned: boolean): boolean {
  return (
    db.statement('UPDATE conversations SET pinned = ? WHERE id = ? AND deleted_at IS NULL').run(pinned ? 1 : 0, id)
      .changes > 0
  )
}

export function updateOverrides(db: HistoryDb, id: string, overridesJson: string): boolean {
  return (
    db.statement('UPDATE conversations SET overrides = ? WHERE id = ? AND deleted_at IS NULL').run(overridesJson, id)
      .changes > 0
  )
}

/** A new message arrived: the conversation moves to the top of its group (pinned or not). */
export function touchConversation(db: HistoryDb, id: string, at: number): void {
  db.statement('UPDATE conversations SET updated_at = ? WHERE id = ?').run(at, id)
}

/** Gives an untitled conversation its title; a title set meanwhile (rename) wins. */
export function setTitleIfUntitled(db: HistoryDb, id: string, title: string): void {
  db.statement("UPDATE conversations SET title = ? WHERE id = ? AND title = ''").run(title, id)
}

export function markDeleted(db: HistoryDb, id: string, at: number): boolean {
  return (
    db.statement('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id).changes > 0
  )
}

/** Brings back a deleted conversation; true when it exists at all (restoring a live one changes nothing). */
export function clearDeleted(db: HistoryDb, id: string): boolean {
  db.statement('UPDATE conversations SET deleted_at = NULL WHERE id = ?').run(id)
  return conversationIdExists(db, id)
}

/** Conversations deleted at or before `cutoff`, by the partial index conversations_deleted. */
export function deletedConversationIds(db: HistoryDb, cutoff: number): string[] {
  const rows = db
    .statement('SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
    .all(cutoff) as Array<{ id: string }>
  return rows.map((row) => row.id)
}

/** Removes the row; its messages go with it (ON DELETE CASCADE). */
export function deleteConversationRow(db: HistoryDb, id: string): void {
  db.statement('DELETE FROM conversations WHERE id = ?').run(id)
}

/**
 * Export order, oldest first. Only the ids are loaded (a few hundred KB for 10,000 conversations);
 * the export then reads one conversation at a time.
 */
export function liveConversationIdsByAge(db: HistoryDb): string[] {
  const rows = db
    .statement('SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, id')
    .all() as Array<{ id: string }>
  return rows.map((row) => row.id)
}
