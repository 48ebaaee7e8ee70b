/**
 * Builds the services and the dispatch function from plain dependencies. Both the Electron entry
 * (`index.ts`) and browser mode (`web/cli.ts`) call this, so they cannot drift apart.
 */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { appEventChannel } from '../shared/channels'
import { readsImages } from '../shared/models'
import type { Notice } from '../shared/contract'
import type { AppEvent } from '../shared/events'
import { backupsDirOf, fileStamp } from './backups/backup-files'
import { AttachmentFiles } from './attachments/attachment-files'
import { AttachmentStore } from './attachments/attachment-store'
import { pdfReader } from './attachments/pdf-text'
import { BackupService } from './backups/backup-service'
import { copyConfigFiles } from './backups/config-copies'
import { ChatService } from './chat/chat-service'
import { ConversationChat } from './chat/conversation-chat'
import { ModelCatalog } from './chat/model-catalog'
import type { FileAccess } from './files/file-access'
import { HistoryStore, type HistoryStoreOptions } from './history/history-store'
import type { Migration } from './history/migrations/migration'
import { checkIntegrityInBackground, type BackgroundIntegrityCheck } from './history/integrity-check'
import { TransferJobs } from './history/transfer/transfer-jobs'
import { createHandlers } from './ipc/handlers'
import { createDispatch, type Dispatch } from './ipc/dispatch'
import type { Logger } from './log'
import type { Encryptor } from './secrets/encryptor'
import { isSecretsFileShape, SecretStore } from './secrets/secret-store'
import { createProxiedFetch } from './net/proxied-fetch'
import { openSettingsFile } from './settings/open-settings-file'
import { PresetStore } from './settings/preset-store'
import { SettingsStore } from './settings/settings-store'
import { wireTools } from './tools/tool-wiring'
import { oneAtATime, refuseToolCommands, type ConfirmToolCommand } from './tools/command-consent'
import type { KeyValueStore } from './storage/key-value-store'
import { openJsonStore } from './storage/open-json-store'
import { UpdateController, type Timers } from './updates/update-controller'
import { secureDataFolder } from './storage/owner-only'

export interface CoreOptions {
  dataDir: string
  /** The working folder of a stdio tool server that names none; the user's home folder by default. */
  toolsHomeDir?: string
  env: Readonly<Record<string, string | undefined>>
  encryptor: Encryptor
  log: Logger
  files: FileAccess
  /** The export/import worker: `out/main/transfer-worker.js` when built, the .ts file (with tsx) in tests. */
  transferWorker: { file: string | URL; execArgv?: string[] }
  /** The backup worker, likewise: `out/main/backup-worker.js`, or the .ts file with tsx. */
  backupWorker: { file: string | URL; execArgv?: string[] }
  /** The PDF text worker, likewise: `out/main/pdf-worker.js`, or the .ts file with tsx. */
  pdfWorker: { file: string | URL; execArgv?: string[] }
  /** The history's schema steps; the app's own unless given (a test of an update that fails). */
  historyMigrations?: readonly Migration[]
  /** How the history's SQLite connection is made; `new DatabaseSync(path)` unless given (see HistoryStoreOptions). */
  openHistoryDatabase?: HistoryStoreOptions['openDatabase']
  /** How soon after start the first daily backup runs (when the newest is over a day old); 30 s by default. */
  firstBackupDelayMs?: number
  /** How JSON stores are opened: electron-store in the desktop app, conf elsewhere. */
  openStore?: (dir: string, name: string) => KeyValueStore
  fetch?: typeof fetch
  /** Hands a checked http(s) link to the OS (the desktop app's `shell`); browser mode has none. */
  openExternal?: (url: string) => Promise<void>
  /** The update checks' timers; real ones by default. */
  updateTimers?: Timers
  /**
   * Asks the user to allow a stdio tool server's command before it is saved (a native dialog in the
   * desktop app; see web/cli.ts for browser mode). Without it, no such server can be added through
   * the contract.
   */
  confirmToolCommand?: ConfirmToolCommand
}

export interface Core {
  dispatch: Dispatch
  onEvent(listener: (event: AppEvent) => void): () => void
  settings: SettingsStore
  secrets: SecretStore
  chat: ChatService
  history: HistoryStore
  attachments: AttachmentStore
  /** The clean-up of unused attachments after the start-up purge; resolves when it has run. */
  attachmentsCleaned: Promise<void>
  /** Self-update; idle until the packaged desktop app attaches electron-updater to it. */
  updates: UpdateController
  backups: BackupService
  /** Aborts every stream and job, saves every partial answer, closes the database. */
  shutdown(): Promise<void>
}

/** Soft-deleted conversations are kept this long for Undo, then purged at the next start. */
const keepDeletedMs = 24 * 60 * 60 * 1000

export function createCore(options: CoreOptions): Core {
  const { dataDir, env, encryptor, log } = options
  const notices: Notice[] = []
  // What the start-up clean-up of attachments may take: only what an earlier run left.
  const startedAt = Date.now()
  // Before any store reads or writes: the folder and every file in it are the owner's only.
  secureDataFolder(dataDir)
  const backupsDir = backupsDirOf(dataDir)
  // A copy of the key file may be kept only when the OS encrypts the key (not Linux's basic_text).
  const keyOsEncrypted = encryptor.protection() === 'os_encryption'
  const settingsFile = openSettingsFile(dataDir, log, options.openStore, { dir: backupsDir, keyOsEncrypted })
  if (settingsFile.movedAsideTo) notices.push({ kind: 'settings_moved_aside', path: settingsFile.movedAsideTo })
  const settings = new SettingsStore(settingsFile.store, env, log)
  const presets = new PresetStore(settingsFile.store, log)
  // Every request to the gateway (chat, models, the onboarding check) goes through the proxy in use.
  const gatewayFetch = options.fetch ?? createProxiedFetch(() => ({ proxy: settings.get().proxy, env }))
  const secretsFile = openJsonStore(dataDir, 'secrets', log, options.openStore, isSecretsFileShape)
  if (secretsFile.movedAsideTo) notices.push({ kind: 'key_moved_aside', path: secretsFile.movedAsideTo })
  const secrets = new SecretStore(
    secretsFile.store,
    encryptor,
    env,
    log,
    () => settings.effectiveBaseURL().effectiveBaseURL,
  )
  secrets.bindUnboundKey()

  const historyPath = join(dataDir, 'history.sqlite')
  const opened = HistoryStore.open({
    path: historyPath,
    log,
    backupsDir,
    ...(options.historyMigrations ? { migrations: options.historyMigrations } : {}),
    ...(options.openHistoryDatabase ? { openDatabase: options.openHistoryDatabase } : {}),
    // The settings and key files are copied with the database, so the whole state can be put back.
    beforeMigration: (dir) =>
      copyConfigFiles(dataDir, dir, `pre-migration-${fileStamp(Date.now())}`, ['settings', 'secrets'], {
        keyOsEncrypted,
      }),
  })
  if (opened.movedAsideTo) notices.push({ kind: 'history_moved_aside', path: opened.movedAsideTo })
  if (opened.migrationFailed)
    notices.push({ kind: 'history_migration_failed', path: opened.migrationFailed.backupPath })
  if (opened.walLost) {
    notices.push({ kind: 'history_wal_lost', path: `${historyPath}-wal` })
    log.warn(`${historyPath}-wal was gone after the app last stopped without closing; its latest changes are lost`)
  }
  const history = opened.store
  // Read-only after a failed update: nothing may be written, so these wait for a version that opens it.
  if (!history.readOnly) {
    const interrupted = history.markInterruptedStreams()
    if (interrupted) log.warn(`${interrupted} answer(s) were cut off when the app last stopped; kept as interrupted`)
    history.purgeDeleted(keepDeletedMs)
  }
  const attachments = new AttachmentStore({
    files: new AttachmentFiles(dataDir),
    history,
    readPdf: pdfReader(options.pdfWorker),
    log,
  })
  // After the purge, so the files of messages in their Undo window stay; off the start-up's path.
  const attachmentsCleaned = history.readOnly
    ? Promise.resolve()
    : attachments.cleanUp(startedAt).then(
        (removed) => {
          if (removed) log.info(`${removed} attachment file(s) no message uses any more were removed`)
        },
        (error: unknown) => log.warn('unused attachments could not be removed', error),
      )

  const bus = new EventEmitter()
  // Every window and browser tab listens; more than the default 10 is not a leak here.
  bus.setMaxListeners(100)
  const emit = (event: AppEvent) => bus.emit(appEventChannel, event)
  const backgroundCheck = opened.integrityChecked ? null : checkHistoryInBackground(historyPath, notices, emit, log)

  let conversations: ConversationChat | null = null
  // `chat` is read only once an updater is attached, long after it exists.
  const updates = new UpdateController({
    isEnabled: () => settings.get().autoUpdate,
    isStreaming: () => chat.activeStreamCount > 0,
    emit,
    log,
    ...(options.updateTimers ? { timers: options.updateTimers } : {}),
  })
  settings.onChange(() => updates.settingsChanged())
  const chat = new ChatService({
    connection: () => secrets.gatewayConnection(),
    defaults: () => {
      const { defaultModel, temperature, topP, maxTokens, systemPrompt } = settings.get()
      return { model: defaultModel, temperature, topP, maxTokens, systemPrompt }
    },
    // Read at each stream, so a changed setting applies to the next answer.
    get idleTimeoutMs() {
      return settings.get().idleTimeoutSeconds * 1000
    },
    get totalTimeoutMs() {
      return settings.get().totalTimeoutSeconds * 1000
    },
    get maxAnswerChars() {
      return settings.get().maxAnswerChars
    },
    maxConcurrentStreams: () => settings.get().maxConcurrentStreams,
    // Storage sees each event before the views, so what they show is already saved or about to be.
    emit: (event) => {
      conversations?.observe(event)
      emit(event)
    },
    log,
    fetch: gatewayFetch,
    // An update that downloaded while answers streamed is offered once the last one has ended.
    onStreamEnded: () => updates.streamEnded(),
  })
  const tools = wireTools({
    chat,
    settings: () => settings.get().tools,
    saveSettings: (value) => settings.set({ tools: value }),
    emit,
    log,
    ...(options.toolsHomeDir ? { homeDir: options.toolsHomeDir } : {}),
  })
  // A server edited, removed or turned off in Settings stops now rather than at the next call.
  settings.onChange(() => void tools.mcp.prune())
  conversations = new ConversationChat({
    history,
    chat,
    attachments,
    readsImages: (model) => readsImages(model, settings.get().modelReadsImages),
    defaultModel: () => settings.get().defaultModel,
    prices: () => settings.get().prices,
    emit,
    log,
    tools: { loop: tools.loop, enabledByDefault: () => settings.get().tools.enabledByDefault },
  })

  const transfers = new TransferJobs({
    dbPath: historyPath,
    // After a failed update the history file is at the old version: exports read what the store reads.
    readOnlyFile: () => (history.readOnly ? history.fileInUse : null),
    workerFile: options.transferWorker.file,
    partialJournalFile: join(dataDir, 'exports-in-progress.json'),
    ...(options.transferWorker.execArgv ? { workerExecArgv: options.transferWorker.execArgv } : {}),
    log,
    emit: (event) => {
      emit(event)
      if (event.kind === 'import' && event.phase === 'done') emit({ type: 'history', change: 'reload' })
    },
  })

  const backups = new BackupService({
    dataDir,
    backupsDir,
    dbPath: historyPath,
    history,
    worker: options.backupWorker,
    settings: () => settings.get(),
    busyReason: () => {
      if (conversations?.active().length) return 'An answer is streaming; restore when it has finished or been stopped.'
      if (transfers.runningCount > 0) return 'An export or import is running; restore when it has finished.'
      return null
    },
    // The start-up clean-up picks its files from the history open now: a restore waits for it to end.
    holdAttachments: (work) => attachments.whileNoCleanUp(work),
    stopHistoryCheck: async () => await backgroundCheck?.stop(),
    notify: (notice) => {
      notices.push(notice)
      emit({ type: 'notice', notice })
    },
    emit,
    log,
    ...(options.firstBackupDelayMs !== undefined ? { firstRunDelayMs: options.firstBackupDelayMs } : {}),
  })
  backups.start()

  const secretValues = () => secrets.heldKeys()
  const handlers = createHandlers({
    settings,
    attachments,
    presets,
    models: new ModelCatalog({ cacheFile: join(dataDir, 'models-cache.json'), log, fetch: gatewayFetch }),
    secrets,
    chat,
    conversations,
    history,
    transfers,
    backups,
    files: options.files,
    notices,
    updates,
    emitHistory: emit,
    tools: { ...tools, servers: () => settings.get().tools.servers },
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    confirmToolCommand: oneAtATime(options.confirmToolCommand ?? refuseToolCommands),
  })
  let closed = false
  return {
    dispatch: createDispatch(handlers, log, secretValues),
    onEvent(listener) {
      bus.on(appEventChannel, listener)
      return () => bus.off(appEventChannel, listener)
    },
    settings,
    secrets,
    chat,
    history,
    attachments,
    attachmentsCleaned,
    updates,
    backups,
    shutdown: async () => {
      if (closed) return
      closed = true
      updates.dispose()
      await Promise.all([
        tools.stop(),
        chat.stopAll(),
        transfers.cancelAll(),
        backups.stop(),
        backgroundCheck?.stop(),
        attachmentsCleaned,
      ])
      history.close()
    },
  }
}

/**
 * After a clean start, every page is checked in a worker while the app is in use; damage is told
 * at once (a notice for the windows open now, and in `app:notices` for later ones). The file is kept
 * as it is: it still opens, and the user can export what reads before deciding anything.
 */
function checkHistoryInBackground(
  path: string,
  notices: Notice[],
  emit: (event: AppEvent) => void,
  log: Logger,
): BackgroundIntegrityCheck {
  const check = checkIntegrityInBackground(path)
  void check.outcome.then((outcome) => {
    if (outcome.kind === 'ok') log.info(`history check: every page of ${path} reads (${outcome.ms} ms)`)
    else if (outcome.kind === 'failed') log.warn(`history check could not run: ${outcome.reason}`)
    else if (outcome.kind === 'damaged') {
      log.error(`history check found damage in ${path}: ${outcome.problems.slice(0, 3).join('; ')}`)
      const notice: Notice = { kind: 'history_damaged', path }
      notices.push(notice)
      emit({ type: 'notice', notice })
    }
  })
  return check
}
