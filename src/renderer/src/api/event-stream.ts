import type { AppEvent } from '../../../shared/events'
import type { ConnectionStore } from './connection-store'

/** The first wait before opening the stream again, and the longest (the wait doubles in between). */
const firstRetryMs = 500
const longestRetryMs = 4000

/**
 * Browser mode's event stream (GET /api/events) that notices when it is gone and comes back by
 * itself. EventSource's own retry gives up for good on a refused answer (the 401 of a restarted
 * server) and says nothing while it retries, so every error closes it, tells the connection store,
 * and a new one is opened after a short wait, until one opens.
 */
export class EventStream {
  private source: EventSource | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private retryMs = firstRetryMs
  private closed = false
  /** Resolves when the stream is open, or after a short wait, so a send is never held for long. */
  connected: Promise<void> = Promise.resolve()

  constructor(
    private readonly onEvent: (event: AppEvent) => void,
    private readonly status: ConnectionStore,
  ) {
    this.open()
  }

  close(): void {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.source?.close()
    this.source = null
  }

  private open(): void {
    const source = new EventSource('/api/events', { withCredentials: true })
    this.source = source
    this.connected = opened(source)
    source.onopen = () => {
      this.retryMs = firstRetryMs
      this.status.opened()
    }
    source.onmessage = (message: MessageEvent<string>) => this.onEvent(JSON.parse(message.data) as AppEvent)
    source.onerror = () => {
      source.close()
      if (this.closed || this.source !== source) return
      void this.lost()
    }
  }

  private async lost(): Promise<void> {
    this.status.lost(await tokenRefused())
    if (this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.closed) this.open()
    }, this.retryMs)
    this.retryMs = Math.min(longestRetryMs, this.retryMs * 2)
  }
}

/** True when the server answers but refuses this tab's cookie: it was restarted with a new token. */
async function tokenRefused(): Promise<boolean> {
  try {
    const response = await fetch('/api/invoke/chat:active', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '',
    })
    return response.status === 401
  } catch {
    return false
  }
}

function opened(source: EventSource): Promise<void> {
  if (source.readyState === EventSource.OPEN) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000)
    source.addEventListener(
      'open',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}
