import type { Handlers } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/errors'
import { safeExternalUrl } from '../../shared/external-link'
import type { AttachmentStore } from '../attachments/attachment-store'
import type { BackupService } from '../backups/backup-service'
import type { ChatService } from '../chat/chat-service'
import type { ConversationChat } from '../chat/conversation-chat'
import { MessageActions } from '../chat/message-actions'
import type { ModelCatalog } from '../chat/model-catalog'
import { exportFileName, type FileAccess } from '../files/file-access'
import type { HistoryApi } from '../history/history-api'
import { HistoryNotFoundError } from '../history/history-errors'
import { defaultPageLimits, pageForRenderer } from '../history/message-pages'
import type { TransferJobs } from '../history/transfer/transfer-jobs'
import type { Notice } from '../../shared/contract'
import type { HistoryEvent } from '../../shared/events'
import type { Conversation } from '../../shared/history'
import type { SecretStore } from '../secrets/secret-store'
import type { PresetStore } from '../settings/preset-store'
import type { SettingsStore } from '../settings/settings-store'
import type { UpdateController } from '../updates/update-controller'
import type { ToolLoop } from '../tools/tool-loop'
import { toolHandlers, type ToolServices } from '../tools/tool-handlers'
import { commandChanges, type ConfirmToolCommand } from '../tools/command-consent'

export interface Services {
  settings: SettingsStore
  attachments: AttachmentStore
  presets: PresetStore
  models: ModelCatalog
  secrets: SecretStore
  chat: ChatService
  conversations: ConversationChat
  history: HistoryApi
  transfers: TransferJobs
  backups: BackupService
  files: FileAccess
  notices: readonly Notice[]
  updates: Pick<UpdateController, 'status' | 'install'>
  emitHistory(event: HistoryEvent): void
  /** MCP servers, approvals and the tool loop (whose Stop spans every step of a turn). */
  tools: ToolServices & { loop: ToolLoop }
  /** Opens a link in the user's browser; absent in browser mode, where the page opens links itself. */
  openExternal?: (url: string) => Promise<void>
  /** Asks the user, from main, to allow a stdio tool server's launch before it is saved. */
  confirmToolCommand: ConfirmToolCommand
}

/**
 * Runs a history write and turns "that conversation is gone" (deleted in another window, say) into a
 * `not_found` the UI can explain; anything else stays an internal error for dispatch to log.
 */
function unlessGone<T>(write: () => T): Result<T> {
  try {
    return ok(write())
  } catch (error) {
    if (error instanceof HistoryNotFoundError) return fail('not_found', `This ${error.what} no longer exists.`)
    throw error
  }
}

/** `unlessGone` for an action that answers a result of its own. */
function resultUnlessGone<T>(action: () => Result<T>): Result<T> {
  const result = unlessGone(action)
  return result.ok ? result.value : result
}

/** What each channel does, over already-validated payloads. Transport-free: IPC and HTTP share it. */
export function createHandlers(services: Services): Handlers {
  const { settings, presets, models, secrets, chat, conversations, history, transfers, files } = services
  const messageActions = new MessageActions({ history, conversations, emit: services.emitHistory })
  const found = <T>(value: T | null, what: string) =>
    value === null ? fail('not_found', `${what} no longer exists.`) : ok(value)
  // Other windows and tabs keep their lists in step through the event channel.
  const announced = (result: Result<Conversation>) => {
    if (result.ok) services.emitHistory({ type: 'history', change: 'conversation', conversation: result.value })
    return result
  }
  return {
    ...toolHandlers(services.tools),
    'settings:get': async () => ok(settings.view()),
    'settings:set': async (patch) => {
      // A stdio server added or changed runs a program: main asks the user itself (command-consent.ts).
      if (patch.tools)
        for (const change of commandChanges(settings.get().tools.servers, patch.tools.servers))
          if (!(await services.confirmToolCommand(change)))
            return fail(
              'not_confirmed',
              `The tool server “${change.serverName}” was not saved: running its command was not allowed.`,
            )
      settings.set(patch)
      return ok(settings.view())
    },
    'key:status': async () => ok(secrets.status()),
    'key:set': async ({ key }) => ok(secrets.setKey(key)),
    'key:clear': async () => ok(secrets.clear()),
    'key:check': async ({ key, baseURL }) =>
      models.check({
        apiKey: key,
        baseURL: baseURL?.replace(/\/+$/, '') ?? settings.effectiveBaseURL().effectiveBaseURL,
      }),
    // The key goes only to the origin it was entered for (see SecretStore).
    'models:list': async () => models.list(secrets.gatewayConnection()),
    'presets:list': async () => ok(presets.list()),
    'presets:save': async (preset) => {
      const saved = presets.save(preset)
      return saved ? ok(saved) : fail('not_found', 'This preset no longer exists.')
    },
    'presets:delete': async ({ id }) => ok({ deleted: presets.delete(id) }),
    'usage:summary': async (request) => ok(history.usageSummary(request)),
    'usage:conversation': async ({ conversationId }) =>
      history.getConversation(conversationId)
        ? ok(history.conversationUsage(conversationId))
        : fail('not_found', 'This conversation no longer exists.'),
    'app:notices': async () => ok([...services.notices]),
    'app:updateStatus': async () => ok(services.updates.status()),
    'app:installUpdate': async () => services.updates.install(),
    'app:openExternal': async ({ url }) => {
      // The schema checked the URL already; main checks again at the last step before the OS.
      const safe = safeExternalUrl(url)
      if (safe === null) return fail('invalid_payload', 'Only http and https links can be opened.')
      if (!services.openExternal) return ok({ opened: false })
      await services.openExternal(safe)
      return ok({ opened: true })
    },

    'chat:send': async (request) => conversations.send(request),
    'chat:retry': async ({ messageId }) => conversations.retry(messageId),
    'chat:continue': async ({ messageId }) => conversations.continue(messageId),
    'chat:edit': async (request) => messageActions.editAndResend(request),
    'chat:compare': async (request) => conversations.compare(request),
    'chat:stop': async ({ streamId }) => ok({ stopped: services.tools.loop.stop(streamId) || chat.stop(streamId) }),
    'chat:active': async () => ok(conversations.active()),
    'attachments:add': async (request) => await services.attachments.add(request),
    'attachments:read': async ({ id }) => await services.attachments.read(id),

    'history:list': async ({ limit, after }) => ok(history.listConversations({ limit, after })),
    'history:get': async ({ conversationId }) => found(history.getConversation(conversationId), 'This conversation'),
    'history:messages': async ({ conversationId, limit, beforeMessageId }) =>
      history.getConversation(conversationId)
        ? ok(
            pageForRenderer(
              history.listCutMessages(conversationId, { limit, beforeMessageId }, defaultPageLimits.maxMessageChars),
            ),
          )
        : fail('not_found', 'This conversation no longer exists.'),
    'history:message': async ({ messageId }) =>
      found(history.getCutMessage(messageId, defaultPageLimits.maxMessageChars), 'This message'),
    'history:messageText': async ({ messageId, field, offset, length }) => {
      // Only the slice is read from SQLite, never the whole (possibly huge) row.
      const slice = history.messageText(messageId, field, offset, length)
      return slice ? ok(slice) : fail('not_found', 'This message no longer exists.')
    },
    'history:rename': async ({ conversationId, title }) =>
      announced(unlessGone(() => history.renameConversation(conversationId, title))),
    'history:pin': async ({ conversationId, pinned }) =>
      announced(unlessGone(() => history.setPinned(conversationId, pinned))),
    'history:setOverrides': async ({ conversationId, overrides }) =>
      announced(unlessGone(() => history.setOverrides(conversationId, overrides))),
    'history:delete': async ({ conversationId }) => {
      if (!history.getConversation(conversationId)) return ok({ deleted: false })
      conversations.stopConversation(conversationId)
      history.deleteConversation(conversationId)
      services.emitHistory({ type: 'history', change: 'deleted', conversationId })
      return ok({ deleted: true })
    },
    'history:deleteMessage': async ({ messageId }) => messageActions.deleteMessage(messageId),
    'history:restoreMessage': async ({ messageId }) => resultUnlessGone(() => messageActions.restoreMessage(messageId)),
    'history:showMessage': async ({ messageId }) => resultUnlessGone(() => messageActions.showMessage(messageId)),
    'history:restore': async ({ conversationId }) => {
      return announced(unlessGone(() => history.restoreConversation(conversationId)))
    },
    'history:search': async ({ query, limit }) => ok(history.search(query, limit)),
    'history:export': async ({ conversationId, format, language }) => {
      const conversation = conversationId ? history.getConversation(conversationId) : null
      if (conversationId && !conversation) return fail('not_found', 'This conversation no longer exists.')
      const target = await files.chooseExportTarget(
        exportFileName(conversation?.title ?? null, format === 'markdown' ? 'md' : 'json', new Date(), conversationId),
      )
      if (!target) return ok(null)
      const jobId = transfers.startExport({
        conversationIds: conversationId ? [conversationId] : null,
        format,
        language: language ?? 'en',
        outPath: target.path,
        location: target.location,
      })
      return ok({ jobId })
    },
    'history:import': async ({ uploadId }) => {
      const source = await files.chooseImportSource(uploadId)
      if (!source) return uploadId ? fail('not_found', 'The uploaded file is gone; upload it again.') : ok(null)
      const release = () => files.releaseImportSource?.(source)
      return ok({ jobId: transfers.startImport({ inPath: source, onEnd: release }) })
    },
    'jobs:cancel': async ({ jobId }) => ok({ cancelled: transfers.cancel(jobId) }),
    'backups:list': async () => ok(services.backups.list()),
    'backups:create': async () => services.backups.create(),
    'backups:restore': async ({ id }) => services.backups.restore(id),
  }
}
