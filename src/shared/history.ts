/**
 * Conversation history as it crosses the boundary: the domain types main's HistoryStore returns and
 * the renderer shows. Timestamps are milliseconds since the epoch (UTC).
 */
import { z } from 'zod'
import { AttachmentSchema, maxAttachmentsPerMessage } from './attachments'
import { ToolCallRecordSchema } from './tool-calls'
import { TimingsSchema, UsageSchema } from './chat'
import { ConnectionCauseSchema, ErrorKindSchema } from './errors'
import { ConversationOverridesSchema } from './overrides'

/** Per-conversation settings; declared in overrides.ts so chat.ts can use them too. */
export { ConversationOverridesSchema, type ConversationOverrides } from './overrides'

export const ConversationIdSchema = z.string().uuid()
export const MessageIdSchema = z.string().uuid()

export const MessageStatusSchema = z.enum(['complete', 'streaming', 'stopped', 'interrupted', 'error'])
export type MessageStatus = z.infer<typeof MessageStatusSchema>

export const ConversationSchema = z.object({
  id: ConversationIdSchema,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  pinned: z.boolean(),
  overrides: ConversationOverridesSchema,
  messageCount: z.number().int().nonnegative(),
})
export type Conversation = z.infer<typeof ConversationSchema>

export const StoredMessageSchema = z.object({
  id: MessageIdSchema,
  conversationId: ConversationIdSchema,
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  reasoning: z.string().nullable(),
  status: MessageStatusSchema,
  errorKind: ErrorKindSchema.nullable(),
  errorMessage: z.string().nullable(),
  /** For a `network` or `tls` error: the cause, for the UI to word. Optional on import. */
  errorCause: ConnectionCauseSchema.nullable().default(null),
  model: z.string().nullable(),
  usage: UsageSchema.nullable(),
  costUsd: z.number().nullable(),
  timings: TimingsSchema.nullable(),
  /** Why the model ended (`stop`, `length`, `content_filter`…); null before it ended or when unknown. */
  finishReason: z.string().max(64).nullable().default(null),
  /** The tool calls this answer asked for, with their results (migration 009); optional on import. */
  toolCalls: z.array(ToolCallRecordSchema).max(128).nullish(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The files a question carries (issue 16), in order; absent when it has none. */
  attachments: z.array(AttachmentSchema).max(maxAttachmentsPerMessage).optional(),
})
export type StoredMessage = z.infer<typeof StoredMessageSchema>

/**
 * A message as a page of `history:messages` carries it. A text longer than a page allows (an import
 * can bring one of any size) comes cut, with `fullLength` giving the stored lengths; the rest is read
 * in slices through `history:messageText`. Lengths and offsets there count characters as SQLite does
 * (Unicode code points: an emoji is one, not two UTF-16 units), since SQLite cuts the text; measure a
 * loaded text with `textLength`.
 */
/**
 * A message with siblings (other answers to the same question after Regenerate or Compare, other
 * questions after Edit): where it stands among them (`index` from 0) and its neighbours, for the
 * version switcher `‹ 2 / 3 ›`. Absent when the message is the only one.
 */
export const MessageVersionsSchema = z.object({
  index: z.number().int().nonnegative(),
  count: z.number().int().min(2),
  previousId: MessageIdSchema.nullable(),
  nextId: MessageIdSchema.nullable(),
})
export type MessageVersions = z.infer<typeof MessageVersionsSchema>

export const PagedMessageSchema = StoredMessageSchema.extend({
  fullLength: z.object({ content: z.number().int(), reasoning: z.number().int() }).optional(),
  versions: MessageVersionsSchema.optional(),
})
export type PagedMessage = z.infer<typeof PagedMessageSchema>

/** The most `history:messageText` answers at once. */
export const maxMessageSliceChars = 1_000_000

/** A text's length in code points, as `fullLength` and `history:messageText` count (a lone surrogate is one). */
export function textLength(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++, count++) {
    const unit = text.charCodeAt(index)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) index++
    }
  }
  return count
}

/** A search snippet as segments, so the renderer highlights with elements, never with HTML strings. */
export const SnippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }))
export type Snippet = z.infer<typeof SnippetSchema>

export const SearchHitSchema = z.object({
  conversationId: ConversationIdSchema,
  conversationTitle: z.string(),
  messageId: MessageIdSchema,
  role: z.enum(['system', 'user', 'assistant']),
  snippet: SnippetSchema,
  createdAt: z.number(),
})
export type SearchHit = z.infer<typeof SearchHitSchema>

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** `scan` when SQLite has no FTS5 and the slower fallback answered. */
  engine: z.enum(['fts5', 'scan']),
})
export type SearchResult = z.infer<typeof SearchResultSchema>
