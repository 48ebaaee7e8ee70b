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

/**
 * The same history for a request that offers no tools (tools off for the conversation, or no server
 * answering): the API refuses `tool_calls` and `tool` messages without `tools`, so each answer that
 * asked for calls becomes one plain assistant message that says, in words, what it called and what
 * came back. The model keeps the facts; the request stays valid.
 */
export function withoutToolMessages(messages: ChatCompletionMessageParam[]): ChatCompletionMessageParam[] {
  const plain: ChatCompletionMessageParam[] = []
  let open: { names: Map<string, string>; lines: string[] } | null = null
  const close = () => {
    if (open) plain.push({ role: 'assistant', content: open.lines.join('\n\n') })
    open = null
  }
  for (const message of messages) {
    if (message.role === 'assistant' && message.tool_calls?.length) {
      close()
      const names = new Map<string, string>()
      const lines = typeof message.content === 'string' && message.content ? [message.content] : []
      for (const call of message.tool_calls) {
        const name = call.type === 'function' ? call.function.name : call.id
        names.set(call.id, name)
        if (call.type === 'function') lines.push(`[Called the tool ${name} with ${call.function.arguments || '{}'}]`)
      }
      open = { names, lines }
    } else if (message.role === 'tool') {
      const text =
        typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join('')
      const current: { names: Map<string, string>; lines: string[] } = open ?? { names: new Map(), lines: [] }
      open = current
      current.lines.push(`[Result of ${current.names.get(message.tool_call_id) ?? message.tool_call_id}]\n${text}`)
    } else {
      close()
      plain.push(message)
    }
  }
  close()
  return plain
}
