/**
 * Streamed `tool_calls` deltas put back together. A model sends each call in pieces keyed by `index`:
 * the first piece carries the id (and usually the name), later pieces more of the name or the
 * arguments; several calls may interleave in one answer. Chunks are read as `unknown` (see
 * chunk-fields.ts), so no gateway's shape can throw here; pieces without an index are ignored.
 */

export interface AssembledToolCall {
  id: string
  name: string
  /** The arguments as the model wrote them: JSON text, not yet parsed (it may be invalid). */
  arguments: string
}

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null

/** The longest arguments text kept for one call; a model looping on one call cannot fill memory. */
export const maxArgumentChars = 1_000_000

export class ToolCallAssembler {
  private readonly calls = new Map<number, AssembledToolCall>()

  push(chunk: unknown): void {
    if (!isObject(chunk) || !Array.isArray(chunk.choices)) return
    const choice: unknown = chunk.choices[0]
    const delta = isObject(choice) && isObject(choice.delta) ? choice.delta : null
    if (!delta || !Array.isArray(delta.tool_calls)) return
    for (const piece of delta.tool_calls as unknown[]) {
      if (!isObject(piece) || typeof piece.index !== 'number' || !Number.isInteger(piece.index)) continue
      const call = this.calls.get(piece.index) ?? { id: '', name: '', arguments: '' }
      if (typeof piece.id === 'string' && piece.id) call.id = piece.id
      const fn = isObject(piece.function) ? piece.function : null
      if (typeof fn?.name === 'string') call.name += fn.name
      if (typeof fn?.arguments === 'string' && call.arguments.length < maxArgumentChars)
        call.arguments = (call.arguments + fn.arguments).slice(0, maxArgumentChars)
      this.calls.set(piece.index, call)
    }
  }

  /** The calls in index order; one without an id gets a stable one, so its result can answer it. */
  result(): AssembledToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, call]) => call.name !== '')
      .map(([index, call]) => ({ ...call, id: call.id || `call_index_${index}` }))
  }
}
