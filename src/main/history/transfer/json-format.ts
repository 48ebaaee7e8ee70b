/**
 * Our JSON export format (documented in docs/export-format.md): one object with a header and every
 * conversation with its messages. Written as a stream, one conversation per line, so a 200 MB
 * export never exists as one string; read back through a schema that names the place of any fault.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AttachmentIdSchema, AttachmentMimeSchema, maxAttachmentBytes } from '../../../shared/attachments'
import { ConversationOverridesSchema, MessageIdSchema, StoredMessageSchema } from '../../../shared/history'
import type { BundleFile, ConversationBundle } from '../history-api'
import { InvalidImportFile, validated } from './import-errors'

export const jsonFormatName = 'holysheep-chat'
/**
 * 2: the tree. Each message has `parentId` (null for a root; a parent comes before its replies) and
 * each conversation `currentLeafId` (the shown leaf). Version 1 files still import: their messages
 * become a single chain showing the last one.
 * 3: attachments. Each conversation carries the files its messages use (`files`, each once, its bytes
 * in base64 inside the file, so one file is the whole export), and a message names them in
 * `attachments`. Import checks every file's bytes against its SHA-256 and refuses the file if one
 * does not match. Versions 1 and 2 still import.
 */
export const jsonFormatVersion = 3

const ExportedMessageSchema = StoredMessageSchema.omit({ conversationId: true })
  .extend({ parentId: MessageIdSchema.nullable().optional() })
  .strict()

const ExportedFileSchema = z
  .object({
    id: AttachmentIdSchema,
    mime: AttachmentMimeSchema,
    size: z.number().int().nonnegative().max(maxAttachmentBytes),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
    pageCount: z.number().int().nonnegative().nullable(),
    text: z.string().nullable(),
    dataBase64: z.string().max(maxAttachmentBytes * 2),
  })
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
    files: z.array(ExportedFileSchema).optional(),
  })
  .strict()

/** The file around its conversations; each conversation is checked on its own (see `bundlesFromJsonExport`). */
const JsonExportHeaderSchema = z
  .object({
    format: z.literal(jsonFormatName),
    version: z.literal([1, 2, jsonFormatVersion]),
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

/**
 * One conversation as it appears in the array; `first` decides the separating comma. `bytesOf`
 * reads an attachment's bytes from the attachments folder.
 */
export function jsonConversation(
  bundle: ConversationBundle,
  first: boolean,
  bytesOf: (id: string) => Buffer = () => {
    throw new Error('This export has attachments but no folder to read them from.')
  },
): string {
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
    ...(bundle.files?.length
      ? {
          files: bundle.files.map(({ bytes: _bytes, ...file }) => ({
            ...file,
            dataBase64: bytesOf(file.id).toString('base64'),
          })),
        }
      : {}),
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
    const { messages, currentLeafId, files, ...conversation } = validated(
      ExportedConversationSchema,
      conversations[index],
      ['conversations', index],
    )
    conversations[index] = null
    checkTree(messages, currentLeafId, index)
    const checked = checkFiles(files ?? [], messages, index)
    bundles.push({
      conversation,
      messages: messages.map((message) => ({ ...message, conversationId: conversation.id })),
      ...(currentLeafId === undefined ? {} : { currentLeafId }),
      ...(checked.length ? { files: checked } : {}),
    })
  }
  return bundles
}

/**
 * Every file's bytes must be the ones its SHA-256 names (a file edited or damaged since the export is
 * refused whole), and every attachment of a message one of the conversation's files.
 */
function checkFiles(
  files: z.infer<typeof ExportedFileSchema>[],
  messages: ReadonlyArray<{ attachments?: ReadonlyArray<{ id: string }> | undefined }>,
  index: number,
): BundleFile[] {
  const checked = files.map(({ dataBase64, ...file }, position): BundleFile => {
    const bytes = Buffer.from(dataBase64, 'base64')
    if (createHash('sha256').update(bytes).digest('hex') !== file.id || bytes.length !== file.size)
      throw new InvalidImportFile(
        `conversations[${index}].files[${position}]: its bytes do not match its SHA-256 (${file.id}); the file was changed or damaged after the export`,
      )
    return { ...file, bytes }
  })
  const ids = new Set(checked.map((file) => file.id))
  for (const [position, message] of messages.entries())
    for (const attachment of message.attachments ?? [])
      if (!ids.has(attachment.id))
        throw new InvalidImportFile(
          `conversations[${index}].messages[${position}].attachments: ${attachment.id} is not one of this conversation's files`,
        )
  return checked
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
