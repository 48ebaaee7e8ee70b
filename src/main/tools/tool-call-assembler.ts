/**
 * Streamed `tool_calls` deltas put back together. A model sends each call in pieces keyed by `index`:
 * the first piece carries the id (and usually the name), later pieces more of the name or the
 * arguments; several calls may interleave in one answer. Chunks are read as `unknown` (see
 * chunk-fields.ts), so no gateway's shape can throw here. Some OpenAI-compatible gateways leave out
 * `index`: such a piece with an id not seen yet starts the next call, any other continues the last.
 * A piece whose index is there but not a whole number is ignored.
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

/** The longest name kept (the stored record's limit): a longer one names no tool, and its call fails alone. */
export const maxNameChars = 200

export class ToolCallAssembler {
  private readonly calls = new Map<number, AssembledToolCall>()
  private lastIndex = -1

  push(chunk: unknown): void {
    if (!isObject(chunk) || !Array.isArray(chunk.choices)) return
    const choice: unknown = chunk.choices[0]
    const delta = isObject(choice) && isObject(choice.delta) ? choice.delta : null
    if (!delta || !Array.isArray(delta.tool_calls)) return
    for (const piece of delta.tool_calls as unknown[]) {
      if (!isObject(piece)) continue
      const index = this.indexOf(piece)
      if (index === null) continue
      this.lastIndex = index
      const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' }
      if (typeof piece.id === 'string' && piece.id) call.id = piece.id
      const fn = isObject(piece.function) ? piece.function : null
      if (typeof fn?.name === 'string') call.name = (call.name + fn.name).slice(0, maxNameChars)
      if (typeof fn?.arguments === 'string' && call.arguments.length < maxArgumentChars)
        call.arguments = (call.arguments + fn.arguments).slice(0, maxArgumentChars)
      this.calls.set(index, call)
    }
  }

  private indexOf(piece: Fields): number | null {
    if (piece.index !== undefined)
      return typeof piece.index === 'number' && Number.isInteger(piece.index) ? piece.index : null
    const id = typeof piece.id === 'string' ? piece.id : ''
    for (const [index, call] of this.calls) if (id && call.id === id) return index
    const last = this.calls.get(this.lastIndex)
    return id && last?.id ? this.lastIndex + 1 : Math.max(this.lastIndex, 0)
  }

  /** The calls in index order; one without an id gets a stable one, so its result can answer it. */
  result(): AssembledToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, call]) => call.name !== '')
      .map(([index, call]) => ({ ...call, id: call.id || `call_index_${index}` }))
  }
}
