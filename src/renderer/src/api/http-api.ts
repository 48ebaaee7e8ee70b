import { buildApi, type Api } from '../../../shared/api'
import type { AppEvent } from '../../../shared/events'
import type { Result } from '../../../shared/errors'
import { connection } from './connection-store'
import { EventStream } from './event-stream'

/**
 * The contract over HTTP and SSE, for browser mode. The server set the access token as an HttpOnly
 * cookie when the page was opened, so requests carry it without this code ever seeing it.
 */
/** The calls that start answers streaming. */
const streamStarters = new Set(['chat:send', 'chat:compare', 'chat:retry', 'chat:continue', 'chat:edit'])

export function createHttpApi(): Api {
  const listeners = new Set<(event: AppEvent) => void>()
  let events: EventStream | null = null

  const invoke = async (channel: string, request: unknown): Promise<Result<unknown>> => {
    // A stream's first events follow the call that starts it at once: make sure the event stream is listening.
    if (streamStarters.has(channel)) await events?.connected
    try {
      const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: request === undefined ? '' : JSON.stringify(request),
      })
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { kind: 'network', message: 'The app’s local server is not reachable.' } }
    }
  }

  const onAppEvent = (listener: (event: AppEvent) => void) => {
    listeners.add(listener)
    events ??= new EventStream((event) => {
      for (const each of listeners) each(event)
    }, connection)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0) {
        events?.close()
        events = null
      }
    }
  }

  return buildApi(invoke, onAppEvent)
}

/** The token is in a cookie now; take it out of the address bar so it is not bookmarked or shared. */
export function forgetTokenInAddressBar(): void {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('token')) return
  url.searchParams.delete('token')
  window.history.replaceState(null, '', url.pathname + url.search + url.hash)
}
