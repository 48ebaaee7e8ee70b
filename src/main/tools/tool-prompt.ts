/**
 * The prompt path as the API wants it: user messages, answers that have text, and an answer that
 * asked for tools as the assistant message with `tool_calls` followed by one `tool` message per call
 * (its result; for a call that never finished, that it was interrupted), so Continue and Regenerate
 * send the model exactly what it saw. A question with files goes as its content parts (attachment-parts.ts).
 */
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { StoredMessage } from '../../shared/history'
import { interruptedCallText } from '../../shared/tool-calls'
import { questionParts, type AttachmentSource } from '../chat/attachment-parts'

/** `source` reads a question's files: with it, a question with attachments goes as its content parts. */
export function toPromptMessages(messages: StoredMessage[], source?: AttachmentSource): ChatCompletionMessageParam[] {
  const prompt: ChatCompletionMessageParam[] = []
  for (const message of messages) {
    const calls = message.role === 'assistant' ? (message.toolCalls ?? []) : []
    if (calls.length > 0) {
      prompt.push({
        role: 'assistant',
        content: message.content || null,
        tool_calls: calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.functionName, arguments: call.arguments },
        })),
      })
      for (const call of calls)
        prompt.push({ role: 'tool', tool_call_id: call.id, content: call.result ?? interruptedCallText })
    } else if (message.role === 'user') {
      const parts = source ? questionParts(message, source) : undefined
      prompt.push({ role: 'user', content: parts ?? message.content })
    } else if (message.role === 'assistant' && message.content !== '') {
      prompt.push({ role: 'assistant', content: message.content })
    }
  }
  return prompt
}
