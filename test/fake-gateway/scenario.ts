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
 *   [[hang=1]]            accept the request and never answer (no status, no headers)
 *   [[event-error=10]]    after N tokens, send a named `event: error` with an error object
 *   [[bad-request=1]]     with [[status=400]]: a 400 that is not about context length (a bad parameter)
 *   [[odd-chunks=1]]      before the answer, chunks of every odd shape gateways send (no choices, no delta,
 *                         content null or not a string, an empty choices list without usage)
 *   [[reasoning-field=1]] thinking as `delta.reasoning` (OpenRouter and others) instead of `reasoning_content`
 *   [[refusal=1]]         the answer's tokens as `delta.refusal` (the model declines)
 *   [[content-filter=10]] after N tokens, finish with `content_filter`
 *   [[no-usage=1]]        no usage chunk even when asked for one (providers that send none)
 * Hostile gateways (limits, deadlines, misleading answers):
 *   [[endless-line=1]]    after the first chunk, one `data:` line that never ends (64 KB writes, as fast as read)
 *   [[gzip-bomb=1]]       a gzip body of about 1 MB that expands to 1 GB on one line
 *   [[big-deltas=65536]]  deltas of N characters, forever (until the client goes)
 *   [[trickle=40000]]     the first token, then the answer's bytes one at a time, one every N ms
 *   [[ping-forever=1]]    after the first chunk, only `: ping` comments (every 50 ms), forever
 *   [[json-answer=1]]     a non-streamed `chat.completion` JSON to a streaming request
 *   [[json-pad=1048576]]  with json-answer: N bytes of padding in an extra field (a huge body, a short answer)
 *   [[html-error=502]]    this status with an HTML error page (as proxies and load balancers send; 200 too,
 *                         as a captive portal or a website at the base URL answers)
 *   [[html-untitled=180]] with html-error: a page with no <title>, its text N filler characters then the echo
 *   [[redirect=301]]      redirect the request to the gateway's `redirectTarget` (another origin)
 *   [[redirect-same=307]] redirect to this gateway's /v1/moved/ path (same origin), which answers
 *   [[echo-key=base64]]   the presented key in this encoding (base64, base64url, json, url) in errors
 *                         and in the answer's text
 * Function calling (`[[call=name:{json}]]`, `[[call-loop=1]]`): see tool-calls.ts.
 * For one model only (Compare sends one question to several): `[[gpt-4.1:delay=5]]` applies `delay=5`
 * to requests for `gpt-4.1` and is dropped for the others (see `forModel`).
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
  hang: boolean
  eventError: number | null
  badRequest: boolean
  oddChunks: boolean
  reasoningField: boolean
  refusal: boolean
  contentFilter: number | null
  noUsage: boolean
  endlessLine: boolean
  gzipBomb: boolean
  bigDeltas: number | null
  trickleMs: number | null
  pingForever: boolean
  jsonAnswer: boolean
  jsonPad: number | null
  htmlError: number | null
  htmlUntitled: number | null
  redirect: number | null
  redirectSame: number | null
  echoKey: KeyEncoding | null
}

export const keyEncodings = ['base64', 'base64url', 'json', 'url'] as const
export type KeyEncoding = (typeof keyEncodings)[number]

/** The key as a hostile gateway echoes it; `json` is every character as a `\uXXXX` escape (valid JSON). */
export function encodeKey(key: string, encoding: KeyEncoding): string {
  switch (encoding) {
    case 'base64':
      return Buffer.from(key).toString('base64')
    case 'base64url':
      return Buffer.from(key).toString('base64url')
    case 'json':
      return [...key].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    case 'url':
      return [...Buffer.from(key)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  }
}

/** The message as `model` sees it: its own `[[model:name=value]]` directives become plain ones, others go. */
export function forModel(text: string, model: string): string {
  return text.replace(/\[\[([^\]:=[]+):([a-z-]+=\d+)\]\]/g, (_, target: string, rest: string) =>
    target === model ? `[[${rest}]]` : '',
  )
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
    hang: directive(lastUserMessage, 'hang') === 1,
    eventError: directive(lastUserMessage, 'event-error'),
    badRequest: directive(lastUserMessage, 'bad-request') === 1,
    oddChunks: directive(lastUserMessage, 'odd-chunks') === 1,
    reasoningField: directive(lastUserMessage, 'reasoning-field') === 1,
    refusal: directive(lastUserMessage, 'refusal') === 1,
    contentFilter: directive(lastUserMessage, 'content-filter'),
    noUsage: directive(lastUserMessage, 'no-usage') === 1,
    endlessLine: directive(lastUserMessage, 'endless-line') === 1,
    gzipBomb: directive(lastUserMessage, 'gzip-bomb') === 1,
    bigDeltas: directive(lastUserMessage, 'big-deltas'),
    trickleMs: directive(lastUserMessage, 'trickle'),
    pingForever: directive(lastUserMessage, 'ping-forever') === 1,
    jsonAnswer: directive(lastUserMessage, 'json-answer') === 1,
    jsonPad: directive(lastUserMessage, 'json-pad'),
    htmlError: directive(lastUserMessage, 'html-error'),
    htmlUntitled: directive(lastUserMessage, 'html-untitled'),
    redirect: directive(lastUserMessage, 'redirect'),
    redirectSame: directive(lastUserMessage, 'redirect-same'),
    echoKey: keyEncodings.find((encoding) => lastUserMessage.includes(`[[echo-key=${encoding}]]`)) ?? null,
  }
}

/** What a failing status says, in the words and codes providers use. */
export function statusError(
  status: number,
  scenario: Pick<Scenario, 'badRequest'>,
): { message: string; type: string; code: string | null } {
  if (status === 400 && scenario.badRequest)
    return {
      message: "Invalid value for 'temperature': expected a number between 0 and 2.",
      type: 'invalid_request_error',
      code: 'invalid_value',
    }
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
