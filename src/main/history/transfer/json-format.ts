/**
 * Our JSON export format (documented in docs/export-format.md): one object with a header and every
 * conversation with its messages. Written as a stream, one conversation at a time, so a 200 MB
 * export never exists as one string; read back through a schema that names the place of any fault.
 */
import { z } from 'zod'
import { ConversationOverridesSchema, StoredMessageSchema } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'

export const jsonFormatName = 'holysheep-chat'
export const jsonFormatVersion = 1

const ExportedMessageSchema = StoredMessageSchema.omit({ conversationId: true }).strict()

const ExportedConversationSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string().max(10_000),
    createdAt: z.number(),
    updatedAt: z.number(),
    pinned: z.boolean(),
    overrides: ConversationOverridesSchema,
    messages: z.array(ExportedMessageSchema),
  })
  .strict()

export const JsonExportSchema = z
  .object({
    format: z.literal(jsonFormatName),
    version: z.literal(jsonFormatVersion, { error: `version: this app reads version ${jsonFormatVersion}` }),
    exportedAt: z.string(),
    conversations: z.array(ExportedConversationSchema),
  })
  .strict()
export type JsonExport = z.infer<typeof JsonExportSchema>

/** The text before the first conversation. */
export function jsonHeader(exportedAt: Date): string {
  return `{"format":"${jsonFormatName}","version":${jsonFormatVersion},"exportedAt":"${exportedAt.toISOString()}","conversations":[\n`
}

/** One conversation as it appears in the array; `first` decides the separating comma. */
export function jsonConversation(bundle: ConversationBundle, first: boolean): string {
  const { conversation, messages } = bundle
  const exported = {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    pinned: conversation.pinned,
    overrides: conversation.overrides,
    messages: messages.map(({ conversationId: _conversationId, ...message }) => message),
  }
  return `${first ? '' : ',\n'}${JSON.stringify(exported)}`
}

export const jsonFooter = '\n]}\n'

export function bundlesFromJsonExport(file: JsonExport): ConversationBundle[] {
  return file.conversations.map(({ messages, ...conversation }) => ({
    conversation,
    messages: messages.map((message) => ({ ...message, conversationId: conversation.id })),
  }))
}
