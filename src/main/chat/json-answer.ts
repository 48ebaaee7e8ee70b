/**
 * Some gateways answer a streaming request with one ordinary JSON `chat.completion` (status 200,
 * `application/json`): they ignore `stream: true`. The SDK would read that body as SSE, find no
 * event, and the answer would end as "stream ended early" with the whole answer in hand. This turns
 * such a body into the SSE the SDK expects (the content in slices, the finish reason, the usage,
 * `[DONE]`), so the rest of the chat path sees an ordinary stream. A JSON `{ error }` becomes an error
 * event, which the SDK raises as the gateway's error.
 */

type Fields = Record<string, unknown>
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null

/** Content per synthetic chunk: well under the line cap, whatever the answer's length. */
const sliceChars = 16_384

export function isJsonResponse(response: Response): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')
}

/** The SSE text for a non-streamed JSON body, or null when it is neither a completion nor an error. */
export function jsonAnswerAsSse(bodyText: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(bodyText)
  } catch {
    return null
  }
  if (!isObject(parsed)) return null
  if (isObject(parsed.error)) return `data: ${JSON.stringify({ error: parsed.error })}\n\n`
  const choice: unknown = Array.isArray(parsed.choices) ? parsed.choices[0] : undefined
  if (!isObject(choice) || !isObject(choice.message)) return null
  const { message } = choice
  const base = {
    id: typeof parsed.id === 'string' ? parsed.id : 'chatcmpl-json',
    object: 'chat.completion.chunk',
    created: typeof parsed.created === 'number' ? parsed.created : 0,
    model: typeof parsed.model === 'string' ? parsed.model : '',
  }
  const event = (delta: Fields, finishReason: unknown = null) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`
  const events: string[] = []
  for (const field of ['reasoning_content', 'reasoning', 'content', 'refusal'] as const) {
    const text = message[field]
    if (typeof text !== 'string') continue
    for (let start = 0; start < text.length; start += sliceChars)
      events.push(event({ [field]: text.slice(start, start + sliceChars) }))
  }
  const finish = typeof choice.finish_reason === 'string' && choice.finish_reason ? choice.finish_reason : 'stop'
  events.push(event({}, finish))
  if (isObject(parsed.usage)) events.push(`data: ${JSON.stringify({ ...base, choices: [], usage: parsed.usage })}\n\n`)
  events.push('data: [DONE]\n\n')
  return events.join('')
}
