/**
 * Function calling, acted out as real `tool_calls` deltas so the app's assembly and its follow-up
 * request go through the real SDK. Steered from the last user message like every other scenario:
 *
 *   [[call=echo:{"text":"hi"}]]  ask for tool `echo` with these JSON arguments (repeat for parallel calls,
 *                                all in one answer; arguments default to `{}` when the `:` part is absent)
 *   [[call-loop=1]]              ask again for the same calls after every tool result (for the step limit)
 *
 * The calls are only asked for when the request offers tools (`tools` in the body, and `tool_choice`
 * is not `none`); each call streams
 * as OpenAI does but in smaller pieces: its id, index and the first half of its name, then the second
 * half of the name, then the arguments in pieces of 5 characters, calls one after another, then
 * `finish_reason: "tool_calls"`. When the request carries `tool` messages after the last user message
 * and no loop is asked for, the answer echoes them, so a test reads what the model received.
 */

export interface PlannedCall {
  name: string
  arguments: string
}

export interface ToolMessage {
  role?: unknown
  content?: unknown
  tool_call_id?: unknown
}

/** The calls the message asks for, in order. */
export function plannedCalls(lastUserMessage: string): PlannedCall[] {
  const calls: PlannedCall[] = []
  for (const match of lastUserMessage.matchAll(/\[\[call=([\w.-]+)(?::(.*?))?\]\](?!\])/g)) {
    calls.push({ name: match[1] ?? '', arguments: match[2] ?? '{}' })
  }
  return calls
}

/** The tool messages that follow the last user message (this step's results), in order. */
export function toolResultsSinceUser(messages: ToolMessage[]): ToolMessage[] {
  const lastUser = messages.map((message) => message.role).lastIndexOf('user')
  return messages.slice(lastUser + 1).filter((message) => message.role === 'tool')
}

/** What the model "says" after reading tool results: each result's call id, its length and its start. */
export function echoToolResults(results: ToolMessage[]): string {
  const parts = results.map((result) => {
    const content = typeof result.content === 'string' ? result.content : JSON.stringify(result.content)
    return `[${String(result.tool_call_id)}] (${content.length} chars) ${content.slice(0, 200)}`
  })
  return `Tool results: ${parts.join(' | ')}`
}

/** The deltas of one answer that asks for `calls`, in the order they are sent. */
export function toolCallDeltas(calls: PlannedCall[], idPrefix: string): object[] {
  const deltas: object[] = []
  calls.forEach((call, index) => {
    const half = Math.ceil(call.name.length / 2)
    deltas.push({
      tool_calls: [
        {
          index,
          id: `${idPrefix}_${index}`,
          type: 'function',
          function: { name: call.name.slice(0, half), arguments: '' },
        },
      ],
    })
    deltas.push({ tool_calls: [{ index, function: { name: call.name.slice(half) } }] })
    for (let at = 0; at < call.arguments.length; at += 5)
      deltas.push({ tool_calls: [{ index, function: { arguments: call.arguments.slice(at, at + 5) } }] })
  })
  return deltas
}
