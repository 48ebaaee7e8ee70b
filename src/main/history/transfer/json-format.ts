/**
 * Our JSON export format (documented in docs/export-format.md): one object with a header and every
 * conversation with its messages. Written as a stream, one conversation per line, so a 200 MB
 * export never exists as one string; read back through a schema that names the place of any fault.
 */
import { z } from 'zod'
import { ConversationOverridesSchema, MessageIdSchema, StoredMessageSchema } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'
import { InvalidImportFile, validated } from './import-errors'

export const jsonFormatName = 'holysheep-chat'
/**
 * 2: the tree. Each message has `parentId` (null for a root; a parent comes before its replies) and
 * each conversation `currentLeafId` (the shown leaf). Version 1 files still import: their messages
 * become a single chain showing the last one.
 */
export const jsonFormatVersion = 2

const ExportedMessageSchema = StoredMessageSchema.omit({ conversationId: true })
  .extend({ parentId: MessageIdSchema.nullable().optional() })
  .strict()

const ExportedConversationSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string().max(10_000),
    createdAt: z.number(),
    updatedAt: z.number(),
    pinned: z.boolean(),
    overrides: ConversationOverridesSchema,
    currentLeafId: MessageIdSchema.nullable().optional(),
    messages: z.array(ExportedMessageSchema),
  })
  .strict()

/** The file around its conversations; each conversation is checked on its own (see `bundlesFromJsonExport`). */
const JsonExportHeaderSchema = z
  .object({
    format: z.literal(jsonFormatName),
    version: z.literal([1, jsonFormatVersion]),
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
    currentLeafId: bundle.currentLeafId ?? null,
    messages: messages.map(({ conversationId: _conversationId, ...message }) => ({
      ...message,
      parentId: message.parentId ?? null,
    })),
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
    const { messages, currentLeafId, ...conversation } = validated(ExportedConversationSchema, conversations[index], [
      'conversations',
      index,
    ])
    conversations[index] = null
    checkTree(messages, currentLeafId, index)
    bundles.push({
      conversation,
      messages: messages.map((message) => ({ ...message, conversationId: conversation.id })),
      ...(currentLeafId === undefined ? {} : { currentLeafId }),
    })
  }
  return bundles
}

/** A parent must come before its replies, and the shown leaf be one of the conversation's messages. */
function checkTree(
  messages: ReadonlyArray<{ id: string; parentId?: string | null | undefined }>,
  currentLeafId: string | null | undefined,
  index: number,
): void {
  const seen = new Set<string>()
  for (const [position, message] of messages.entries()) {
    if (message.parentId && !seen.has(message.parentId))
      throw new InvalidImportFile(
        `conversations[${index}].messages[${position}].parentId: ${JSON.stringify(message.parentId)} is not an earlier message of this conversation`,
      )
    seen.add(message.id)
  }
  if (currentLeafId && !seen.has(currentLeafId))
    throw new InvalidImportFile(
      `conversations[${index}].currentLeafId: ${JSON.stringify(currentLeafId)} is not a message of this conversation`,
    )
}
