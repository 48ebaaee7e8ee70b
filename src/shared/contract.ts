/**
 * The one contract between the renderer and main: every channel's request and response schema.
 *
 * Main validates each incoming payload against `request` (the renderer is untrusted); the preload
 * and browser mode expose exactly these channels; the renderer's `Api` type is derived from here.
 */
import { toolChannels } from './tool-contract'
import { z } from 'zod'
import {
  AttachmentAddedSchema,
  AttachmentAddRequestSchema,
  AttachmentBytesSchema,
  AttachmentReadRequestSchema,
} from './attachments'
import type { InvokeChannel } from './channels'
import {
  ActiveStreamSchema,
  ChatCompareRequestSchema,
  ChatCompareResponseSchema,
  ChatContinueRequestSchema,
  ChatEditRequestSchema,
  ChatRetryRequestSchema,
  ChatSendRequestSchema,
  ChatSendResponseSchema,
  ChatStopRequestSchema,
  ChatStopResponseSchema,
} from './chat'
import {
  ConversationIdSchema,
  ConversationOverridesSchema,
  ConversationSchema,
  MessageIdSchema,
  SearchResultSchema,
  maxMessageSliceChars,
  PagedMessageSchema,
} from './history'
import { BackupIdSchema, BackupInfoSchema, BackupListSchema, RestoreResultSchema } from './backups'
import { ExportFormatSchema, ExportLanguageSchema, JobIdSchema } from './transfer'
import type { Result } from './errors'
import { KeyStatusSchema, SetKeyRequestSchema } from './key-status'
import { PresetListSchema, PresetSaveSchema, PresetSchema } from './presets'
import { SettingsPatchSchema, SettingsViewSchema } from './settings'
import { OpenExternalRequestSchema, OpenExternalResponseSchema } from './external-link'
import { InstallUpdateResponseSchema, UpdateStatusSchema } from './updates'
import { UsageSummaryRequestSchema, UsageSummarySchema, UsageTotalsSchema } from './usage'

const NoPayload = z.undefined()

export const ModelInfoSchema = z.object({ id: z.string(), name: z.string() })
export type ModelInfo = z.infer<typeof ModelInfoSchema>

const ConversationRef = z.object({ conversationId: ConversationIdSchema }).strict()

export const ConversationCursorSchema = z.object({
  pinned: z.boolean(),
  updatedAt: z.number(),
  id: ConversationIdSchema,
})
export type ConversationCursor = z.infer<typeof ConversationCursorSchema>

/** Something the user should know from start-up, such as a damaged file that was kept aside. */
export const NoticeSchema = z.object({
  kind: z.enum([
    'history_moved_aside',
    'settings_moved_aside',
    'key_moved_aside',
    /** An update of the history's schema failed; `path` is the copy taken before it. */
    'history_migration_failed',
    /** The last run stopped without closing and its write-ahead log (the latest changes) is gone. */
    'history_wal_lost',
    /** The check of every page after start found damage; the file is kept as it is (path: the file). */
    'history_damaged',
  ]),
  path: z.string(),
})
export type Notice = z.infer<typeof NoticeSchema>

/** A key to try, against the base URL in use or (onboarding) one the user typed. */
export const KeyCheckRequestSchema = SetKeyRequestSchema.extend({
  baseURL: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
}).strict()

/** A job started, or null when the user closed the file dialog. */
const JobStarted = z.object({ jobId: JobIdSchema }).nullable()

export const contract = {
  'settings:get': { request: NoPayload, response: SettingsViewSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsViewSchema },
  'key:status': { request: NoPayload, response: KeyStatusSchema },
  'key:set': { request: SetKeyRequestSchema, response: KeyStatusSchema },
  'key:clear': { request: NoPayload, response: KeyStatusSchema },
  /** Onboarding: tries a key (and maybe a base URL) with GET /models before anything is saved. */
  'key:check': { request: KeyCheckRequestSchema, response: z.object({ models: z.number().int().nonnegative() }) },
  'models:list': { request: NoPayload, response: z.array(ModelInfoSchema) },
  'presets:list': { request: NoPayload, response: PresetListSchema },
  'presets:save': { request: PresetSaveSchema, response: PresetSchema },
  'presets:delete': {
    request: z.object({ id: PresetSchema.shape.id }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  'chat:send': { request: ChatSendRequestSchema, response: ChatSendResponseSchema },
  'chat:stop': { request: ChatStopRequestSchema, response: ChatStopResponseSchema },
  'chat:retry': { request: ChatRetryRequestSchema, response: ChatSendResponseSchema },
  'chat:continue': { request: ChatContinueRequestSchema, response: ChatSendResponseSchema },
  'chat:edit': { request: ChatEditRequestSchema, response: ChatSendResponseSchema },
  /** One question to 2–4 models; their answers are sibling versions streaming side by side. */
  'chat:compare': { request: ChatCompareRequestSchema, response: ChatCompareResponseSchema },
  'chat:active': { request: NoPayload, response: z.array(ActiveStreamSchema) },
  /** One file for the next question: main checks it, stores it once by its SHA-256 and answers its id. */
  'attachments:add': { request: AttachmentAddRequestSchema, response: AttachmentAddedSchema },
  /** A stored file's bytes, by its hash only: nothing else can be named, so nothing outside the folder is reachable. */
  'attachments:read': { request: AttachmentReadRequestSchema, response: AttachmentBytesSchema },
  'history:list': {
    request: z.object({ limit: z.number().int().min(1).max(500), after: ConversationCursorSchema.nullable() }).strict(),
    response: z.object({ conversations: z.array(ConversationSchema), nextCursor: ConversationCursorSchema.nullable() }),
  },
  'history:get': { request: ConversationRef, response: ConversationSchema },
  'history:messages': {
    request: z
      .object({
        conversationId: ConversationIdSchema,
        limit: z.number().int().min(1).max(1000),
        beforeMessageId: MessageIdSchema.nullable(),
      })
      .strict(),
    /** Bounded by total characters as well as by `limit`: fewer messages when they are large. */
    response: z.object({ messages: z.array(PagedMessageSchema), hasMore: z.boolean() }),
  },
  /**
   * One message of any branch, its texts cut as a page's are: for a view that shows a message off
   * the shown branch (a compared answer that ended before a reload).
   */
  'history:message': {
    request: z.object({ messageId: MessageIdSchema }).strict(),
    response: PagedMessageSchema,
  },
  /** A slice of a message's text, for one that came cut in a page (see `PagedMessage`). */
  'history:messageText': {
    request: z
      .object({
        messageId: MessageIdSchema,
        field: z.enum(['content', 'reasoning']),
        /** In code points (see `PagedMessage`), from 0. */
        offset: z.number().int().min(0),
        length: z.number().int().min(1).max(maxMessageSliceChars),
      })
      .strict(),
    response: z.object({ text: z.string(), fullLength: z.number().int() }),
  },
  'history:rename': {
    request: z.object({ conversationId: ConversationIdSchema, title: z.string().trim().min(1).max(200) }).strict(),
    response: ConversationSchema,
  },
  'history:pin': {
    request: z.object({ conversationId: ConversationIdSchema, pinned: z.boolean() }).strict(),
    response: ConversationSchema,
  },
  'history:setOverrides': {
    request: z.object({ conversationId: ConversationIdSchema, overrides: ConversationOverridesSchema }).strict(),
    response: ConversationSchema,
  },
  'history:delete': { request: ConversationRef, response: z.object({ deleted: z.boolean() }) },
  /** A message and everything below it, restorably (`history:restoreMessage`); refused while an answer there streams. */
  'history:deleteMessage': {
    request: z.object({ messageId: MessageIdSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  /** Undo of `history:deleteMessage`, with the same message: the subtree comes back and is shown. */
  'history:restoreMessage': {
    request: z.object({ messageId: MessageIdSchema }).strict(),
    response: z.object({ restored: z.boolean() }),
  },
  /**
   * Shows the branch through a message: a version picked in `‹ 2 / 3 ›`, a search hit opened, a
   * compared answer kept. The shown leaf becomes the newest leaf under it, and is remembered.
   */
  'history:showMessage': {
    request: z.object({ messageId: MessageIdSchema }).strict(),
    response: z.object({ conversationId: ConversationIdSchema, leafId: MessageIdSchema }),
  },
  'history:restore': { request: ConversationRef, response: ConversationSchema },
  'history:search': {
    request: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200) }).strict(),
    response: SearchResultSchema,
  },
  'history:export': {
    request: z
      .object({
        conversationId: ConversationIdSchema.nullable(),
        format: ExportFormatSchema,
        /** The language the renderer shows; English when left out. */
        language: ExportLanguageSchema.optional(),
      })
      .strict(),
    response: JobStarted,
  },
  'history:import': {
    /** Browser mode uploads the file first (POST /api/upload); the desktop app asks with a file dialog. */
    request: z.object({ uploadId: z.string().uuid().nullable() }).strict(),
    response: JobStarted,
  },
  'jobs:cancel': { request: z.object({ jobId: JobIdSchema }).strict(), response: z.object({ cancelled: z.boolean() }) },
  'app:notices': { request: NoPayload, response: z.array(NoticeSchema) },
  /** Opens an http(s) link in the user's browser; main checks the URL again before the OS sees it. */
  'app:openExternal': { request: OpenExternalRequestSchema, response: OpenExternalResponseSchema },
  /** Whether this build updates itself, and a downloaded update already offered (after a reload, say). */
  'app:updateStatus': { request: NoPayload, response: UpdateStatusSchema },
  /** Restarts into the downloaded update; refused (`busy`) while an answer streams, so none is cut off. */
  'app:installUpdate': { request: NoPayload, response: InstallUpdateResponseSchema },
  'usage:summary': { request: UsageSummaryRequestSchema, response: UsageSummarySchema },
  'usage:conversation': { request: ConversationRef, response: UsageTotalsSchema },
  'backups:list': { request: NoPayload, response: BackupListSchema },
  /** Takes a backup now, in a worker; answers when it is written (or joins the one running). */
  'backups:create': { request: NoPayload, response: BackupInfoSchema },
  /** Replaces the history with a backup, keeping the current file aside; refused while anything writes. */
  'backups:restore': { request: z.object({ id: BackupIdSchema }).strict(), response: RestoreResultSchema },
  ...toolChannels,
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>

// Both directions of the check: every channel has schemas, and every schema has a channel name.
type ContractHasNoExtraChannels = keyof typeof contract extends InvokeChannel ? true : never
export const contractHasNoExtraChannels: ContractHasNoExtraChannels = true

export type Contract = typeof contract
export type RequestOf<C extends InvokeChannel> = z.input<Contract[C]['request']>
export type ResponseOf<C extends InvokeChannel> = z.output<Contract[C]['response']>

/** A handler per channel, as main implements them: payloads arrive already validated. */
export type Handlers = {
  [C in InvokeChannel]: (request: z.output<Contract[C]['request']>) => Promise<Result<ResponseOf<C>>>
}
