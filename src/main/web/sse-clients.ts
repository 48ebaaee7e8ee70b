import type { ServerResponse } from 'node:http'

/**
 * The browser tabs listening for chat events. Each gets every event (like every desktop window), a
 * keep-alive comment so proxies and idle timers keep the connection open, and is forgotten on close.
 */
export class SseClients {
  private readonly clients = new Set<ServerResponse>()
  private readonly heartbeat: ReturnType<typeof setInterval>

  constructor(heartbeatMs = 15_000) {
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs)
    this.heartbeat.unref()
  }

  add(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    })
    response.write('retry: 2000\n\n')
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
  }

  send(data: unknown): void {
    this.write(`data: ${JSON.stringify(data)}\n\n`)
  }

  get size(): number {
    return this.clients.size
  }

  close(): void {
    clearInterval(this.heartbeat)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text)
  }
}
