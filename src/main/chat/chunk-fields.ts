/**
 * Reading a streamed chunk. Gateways route to many providers and send shapes the SDK's types do not
 * promise: no `choices`, `choices: []` with only usage, a role-only first chunk, `content: null`,
 * content that is not a string, or JSON that is not an object at all. Each reader takes `unknown` and
 * answers "nothing here" for anything it does not recognise, so no chunk's shape can throw in main.
 */
import type { Usage } from '../../shared/chat'

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null

function firstChoice(chunk: unknown): Fields | null {
  if (!isObject(chunk) || !Array.isArray(chunk.choices)) return null
  const choice: unknown = chunk.choices[0]
  return isObject(choice) ? choice : null
}

function deltaOf(chunk: unknown): Fields | null {
  const delta = firstChoice(chunk)?.delta
  return isObject(delta) ? delta : null
}

/** Answer text; a `refusal` is what the model says instead of an answer, so it is shown as the answer. */
export function contentOf(chunk: unknown): string {
  const delta = deltaOf(chunk)
  if (typeof delta?.content === 'string' && delta.content) return delta.content
  return typeof delta?.refusal === 'string' ? delta.refusal : ''
}

/** Thinking text: `reasoning_content` (DeepSeek) or `reasoning` (OpenRouter and others). */
export function reasoningOf(chunk: unknown): string {
  const delta = deltaOf(chunk)
  if (typeof delta?.reasoning_content === 'string') return delta.reasoning_content
  return typeof delta?.reasoning === 'string' ? delta.reasoning : ''
}

export function finishReasonOf(chunk: unknown): string | null {
  const reason = firstChoice(chunk)?.finish_reason
  return typeof reason === 'string' && reason ? reason : null
}

/** Token counts from the usage chunk; null unless the completion count is there. */
export function usageOf(chunk: unknown): Usage | null {
  const usage = isObject(chunk) && isObject(chunk.usage) ? chunk.usage : null
  if (!usage || typeof usage.completion_tokens !== 'number') return null
  const promptTokens = typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : 0
  return {
    promptTokens,
    completionTokens: usage.completion_tokens,
    totalTokens: typeof usage.total_tokens === 'number' ? usage.total_tokens : promptTokens + usage.completion_tokens,
  }
}
