/** Row shapes as SQLite returns them, and their mapping to the domain types of src/shared/history.ts. */
import { randomUUID } from 'node:crypto'
import { ConnectionCauseSchema, type ErrorKind } from '../../shared/errors'
import {
  ConversationOverridesSchema,
  type Conversation,
  type ConversationOverrides,
  type MessageStatus,
  type StoredMessage,
} from '../../shared/history'
import { z } from 'zod'
import { ToolCallRecordSchema, type ToolCallRecord as ToolCall } from '../../shared/tool-calls'
import type { NewMessage } from './history-api'

export interface ConversationRow {
  id: string
  title: string
  created_at: number
  updated_at: number
  pinned: number
  overrides: string
  message_count: number
}

export const conversationColumns = 'id, title, created_at, updated_at, pinned, overrides, message_count'

export interface MessageRow {
  seq: number
  id: string
  conversation_id: string
  role: StoredMessage['role']
  content: string
  reasoning: string | null
  status: MessageStatus
  error_kind: string | null
  error_message: string | null
  error_cause: string | null
  model: string | null
  prompt_tokens: number | null
  completion_tokens: number | null
  total_tokens: number | null
  cost_usd: number | null
  ttft_ms: number | null
  total_ms: number | null
  tokens_per_second: number | null
  finish_reason: string | null
  /** 1 when the tokens were estimated because the provider sent no usage. */
  usage_estimated: number
  /** The parent message's seq (migration 007); null for a root. */
  parent_seq: number | null
  /** Set while a deleted message can still be brought back (Undo); null for a live one. */
  deleted_at: number | null
  /** The answer's tool calls and their results as JSON (migration 009); null when it asked for none. */
  tool_calls: string | null
  created_at: number
  updated_at: number
}

export const messageColumns = `seq, id, conversation_id, role, content, reasoning, status, error_kind, error_message,
  error_cause, model, prompt_tokens, completion_tokens, total_tokens, cost_usd, ttft_ms, total_ms, tokens_per_second,
  finish_reason, usage_estimated, parent_seq, deleted_at, tool_calls, created_at, updated_at`

/** Tool calls were validated on the way in; a row that no longer parses shows none rather than failing. */
function parseToolCalls(json: string | null): ToolCall[] | null {
  if (json === null) return null
  try {
    return z.array(ToolCallRecordSchema).safeParse(JSON.parse(json)).data ?? null
  } catch {
    return null
  }
}

/** Overrides were validated on the way in; a row that no longer parses falls back to the defaults. */
function parseOverrides(json: string): ConversationOverrides {
  try {
    const parsed = ConversationOverridesSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pinned: row.pinned === 1,
    overrides: parseOverrides(row.overrides),
    messageCount: row.message_count,
  }
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    errorKind: row.error_kind as ErrorKind | null,
    errorMessage: row.error_message,
    errorCause: ConnectionCauseSchema.safeParse(row.error_cause).data ?? null,
    model: row.model,
    usage:
      row.prompt_tokens === null
        ? null
        : {
            promptTokens: row.prompt_tokens,
            completionTokens: row.completion_tokens ?? 0,
            totalTokens: row.total_tokens ?? 0,
            ...(row.usage_estimated === 1 ? { estimated: true } : {}),
          },
    costUsd: row.cost_usd,
    timings:
      row.total_ms === null
        ? null
        : { timeToFirstTokenMs: row.ttft_ms, totalMs: row.total_ms, tokensPerSecond: row.tokens_per_second },
    finishReason: row.finish_reason,
    ...withToolCalls(parseToolCalls(row.tool_calls)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Only answers that asked for tools carry the field, so every other message reads as before. */
function withToolCalls(calls: ToolCall[] | null): { toolCalls?: ToolCall[] } {
  return calls?.length ? { toolCalls: calls } : {}
}

/** The row of a message appended now: no usage or timings yet (those come with `finishMessage`). */
export function rowForNewMessage(
  conversationId: string,
  message: NewMessage,
  parentSeq: number | null,
  at: number,
): Omit<MessageRow, 'seq'> {
  return {
    id: message.id ?? randomUUID(),
    conversation_id: conversationId,
    role: message.role,
    content: message.content,
    reasoning: message.reasoning ?? null,
    status: message.status,
    error_kind: message.errorKind ?? null,
    error_message: message.errorMessage ?? null,
    error_cause: message.errorCause ?? null,
    model: message.model ?? null,
    prompt_tokens: null,
    completion_tokens: null,
    total_tokens: null,
    cost_usd: null,
    ttft_ms: null,
    total_ms: null,
    tokens_per_second: null,
    finish_reason: null,
    usage_estimated: 0,
    parent_seq: parentSeq,
    deleted_at: null,
    tool_calls: null,
    created_at: message.createdAt ?? at,
    updated_at: at,
  }
}

/** The row of an imported message, under the ids it gets here. */
export function rowForImportedMessage(
  message: StoredMessage,
  id: string,
  conversationId: string,
  status: MessageStatus,
  parentSeq: number | null,
): Omit<MessageRow, 'seq'> {
  return {
    id,
    conversation_id: conversationId,
    role: message.role,
    content: message.content,
    reasoning: message.reasoning ?? null,
    status,
    error_kind: message.errorKind ?? null,
    error_message: message.errorMessage ?? null,
    error_cause: message.errorCause ?? null,
    model: message.model ?? null,
    prompt_tokens: message.usage?.promptTokens ?? null,
    completion_tokens: message.usage?.completionTokens ?? null,
    total_tokens: message.usage?.totalTokens ?? null,
    cost_usd: message.costUsd ?? null,
    ttft_ms: message.timings?.timeToFirstTokenMs ?? null,
    total_ms: message.timings?.totalMs ?? null,
    tokens_per_second: message.timings?.tokensPerSecond ?? null,
    finish_reason: message.finishReason ?? null,
    usage_estimated: message.usage?.estimated ? 1 : 0,
    parent_seq: parentSeq,
    deleted_at: null,
    tool_calls: message.toolCalls?.length ? JSON.stringify(message.toolCalls) : null,
    created_at: message.createdAt,
    updated_at: message.updatedAt,
  }
}
