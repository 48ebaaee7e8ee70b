/**
 * Our JSON export format (documented in docs/export-format.md): one object with a header and every
 * conversation with its messages. Written as a stream, one conversation per line, so a 200 MB
 * export never exists as one string; read back through a schema that names the place of any fault.
 */
import { z } from 'zod'
import { ConversationOverridesSchema, StoredMessageSchema } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'
import { InvalidImportFile, validated } from './import-errors'

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

/** The file around its conversations; each conversation is checked on its own (see `bundlesFromJsonExport`). */
const JsonExportHeaderSchema = z
  .object({
    format: z.literal(jsonFormatName),
    version: z.literal(jsonFormatVersion),
    exportedAt: z.string(),
    conversations: z.array(z.unknown()),
  })
  .strict()

/** The whole file, for documentation and for tests; the importer checks the same rules in parts. */
export const JsonExportSchema = JsonExportHeaderSchema.extend({ conversations: z.array(ExportedConversationSchema) })
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

/**
 * Checks a parsed file whole and converts it, or throws `InvalidImportFile` naming the first fault.
 * Conversations are checked and converted one at a time, each raw one dropped as soon as it is
 * converted, so a 200 MB file is held about twice (raw and converted), not three times.
 */
export function bundlesFromJsonExport(file: Record<string, unknown>): ConversationBundle[] {
  const version = file.version
  if (typeof version === 'number' && version > jsonFormatVersion)
    throw new InvalidImportFile(
      `version: this file is version ${version}, from a newer HolySheep Chat; this app reads version ${jsonFormatVersion}. ` +
        'Update the app to import it.',
    )
  const { conversations } = validated(JsonExportHeaderSchema, file)
  // Drops the raw conversations array from the parsed object as well, so each entry freed below is really free.
  file.conversations = null
  const bundles: ConversationBundle[] = []
  for (let index = 0; index < conversations.length; index++) {
    const { messages, ...conversation } = validated(ExportedConversationSchema, conversations[index], [
      'conversations',
      index,
    ])
    conversations[index] = null
    bundles.push({
      conversation,
      messages: messages.map((message) => ({ ...message, conversationId: conversation.id })),
    })
  }
  return bundles
}
