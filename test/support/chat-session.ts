/**
 * The real core on a temporary data folder, pointed at a fake gateway, with the helpers chat tests
 * share: `call` (dispatch that throws on a refused call), `ended` (waits for a stream's done or
 * error event) and `messages` (the shown branch's first page). Cleanups go to the caller's list.
 */
import type { ChatEvent } from '../../src/shared/chat'
import type { Result } from '../../src/shared/errors'
import type { AppEvent } from '../../src/shared/events'
import type { PagedMessage } from '../../src/shared/history'
import { startFakeGateway } from '../fake-gateway/server'
import { createTestCore } from './test-core'

export async function startChatSession(dataDir: string, cleanups: Array<() => Promise<void>>) {
  const gateway = await startFakeGateway({ tokenDelayMs: 2 })
  cleanups.push(() => gateway.close())
  const core = createTestCore({ dataDir })
  core.settings.set({ baseURL: gateway.baseURL })
  // Stored after the base URL is set, as onboarding does: a key is bound to the gateway it was entered for.
  core.secrets.setKey(gateway.apiKey)
  cleanups.push(() => core.shutdown())
  const events: AppEvent[] = []
  core.onEvent((event) => events.push(event))
  const dispatch = <T>(channel: string, payload?: unknown) => core.dispatch(channel, payload) as Promise<Result<T>>
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await dispatch<T>(channel, payload)
    if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`)
    return result.value
  }
  const ended = async (streamId: string) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const end = events.find(
        (event): event is ChatEvent =>
          'streamId' in event && event.streamId === streamId && (event.type === 'done' || event.type === 'error'),
      )
      if (end) return end
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('stream did not end')
  }
  const messages = async (conversationId: string) =>
    (
      await call<{ messages: PagedMessage[] }>('history:messages', {
        conversationId,
        limit: 100,
        beforeMessageId: null,
      })
    ).messages
  return { gateway, core, dispatch, call, ended, messages, events }
}
