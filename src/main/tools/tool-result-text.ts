/**
 * A tool's result as the text the model receives and history stores. Results are untrusted: they are
 * text (never HTML) and capped, so a server answering 10 MB cannot fill the prompt, the database or
 * the renderer. The cap is in characters, 100,000 by default (about 100 KB of ASCII).
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'

export const defaultMaxResultChars = 100_000

export interface ToolResultText {
  text: string
  isError: boolean
  /** The length before the cap, when the cap cut it. */
  truncatedFrom: number | null
}

function partText(part: CallToolResult['content'][number]): string {
  switch (part.type) {
    case 'text':
      return part.text
    case 'image':
    case 'audio':
      return `[${part.type}: ${part.mimeType}, ${part.data.length} base64 characters, not shown]`
    case 'resource':
      return 'text' in part.resource ? part.resource.text : `[resource ${part.resource.uri}, binary, not shown]`
    case 'resource_link':
      return `[resource link ${part.uri}]`
    default:
      return ''
  }
}

export function toolResultText(result: CallToolResult, maxChars = defaultMaxResultChars): ToolResultText {
  const parts = Array.isArray(result.content) ? result.content.map(partText) : []
  if (parts.length === 0 && result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent))
  return capped(parts.join('\n'), result.isError === true, maxChars)
}

export function capped(text: string, isError: boolean, maxChars = defaultMaxResultChars): ToolResultText {
  if (text.length <= maxChars) return { text, isError, truncatedFrom: null }
  return {
    text: `${text.slice(0, maxChars)}\n[The result was cut at ${maxChars} of its ${text.length} characters.]`,
    isError,
    truncatedFrom: text.length,
  }
}
