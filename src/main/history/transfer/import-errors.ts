/**
 * How a refused import file is explained: one message naming the place and the fault, worded for a
 * person (`conversations[3].messages[7].role: expected one of system, user, assistant, found "wizard"`)
 * rather than zod's developer wording, since the user reads it as it is.
 */
import type { z } from 'zod'
import type { ImportProblem } from '../../../shared/errors'

/**
 * A file we refuse; its message is shown to the user as it is, unless it carries a `problem` (a
 * file that is not UTF-8 JSON at all), which the renderer words in the user's language.
 */
export class InvalidImportFile extends Error {
  override readonly name = 'InvalidImportFile'

  constructor(
    message: string,
    readonly problem?: ImportProblem,
  ) {
    super(message)
  }
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

/**
 * Validates `value` (found at `at` in the file) or throws the first fault as an InvalidImportFile.
 * Conversations are validated one at a time through this, so `at` carries their index.
 */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  at: readonly PropertyKey[] = [],
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = [...at, ...issue.path]
  if (issue.code === 'unrecognized_keys') {
    // The place is the unknown field itself: that is what the user has to find and fix.
    const [key] = issue.keys
    throw new InvalidImportFile(`${placeOf([...path, key ?? ''])}: not a field of this format`)
  }
  throw new InvalidImportFile(`${placeOf(path)}: ${describeIssue(issue)}`)
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return 'this required field is missing'
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, found ${shown(input)}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}, found ${shown(input)}`
        : `expected one of ${issue.values.map(String).join(', ')}, found ${shown(input)}`
    case 'invalid_format':
      return `expected ${issue.format === 'uuid' ? 'a UUID' : article(issue.format)}, found ${shown(input)}`
    default:
      return issue.message
  }
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`
}

/** Short enough for one line: strings and numbers as written, structures by their kind. */
export function shown(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
