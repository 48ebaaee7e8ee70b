/**
 * A `fetch` for the SDK's Streamable HTTP transport that refuses replies over a size cap. The SDK
 * reads a JSON reply whole and buffers an SSE event until it ends, without limit, so a server gone
 * wrong could fill main's memory. Every response body passes through a byte counter that errors the
 * stream past `maxBytes`: for JSON, the whole body; for an event stream, each event (the count starts
 * again after each blank line, so a long-lived stream of small events is fine).
 */
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'

export class ReplyTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`The tool server sent a message larger than ${maxBytes / 1024 / 1024} MB, so it was stopped.`)
    this.name = 'ReplyTooLargeError'
  }
}

/**
 * `onTooLarge` runs when a reply is cut. For JSON the SDK's request fails with the stream's error;
 * for an event stream the SDK only reports a broken stream and the request would wait forever, so
 * the caller ends the connection there (which fails what waits on it).
 */
export function cappedFetch(maxBytes: number, base: FetchLike = fetch, onTooLarge: () => void = () => {}): FetchLike {
  return async (input, init) => {
    const response = await base(input, init)
    if (!response.body) return response
    const perEvent = (response.headers.get('content-type') ?? '').includes('text/event-stream')
    let count = 0
    let lastWasNewline = false
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        let over = false
        if (!perEvent) {
          count += chunk.length
          over = count > maxBytes
        } else
          for (const byte of chunk) {
            if (byte === 0x0d) continue
            count += 1
            // Checked at each byte: a whole event in one chunk ends (and resets the count) before
            // the chunk does, so a check after the chunk would let any event through.
            if (count > maxBytes) {
              over = true
              break
            }
            const newline = byte === 0x0a
            if (newline && lastWasNewline) count = 0
            lastWasNewline = newline
          }
        if (over) {
          controller.error(new ReplyTooLargeError(maxBytes))
          onTooLarge()
        } else controller.enqueue(chunk)
      },
    })
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
}
