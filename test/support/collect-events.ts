import type { ChatEvent } from '../../src/shared/chat'

/** Collects chat events and waits for a stream's last one (`done` or `error`). */
export class EventLog {
  readonly events: ChatEvent[] = []
  private waiters: Array<() => void> = []

  readonly push = (event: ChatEvent): void => {
    this.events.push(event)
    for (const wake of this.waiters.splice(0)) wake()
  }

  of(streamId: string): ChatEvent[] {
    return this.events.filter((event) => event.streamId === streamId)
  }

  text(streamId: string): string {
    return this.of(streamId)
      .map((event) => (event.type === 'delta' ? event.content : ''))
      .join('')
  }

  async until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; events so far: ${JSON.stringify(this.events.slice(-5))}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  async end(streamId: string): Promise<ChatEvent> {
    await this.until(() => this.of(streamId).some((event) => event.type === 'done' || event.type === 'error'))
    return this.of(streamId).at(-1)!
  }
}
