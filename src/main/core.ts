/**
 * Builds the services and the dispatch function from plain dependencies. Both the Electron entry
 * (`index.ts`) and browser mode (`web/cli.ts`) call this, so they cannot drift apart.
 */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { appEventChannel } from '../shared/channels'
import type { Notice } from '../shared/contract'
import type { AppEvent } from '../shared/events'
import { ChatService } from './chat/chat-service'
import { ConversationChat } from './chat/conversation-chat'
import { ModelCatalog } from './chat/model-catalog'
import type { FileAccess } from './files/file-access'
import { HistoryStore } from './history/history-store'
import { TransferJobs } from './history/transfer/transfer-jobs'
import { createHandlers } from './ipc/handlers'
import { createDispatch, type Dispatch } from './ipc/dispatch'
import type { Logger } from './log'
import type { Encryptor } from './secrets/encryptor'
import { SecretStore } from './secrets/secret-store'
import { createProxiedFetch } from './net/proxied-fetch'
import { openSettingsFile } from './settings/open-settings-file'
import { PresetStore } from './settings/preset-store'
import { SettingsStore } from './settings/settings-store'
import type { KeyValueStore } from './storage/key-value-store'
import { openJsonStore } from './storage/open-json-store'

export interface CoreOptions {
  dataDir: string
  env: Readonly<Record<string, string | undefined>>
  encryptor: Encryptor
  log: Logger
  files: FileAccess
  /** The export/import worker: `out/main/transfer-worker.js` when built, the .ts file (with tsx) in tests. */
  transferWorker: { file: string | URL; execArgv?: string[] }
  /** How JSON stores are opened: electron-store in the desktop app, conf elsewhere. */
  openStore?: (dir: string, name: string) => KeyValueStore
  fetch?: typeof fetch
  /** Hands a checked http(s) link to the OS (the desktop app's `shell`); browser mode has none. */
  openExternal?: (url: string) => Promise<void>
}

export interface Core {
  dispatch: Dispatch
  onEvent(listener: (event: AppEvent) => void): () => void
  settings: SettingsStore
  secrets: SecretStore
  chat: ChatService
  history: HistoryStore
  /** Aborts every stream and job, saves every partial answer, closes the database. */
  shutdown(): Promise<void>
}

/** Soft-deleted conversations are kept this long for Undo, then purged at the next start. */
const keepDeletedMs = 24 * 60 * 60 * 1000

export function createCore(options: CoreOptions): Core {
  const { dataDir, env, encryptor, log } = options
  const notices: Notice[] = []
  const settingsFile = openSettingsFile(dataDir, log, options.openStore)
  if (settingsFile.movedAsideTo) notices.push({ kind: 'settings_moved_aside', path: settingsFile.movedAsideTo })
  const settings = new SettingsStore(settingsFile.store, env, log)
  const presets = new PresetStore(settingsFile.store, log)
  // Every request to the gateway (chat, models, the onboarding check) goes through the proxy in use.
  const gatewayFetch = options.fetch ?? createProxiedFetch(() => ({ proxy: settings.get().proxy, env }))
  const secretsFile = openJsonStore(dataDir, 'secrets', log, options.openStore)
  if (secretsFile.movedAsideTo) notices.push({ kind: 'key_moved_aside', path: secretsFile.movedAsideTo })
  const secrets = new SecretStore(secretsFile.store, encryptor, env, log)

  const historyPath = join(dataDir, 'history.sqlite')
  const opened = HistoryStore.open({ path: historyPath, log })
  if (opened.movedAsideTo) notices.push({ kind: 'history_moved_aside', path: opened.movedAsideTo })
  const history = opened.store
  const interrupted = history.markInterruptedStreams()
  if (interrupted) log.warn(`${interrupted} answer(s) were cut off when the app last stopped; kept as interrupted`)
  history.purgeDeleted(keepDeletedMs)

  const bus = new EventEmitter()
  // Every window and browser tab listens; more than the default 10 is not a leak here.
  bus.setMaxListeners(100)
  const emit = (event: AppEvent) => bus.emit(appEventChannel, event)

  let conversations: ConversationChat | null = null
  const chat = new ChatService({
    connection: () => ({ apiKey: secrets.apiKey(), baseURL: settings.effectiveBaseURL().effectiveBaseURL }),
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
  })
  conversations = new ConversationChat({
    history,
    chat,
    defaultModel: () => settings.get().defaultModel,
    prices: () => settings.get().prices,
    emit,
    log,
  })

  const transfers = new TransferJobs({
    dbPath: historyPath,
    workerFile: options.transferWorker.file,
    ...(options.transferWorker.execArgv ? { workerExecArgv: options.transferWorker.execArgv } : {}),
    log,
    emit: (event) => {
      emit(event)
      if (event.kind === 'import' && event.phase === 'done') emit({ type: 'history', change: 'reload' })
    },
  })

  const secretValues = () => {
    const key = secrets.apiKey()
    return key ? [key] : []
  }
  const handlers = createHandlers({
    settings,
    presets,
    models: new ModelCatalog({ cacheFile: join(dataDir, 'models-cache.json'), log, fetch: gatewayFetch }),
    secrets,
    chat,
    conversations,
    history,
    transfers,
    files: options.files,
    notices,
    emitHistory: emit,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
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
    shutdown: async () => {
      if (closed) return
      closed = true
      await Promise.all([chat.stopAll(), transfers.cancelAll()])
      history.close()
    },
  }
}
