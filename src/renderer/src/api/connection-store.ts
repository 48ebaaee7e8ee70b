import { ExternalStore } from '../lib/external-store'

/**
 * Whether browser mode's event stream reaches the app's local server. `lost`: the server does not
 * answer (stopped, killed, the machine asleep); `restarted`: it answers but refuses this tab's token,
 * so it was started again and prints a new address. `reconnects` counts the times the stream came
 * back, so views re-read what they show once per return. The desktop app's IPC cannot be lost: there
 * it stays `open`.
 */
export interface ConnectionState {
  status: 'open' | 'lost' | 'restarted'
  reconnects: number
}

class ConnectionStore extends ExternalStore<ConnectionState> {
  lost(restarted: boolean): void {
    const status = restarted ? 'restarted' : 'lost'
    const now = this.getSnapshot()
    if (now.status !== status) this.set({ ...now, status })
  }

  opened(): void {
    const now = this.getSnapshot()
    if (now.status !== 'open') this.set({ status: 'open', reconnects: now.reconnects + 1 })
  }
}

/** One per page: the transport writes it, the views read it. */
export const connection = new ConnectionStore({ status: 'open', reconnects: 0 })
export type { ConnectionStore }
