/**
 * Turns the text of an import file into conversations, or refuses the whole file with one message
 * that names the first fault and where it is (`conversations[3].messages[7].role: ...`, or a line
 * and column when it is not JSON). Nothing is written until this has accepted every conversation:
 * validation comes first, import second.
 */
import type { ImportFormat } from '../../../shared/transfer'
import type { ConversationBundle } from '../history-api'
import { bundlesFromChatGpt, looksLikeChatGptExport } from './chatgpt-format'
import { InvalidImportFile } from './import-errors'
import { bundlesFromJsonExport, jsonFormatName } from './json-format'
import { findJsonSyntaxFault } from './json-syntax-error'

export { InvalidImportFile } from './import-errors'

export interface ImportFile {
  format: ImportFormat
  bundles: ConversationBundle[]
  /** A ChatGPT file's attachments that could not be brought (it names them but holds no bytes), in order. */
  attachmentsNotImported: string[]
}

/** Parse, detect, validate, convert: for callers that hold the text anyway (tests, small files). */
export function readImportFile(text: string, now: number): ImportFile {
  return bundlesFromImportFile(parseImportText(text), now)
}

/** The parsed file, or `InvalidImportFile` saying where it stops being JSON. */
export function parseImportText(text: string): unknown {
  // Some editors save JSON with a byte-order mark, which JSON.parse refuses.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (json.trim() === '') throw new InvalidImportFile('The file is empty.')
  try {
    return JSON.parse(json)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const fault = findJsonSyntaxFault(json)
    throw new InvalidImportFile(
      fault
        ? `The file is not valid JSON: line ${fault.line}, column ${fault.column}: ${fault.problem}.`
        : `The file is not valid JSON (${error.message}).`,
    )
  }
}

/**
 * Which format `parsed` is, checked whole and converted. The file's own objects are consumed
 * (emptied as they are converted) to keep memory down: do not use `parsed` afterwards.
 */
export function bundlesFromImportFile(parsed: unknown, now: number): ImportFile {
  if (isObject(parsed) && 'format' in parsed) {
    if (parsed.format !== jsonFormatName)
      throw new InvalidImportFile(`format: expected "${jsonFormatName}", found ${JSON.stringify(parsed.format)}.`)
    return { format: 'holysheep-json', bundles: nonEmpty(bundlesFromJsonExport(parsed)), attachmentsNotImported: [] }
  }
  if (Array.isArray(parsed) && parsed.length === 0) throw new InvalidImportFile('The file holds no conversations.')
  if (looksLikeChatGptExport(parsed)) {
    const attachmentsNotImported: string[] = []
    const bundles = nonEmpty(bundlesFromChatGpt(parsed, now, attachmentsNotImported))
    return { format: 'chatgpt', bundles, attachmentsNotImported }
  }
  throw new InvalidImportFile(
    `This is not a file the app can import: expected a HolySheep Chat export ({"format": "${jsonFormatName}", ...}) ` +
      "or ChatGPT's conversations.json (an array of conversations, each with a mapping).",
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmpty(bundles: ConversationBundle[]): ConversationBundle[] {
  if (bundles.length === 0) throw new InvalidImportFile('The file holds no conversations to import.')
  return bundles
}
