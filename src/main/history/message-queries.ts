/** SQL for messages. Every function takes the database first; values are always parameters. */
import type { FinishedMessage } from './history-api'
import type { HistoryDb } from './history-db'
import { messageColumns, type MessageRow } from './rows'

export type MessageInsert = Omit<MessageRow, 'seq'>

/** Stores an answer's tool calls (their statuses and results so far), as each one changes. */
export function updateToolCalls(db: HistoryDb, id: string, json: string | null, at: number): void {
  db.statement('UPDATE messages SET tool_calls = ?, updated_at = ? WHERE id = ?').run(json, at, id)
}

/** Inserts a message at the end of its conversation; returns its `seq`. */
export function insertMessage(db: HistoryDb, m: MessageInsert): number {
  const result = db
    .statement(
      `INSERT INTO messages (id, conversation_id, role, content, reasoning, status, error_kind, error_message,
         error_cause, model, prompt_tokens, completion_tokens, total_tokens, cost_usd, ttft_ms, total_ms,
         tokens_per_second, finish_reason, usage_estimated, parent_seq, deleted_at, tool_calls, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      m.id,
      m.conversation_id,
      m.role,
      m.content,
      m.reasoning,
      m.status,
      m.error_kind,
      m.error_message,
      m.error_cause,
      m.model,
      m.prompt_tokens,
      m.completion_tokens,
      m.total_tokens,
      m.cost_usd,
      m.ttft_ms,
      m.total_ms,
      m.tokens_per_second,
      m.finish_reason,
      m.usage_estimated,
      m.parent_seq,
      m.deleted_at,
      m.tool_calls,
      m.created_at,
      m.updated_at,
    )
  return Number(result.lastInsertRowid)
}

export function findMessage(db: HistoryDb, id: string): MessageRow | undefined {
  return db.statement(`SELECT ${messageColumns} FROM messages WHERE id = ?`).get(id) as MessageRow | undefined
}

export function findMessageAt(db: HistoryDb, seq: number): MessageRow | undefined {
  return db.statement(`SELECT ${messageColumns} FROM messages WHERE seq = ?`).get(seq) as MessageRow | undefined
}

/** A message, not deleted, of a conversation that is not deleted. */
export function findLiveMessage(db: HistoryDb, id: string): MessageRow | undefined {
  return db
    .statement(
      `SELECT ${messageColumns} FROM messages
       WHERE id = ? AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id AND c.deleted_at IS NULL)`,
    )
    .get(id) as MessageRow | undefined
}

export function messageIdExists(db: HistoryDb, id: string): boolean {
  return db.statement('SELECT 1 FROM messages WHERE id = ?').get(id) !== undefined
}

/** The `seq` of a message of this conversation, to page before it. */
export function messageSeqIn(db: HistoryDb, conversationId: string, id: string): number | undefined {
  const row = db.statement('SELECT seq FROM messages WHERE id = ? AND conversation_id = ?').get(id, conversationId) as
    { seq: number } | undefined
  return row?.seq
}

/** A message row whose texts SQLite cut to their first characters, with their stored lengths. */
export interface CutMessageRow extends MessageRow {
  content_length: number
  reasoning_length: number | null
}

/** The message columns with `content` and `reasoning` cut to `?` characters by SQLite, and their lengths. */
export const cutMessageColumns = `seq, id, conversation_id, role,
  substr(content, 1, ?) AS content, length(content) AS content_length,
  substr(reasoning, 1, ?) AS reasoning, length(reasoning) AS reasoning_length,
  status, error_kind, error_message, error_cause, model, prompt_tokens, completion_tokens, total_tokens, cost_usd,
  ttft_ms, total_ms, tokens_per_second, finish_reason, usage_estimated, parent_seq, deleted_at, tool_calls, created_at,
  updated_at`

const liveMessage =
  'id = ? AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id AND c.deleted_at IS NULL)'

/** A live message with its texts cut by SQLite to `maxChars` characters (see `cutMessageColumns`). */
export function findLiveCutMessage(db: HistoryDb, id: string, maxChars: number): CutMessageRow | undefined {
  return db.statement(`SELECT ${cutMessageColumns} FROM messages WHERE ${liveMessage}`).get(maxChars, maxChars, id) as
    CutMessageRow | undefined
}

/**
 * `length` characters of a live message's text from `offset` (code points, from 0), and the text's
 * full length, read by SQLite's substr: only the slice becomes a JS string.
 */
export function messageTextSlice(
  db: HistoryDb,
  id: string,
  field: 'content' | 'reasoning',
  offset: number,
  length: number,
): { text: string; fullLength: number } | undefined {
  // Two fixed statements rather than a column name put into SQL.
  const sql =
    field === 'content'
      ? `SELECT substr(content, ?, ?) AS text, length(content) AS full_length FROM messages WHERE ${liveMessage}`
      : `SELECT coalesce(substr(reasoning, ?, ?), '') AS text, coalesce(length(reasoning), 0) AS full_length
         FROM messages WHERE ${liveMessage}`
  const row = db.statement(sql).get(offset + 1, length, id) as { text: string; full_length: number } | undefined
  return row && { text: row.text, fullLength: row.full_length }
}

/** Every live message of a conversation, oldest first (a parent before its children), one row at a time. */
export function iterateConversationMessages(db: HistoryDb, conversationId: string): Iterable<MessageRow> {
  return db
    .statement(`SELECT ${messageColumns} FROM messages WHERE conversation_id = ? AND deleted_at IS NULL ORDER BY seq`)
    .iterate(conversationId) as Iterable<MessageRow>
}

/**
 * The write made while an answer streams: one indexed UPDATE, nothing else. Only a message still
 * streaming changes, so a late batch cannot overwrite a finished answer.
 */
export function updateStreamingText(
  db: HistoryDb,
  id: string,
  content: string,
  reasoning: string | null,
  at: number,
): void {
  db.statement(
    "UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ? AND status = 'streaming'",
  ).run(content, reasoning, at, id)
}

export function writeFinishedMessage(db: HistoryDb, seq: number, final: FinishedMessage, at: number): void {
  db.statement(
    `UPDATE messages SET content = ?, reasoning = ?, status = ?, error_kind = ?, error_message = ?, error_cause = ?,
       model = ?,
       prompt_tokens = ?, completion_tokens = ?, total_tokens = ?, cost_usd = ?,
       ttft_ms = ?, total_ms = ?, tokens_per_second = ?, finish_reason = ?, usage_estimated = ?, updated_at = ?
     WHERE seq = ?`,
  ).run(
    final.content,
    final.reasoning,
    final.status,
    final.errorKind,
    final.errorMessage,
    final.errorCause ?? null,
    final.model,
    final.usage?.promptTokens ?? null,
    final.usage?.completionTokens ?? null,
    final.usage?.totalTokens ?? null,
    final.costUsd,
    final.timings?.timeToFirstTokenMs ?? null,
    final.timings?.totalMs ?? null,
    final.timings?.tokensPerSecond ?? null,
    final.finishReason ?? null,
    final.usage?.estimated ? 1 : 0,
    at,
    seq,
  )
}

/** Messages left `streaming` by a run that ended, by the partial index messages_streaming. */
export function streamingMessages(db: HistoryDb): Array<{ seq: number; content: string }> {
  return db.statement("SELECT seq, content FROM messages WHERE status = 'streaming'").all() as Array<{
    seq: number
    content: string
  }>
}

export function markMessageInterrupted(db: HistoryDb, seq: number, at: number): void {
  db.statement("UPDATE messages SET status = 'interrupted', updated_at = ? WHERE seq = ?").run(at, seq)
}

/** An answer that goes on (Continue): streaming again, its old error cleared, its text kept. */
export function reopenForStreaming(db: HistoryDb, seq: number, at: number): void {
  db.statement(
    `UPDATE messages SET status = 'streaming', error_kind = NULL, error_message = NULL, error_cause = NULL,
       updated_at = ? WHERE seq = ?`,
  ).run(at, seq)
}

export function deleteMessageRow(db: HistoryDb, seq: number): void {
  db.statement('DELETE FROM messages WHERE seq = ?').run(seq)
}
