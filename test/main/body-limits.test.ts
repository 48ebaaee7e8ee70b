import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, jsonBodyBytesFor, limitBody, truncateBody } from '../../src/main/chat/body-limits'
import { jsonAnswerAsSse } from '../../src/main/chat/json-answer'

/** Pipes `pieces` through `transform`; resolves with the bytes out, or the error the stream ended with. */
async function through(transform: TransformStream<Uint8Array, Uint8Array>, pieces: string[]) {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece))
      controller.close()
    },
  })
  try {
    return { text: await new Response(source.pipeThrough(transform)).text(), error: null }
  } catch (error) {
    return { text: null, error }
  }
}

describe('body limits', () => {
  const limits = { maxLineBytes: 100, maxBodyBytes: 10_000 }

  it('passes ordinary SSE through unchanged, whatever the chunking and line endings', async () => {
    const events = ['data: {"a":1}\n\n', ': ping\r\n\r\n', `data: ${'x'.repeat(90)}\n\n`, 'data: [DONE]\n\n']
    const text = events.join('')
    const pieces = text.match(/[\s\S]{1,7}/g)!
    expect(
      await through(
        limitBody(limits, () => {}),
        pieces,
      ),
    ).toEqual({ text, error: null })
  })

  it('ends a line longer than the cap, split over many chunks', async () => {
    const heard: BodyTooLargeError[] = []
    const result = await through(
      limitBody(limits, (error) => heard.push(error)),
      ['data: ', ...Array<string>(30).fill('aaaaa')],
    )
    expect(result.error).toBeInstanceOf(BodyTooLargeError)
    expect(heard.map((error) => error.reason)).toEqual(['line'])
  })

  it('ends an event of many short lines that adds up past the cap', async () => {
    const result = await through(
      limitBody(limits, () => {}),
      Array<string>(20).fill('data: 123456789\n'),
    )
    expect((result.error as BodyTooLargeError).reason).toBe('line')
  })

  it('ends a body past its cap, even of short complete events', async () => {
    const result = await through(
      limitBody(limits, () => {}),
      Array<string>(2100).fill(': p\n\n'),
    )
    expect((result.error as BodyTooLargeError).reason).toBe('body')
  })

  it('counts nothing against lines in a JSON body (maxLineBytes null), only its size', async () => {
    const json = JSON.stringify({ content: 'y'.repeat(5000) })
    expect(
      await through(
        limitBody({ maxLineBytes: null, maxBodyBytes: 10_000 }, () => {}),
        [json],
      ),
    ).toEqual({
      text: json,
      error: null,
    })
  })

  it('keeps only the start of an error body', async () => {
    expect(await through(truncateBody(10), ['0123', '456789abc', 'def'])).toEqual({ text: '0123456789', error: null })
  })
})

describe('a JSON answer read as SSE', () => {
  it('turns a JSON error object into an error event, and anything else into nothing', () => {
    expect(jsonAnswerAsSse('{"error":{"message":"nope"}}')).toBe('data: {"error":{"message":"nope"}}\n\n')
    expect(jsonAnswerAsSse('{"object":"list"}')).toBeNull()
    expect(jsonAnswerAsSse('not json')).toBeNull()
  })
})

describe('the JSON answer cap', () => {
  it('allows 4 bytes per answer character and 64 KB of JSON, never more than 256 MB', () => {
    expect(jsonBodyBytesFor(2_000_000)).toBe(8_000_000 + 65_536)
    expect(jsonBodyBytesFor(50_000_000)).toBe(200_000_000 + 65_536)
    expect(jsonBodyBytesFor(100_000_000)).toBe(256 * 1024 * 1024)
  })
})
