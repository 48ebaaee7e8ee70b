/**
 * Builds the services and the dispatch function from plain dependencies. Both the Electron entry
 * (`index.ts`) and browser mode (`web/cli.ts`) call this, so they cannot drift apart.
 */
import { EventEmitter } from 'node:events'
import { chatEventChannel } from '../shared/channels'
import type { ChatEvent } from '../shared/chat'
import { ChatService } from './chat/chat-service'
import { createHandlers } from './ipc/handlers'
import { createDispatch, type Dispatch } from './ipc/dispatch'
import type { Logger } from './log'
import type { Encryptor } from './secrets/encryptor'
import { SecretStore } from './secrets/secret-store'
import { SettingsStore } from './settings/settings-store'
import type { KeyValueStore } from './storage/key-value-store'
import { openJsonStore } from './storage/open-json-store'

export interface CoreOptions {
  dataDir: string
  env: Readonly<Record<string, string | undefined>>
  encryptor: Encryptor
  log: Logger
  /** How JSON stores are opened: electron-store in the desktop app, conf elsewhere. */
  openStore?: (dir: string, name: string) => KeyValueStore
  fetch?: typeof fetch
}

export interface Core {
  dispatch: Dispatch
  onChatEvent(listener: (event: ChatEvent) => void): () => void
  settings: SettingsStore
  secrets: SecretStore
  chat: ChatService
  /** Aborts every stream and waits for their last events. */
  shutdown(): Promise<void>
}

export function createCore(options: CoreOptions): Core {
  const { dataDir, env, encryptor, log } = options
  const settings = new SettingsStore(openJsonStore(dataDir, 'settings', log, options.openStore).store, env, log)
  const secrets = new SecretStore(openJsonStore(dataDir, 'secrets', log, options.openStore).store, encryptor, env, log)
  const events = new EventEmitter()
  // Every window and browser tab listens; more than the default 10 is not a leak here.
  events.setMaxListeners(100)
  const chat = new ChatService({
    connection: () => ({ apiKey: secrets.apiKey(), baseURL: settings.effectiveBaseURL().effectiveBaseURL }),
    defaults: () => {
      const { defaultModel, temperature, maxTokens, systemPrompt } = settings.get()
      return { model: defaultModel, temperature, maxTokens, systemPrompt }
    },
    emit: (event) => events.emit(chatEventChannel, event),
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const secretValues = () => {
    const key = secrets.apiKey()
    return key ? [key] : []
  }
  const handlers = createHandlers({ settings, secrets, chat, ...(options.fetch ? { fetch: options.fetch } : {}) })
  return {
    dispatch: createDispatch(handlers, log, secretValues),
    onChatEvent(listener) {
      events.on(chatEventChannel, listener)
      return () => events.off(chatEventChannel, listener)
    },
    settings,
    secrets,
    chat,
    shutdown: () => chat.stopAll(),
  }
}
