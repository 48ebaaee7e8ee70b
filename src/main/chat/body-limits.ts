/**
 * Byte limits on a gateway's response body, checked as the bytes arrive (after undici has
 * decompressed them, so a small gzip body that expands to a gigabyte counts as a gigabyte).
 *
 * The SDK's SSE parser buffers a line until it ends, so one line that never ends grows main's
 * memory without limit while the idle watch sees bytes and stays quiet. A legitimate chunk is a few
 * KB; a line or an event (the lines up to a blank one) over `maxLineBytes` ends the body with
 * `BodyTooLargeError`, as does a body over `maxBodyBytes`. Nothing here keeps the bytes: each chunk
 * is passed on at once, only counters are kept.
 */

export interface BodyLimits {
  /** One SSE line, and one SSE event; ignored for bodies that are not lines (JSON, errors). */
  maxLineBytes: number | null
  /** The whole body after decompression. */
  maxBodyBytes: number
}

/** What a chat request's response may weigh: a streamed body's limits, and a JSON answer's cap. */
export interface AnswerBodyLimits extends BodyLimits {
  /** A non-streamed JSON answer, read whole (`jsonBodyBytesFor`). */
  maxJsonBodyBytes: number
}

/** The default line / event cap: a legitimate chunk is a few KB, a 64 KB delta well under this. */
export const defaultMaxLineBytes = 1024 * 1024

/**
 * The body cap for an answer cap: generous, since chunks carry ~150 bytes of JSON around a few
 * characters, and the body streams through (only its lines are buffered); it bounds a gateway that
 * sends bytes forever that are not answer text.
 */
export function bodyBytesFor(maxAnswerChars: number): number {
  return Math.max(16 * 1024 * 1024, maxAnswerChars * 64)
}

/**
 * The body cap for a non-streamed JSON answer, which is read whole before it is used (no lines to
 * stream through): at most 4 UTF-8 bytes per answer character plus 64 KB for the JSON around it,
 * and never over 256 MB (at 50M characters `bodyBytesFor` would allow 3.2 GB held at once).
 */
export function jsonBodyBytesFor(maxAnswerChars: number): number {
  return Math.min(maxAnswerChars * 4 + 64 * 1024, 256 * 1024 * 1024)
}

export type BodyLimitReason = 'line' | 'body'

/** Thrown into the body stream when a limit is passed; `reason` says which. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
  constructor(
    readonly reason: BodyLimitReason,
    readonly limitBytes: number,
  ) {
    super(
      reason === 'line'
        ? `The gateway sent a line or event longer than ${limitBytes} bytes.`
        : `The gateway sent more than ${limitBytes} bytes.`,
    )
  }
}

const newline = 0x0a
const carriageReturn = 0x0d

/**
 * A transform that counts bytes, lines and events and errors the stream when a limit is passed.
 * `onLimit` hears it first (to abort the request and release the socket).
 */
export function limitBody(
  limits: BodyLimits,
  onLimit: (error: BodyTooLargeError) => void,
): TransformStream<Uint8Array, Uint8Array> {
  let bodyBytes = 0
  let lineBytes = 0
  let eventBytes = 0
  const fail = (controller: TransformStreamDefaultController<Uint8Array>, error: BodyTooLargeError) => {
    onLimit(error)
    controller.error(error)
  }
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bodyBytes += chunk.byteLength
      if (bodyBytes > limits.maxBodyBytes) return fail(controller, new BodyTooLargeError('body', limits.maxBodyBytes))
      const maxLine = limits.maxLineBytes
      if (maxLine !== null) {
        let start = 0
        for (let end = chunk.indexOf(newline, start); end !== -1; end = chunk.indexOf(newline, start)) {
          let length = end - start
          if (length > 0 && chunk[end - 1] === carriageReturn) length--
          lineBytes += length
          // A blank line ends an SSE event; any other line is part of the current one.
          eventBytes = lineBytes === 0 ? 0 : eventBytes + lineBytes
          if (lineBytes > maxLine || eventBytes > maxLine)
            return fail(controller, new BodyTooLargeError('line', maxLine))
          lineBytes = 0
          start = end + 1
        }
        lineBytes += chunk.byteLength - start
        if (lineBytes > maxLine || eventBytes + lineBytes > maxLine)
          return fail(controller, new BodyTooLargeError('line', maxLine))
      }
      controller.enqueue(chunk)
    },
  })
}

/**
 * Keeps only the first `maxBytes` of a body and ends it there: for error bodies, which the SDK reads
 * whole into one string (a gateway's error page can be any size; its first KB say what went wrong).
 */
export function truncateBody(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (seen >= maxBytes) return controller.terminate()
      const room = maxBytes - seen
      seen += chunk.byteLength
      controller.enqueue(chunk.byteLength > room ? chunk.subarray(0, room) : chunk)
      if (seen >= maxBytes) controller.terminate()
    },
  })
}
