/**
 * Failures the fake gateway can act out, steered from the last user message like the reply itself,
 * so every test, demo and end-to-end run reaches a failure through real HTTP and the real SDK:
 *
 *   [[status=429]]        answer with this HTTP status and OpenAI's error body (400 → context too long)
 *   [[retry-after=2]]     with a status: a Retry-After header, in seconds
 *   [[fail-times=2]]      with a status: fail only the first N requests of this message, then answer
 *   [[drop=10]]           after N tokens, destroy the connection (no final chunk, no [DONE])
 *   [[no-done=10]]        after N tokens, end the response cleanly but without finish_reason or [DONE]
 *   [[malformed=10]]      after N tokens, send a chunk that is not JSON
 *   [[stream-error=10]]   after N tokens, send `data: {"error": ...}` inside the stream
 *   [[stall=10]]          after N tokens, send nothing more (the connection stays open)
 *   [[ping=500]]          a `: ping` comment every N ms while the stream is open
 *   [[reasoning=8]]       N tokens of `delta.reasoning_content` (DeepSeek's thinking) before the answer
 *   [[per-tick=2]]        N tokens per pacing tick ([[delay=1]] [[per-tick=2]] is about 2,000 tokens/s)
 *   [[split-bytes=1]]     write each SSE event in two pieces cut inside a multi-byte character
 *   [[no-usage=1]]        send no usage chunk even when asked for one (as some providers do)
 */
export interface Scenario {
  status: number | null
  retryAfterSeconds: number | null
  failTimes: number | null
  drop: number | null
  noDone: number | null
  malformed: number | null
  streamError: number | null
  stall: number | null
  pingMs: number | null
  reasoning: number | null
  perTick: number | null
  splitBytes: boolean
  noUsage: boolean
}

function directive(text: string, name: string): number | null {
  const match = new RegExp(`\\[\\[${name}=(\\d+)\\]\\]`).exec(text)
  return match ? Number(match[1]) : null
}

export function readScenario(lastUserMessage: string): Scenario {
  return {
    status: directive(lastUserMessage, 'status'),
    retryAfterSeconds: directive(lastUserMessage, 'retry-after'),
    failTimes: directive(lastUserMessage, 'fail-times'),
    drop: directive(lastUserMessage, 'drop'),
    noDone: directive(lastUserMessage, 'no-done'),
    malformed: directive(lastUserMessage, 'malformed'),
    streamError: directive(lastUserMessage, 'stream-error'),
    stall: directive(lastUserMessage, 'stall'),
    pingMs: directive(lastUserMessage, 'ping'),
    reasoning: directive(lastUserMessage, 'reasoning'),
    perTick: directive(lastUserMessage, 'per-tick'),
    splitBytes: directive(lastUserMessage, 'split-bytes') === 1,
    noUsage: directive(lastUserMessage, 'no-usage') === 1,
  }
}

/** What a failing status says, in the words and codes providers use. */
export function statusError(status: number): { message: string; type: string; code: string | null } {
  switch (status) {
    case 400:
      return {
        message:
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      }
    case 403:
      return { message: 'This key is not allowed to use this model.', type: 'permission_error', code: null }
    case 413:
      return { message: 'Request entity too large.', type: 'invalid_request_error', code: null }
    case 429:
      return {
        message: 'Rate limit reached for requests. Please try again later.',
        type: 'requests',
        code: 'rate_limit_exceeded',
      }
    case 529:
      return { message: 'The upstream provider is overloaded.', type: 'overloaded_error', code: null }
    default:
      return { message: `Upstream error ${status}.`, type: 'server_error', code: null }
  }
}
