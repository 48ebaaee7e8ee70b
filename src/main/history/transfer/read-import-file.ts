/**
 * Turns the bytes of an import file into conversations, or refuses the whole file with one message
 * that names the first fault and where it is (`conversations[3].messages[7].role: ...`). Nothing is
 * written until this has accepted every conversation: validation comes first, import second.
 */
import type { z } from 'zod'
import type { ImportFormat } from '../../../shared/transfer'
import type { ConversationBundle } from '../history-api'
import { bundlesFromChatGpt, ChatGptExportSchema, looksLikeChatGptExport } from './chatgpt-format'
import { bundlesFromJsonExport, jsonFormatName, JsonExportSchema } from './json-format'

/** A file we refuse; its message is shown to the user as it is. */
export class InvalidImportFile extends Error {
  override readonly name = 'InvalidImportFile'
}

export function readImportFile(text: string, now: number): { format: ImportFormat; bundles: ConversationBundle[] } {
  if (text.trim() === '') throw new InvalidImportFile('The file is empty.')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new InvalidImportFile(
      `The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`,
    )
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'format' in parsed) {
    if (parsed.format !== jsonFormatName)
      throw new InvalidImportFile(`format: expected "${jsonFormatName}", found ${JSON.stringify(parsed.format)}.`)
    const file = validate(JsonExportSchema, parsed)
    return { format: 'holysheep-json', bundles: nonEmpty(bundlesFromJsonExport(file)) }
  }
  if (looksLikeChatGptExport(parsed)) {
    const file = validate(ChatGptExportSchema, parsed)
    try {
      return { format: 'chatgpt', bundles: nonEmpty(bundlesFromChatGpt(file, now)) }
    } catch (error) {
      if (error instanceof InvalidImportFile) throw error
      throw new InvalidImportFile(error instanceof Error ? error.message : String(error))
    }
  }
  throw new InvalidImportFile(
    `This is not a file the app can import: expected a HolySheep Chat export ({"format": "${jsonFormatName}", ...}) ` +
      "or ChatGPT's conversations.json (an array of conversations with a mapping).",
  )
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  throw new InvalidImportFile(`${placeOf(issue.path)}: ${issue.message}`)
}

/** `['conversations', 3, 'messages', 7, 'role']` → `conversations[3].messages[7].role`. */
export function placeOf(path: readonly PropertyKey[]): string {
  let place = ''
  for (const part of path) {
    if (typeof part === 'number') place += `[${part}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) place += place ? `.${String(part)}` : String(part)
    else place += `[${JSON.stringify(String(part))}]`
  }
  return place || '(the whole file)'
}

function nonEmpty(bundles: ConversationBundle[]): ConversationBundle[] {
  if (bundles.length === 0) throw new InvalidImportFile('The file holds no conversations.')
  return bundles
}
