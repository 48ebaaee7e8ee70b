/**
 * Talks to a browser mode child process as its page does: JSON calls and the SSE event stream, with
 * the token header.
 */
import type { AppEvent } from '../../src/shared/events'
import type { Result } from '../../src/shared/errors'
import type { BrowserModeProcess } from './browser-mode'

export function browserModeClient(app: BrowserModeProcess) {
  const url = new URL(app.url)
  const headers = { 'x-holysheep-token': url.searchParams.get('token')! }
  return {
    /** The result envelope as the page gets it. */
    async call<T>(channel: string, body: unknown): Promise<Result<T>> {
      const response = await fetch(`${url.origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      return (await response.json()) as Result<T>
    },
    /** The value, or a thrown error naming the channel and the error. */
    async invoke<T>(channel: string, body: unknown): Promise<T> {
      const result = await this.call<T>(channel, body)
      if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`)
      return result.value
    },
    /** Every event, for as long as the connection lives. */
    async listen(onEvent: (event: AppEvent) => void): Promise<void> {
      const response = await fetch(`${url.origin}/api/events`, { headers })
      void (async () => {
        const decoder = new TextDecoder()
        let buffer = ''
        try {
          for await (const bytes of response.body as AsyncIterable<Uint8Array>) {
            buffer += decoder.decode(bytes, { stream: true })
            let boundary: number
            while ((boundary = buffer.indexOf('\n\n')) !== -1) {
              const frame = buffer.slice(0, boundary)
              buffer = buffer.slice(boundary + 2)
              if (frame.startsWith('data: ')) onEvent(JSON.parse(frame.slice(6)) as AppEvent)
            }
          }
        } catch {
          // The server stopped or was killed: the stream ends with a socket error.
        }
      })()
    },
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
