import type { Handlers } from '../../shared/contract'
import { ok } from '../../shared/errors'
import type { ChatService } from '../chat/chat-service'
import { listModels } from '../chat/model-catalog'
import type { SecretStore } from '../secrets/secret-store'
import type { SettingsStore } from '../settings/settings-store'

export interface Services {
  settings: SettingsStore
  secrets: SecretStore
  chat: ChatService
  fetch?: typeof fetch
}

/** What each channel does, over already-validated payloads. Transport-free: IPC and HTTP share it. */
export function createHandlers({ settings, secrets, chat, fetch }: Services): Handlers {
  const connection = () => ({ apiKey: secrets.apiKey(), baseURL: settings.effectiveBaseURL().effectiveBaseURL })
  return {
    'settings:get': async () => ok(settings.view()),
    'settings:set': async (patch) => {
      settings.set(patch)
      return ok(settings.view())
    },
    'key:status': async () => ok(secrets.status()),
    'key:set': async ({ key }) => ok(secrets.setKey(key)),
    'key:clear': async () => ok(secrets.clear()),
    'models:list': async () => listModels(connection(), fetch),
    'chat:send': async (request) => {
      const started = chat.send(request)
      return started.ok ? ok({ streamId: started.value.streamId }) : started
    },
    'chat:stop': async ({ streamId }) => ok({ stopped: chat.stop(streamId) }),
  }
}
