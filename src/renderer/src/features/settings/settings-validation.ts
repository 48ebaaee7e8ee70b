import type { z } from 'zod'
import { SettingsPatchSchema, type SettingsPatch } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'

/** Field errors by the path of the value they belong to ("temperature", "prices.gpt-4.1.inputUsdPerMillion"). */
export type FieldErrors = Record<string, string>

/**
 * One zod issue in the user's language. The schema is main's own (src/shared/settings.ts), so what
 * the renderer refuses is exactly what main would refuse; only the words are ours, never zod's.
 */
export function issueText(issue: z.core.$ZodIssue): string {
  const e = strings.settingsPage.errors
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? e.tooLong(formatNumber(Number(issue.maximum)))
        : e.atMost(formatNumber(Number(issue.maximum)))
    case 'too_small':
      if (issue.origin === 'string') return e.required
      if (Number(issue.minimum) === 0 && !issue.inclusive) return e.positive
      return e.atLeast(formatNumber(Number(issue.minimum)))
    case 'invalid_type':
      return issue.expected === 'int' ? e.wholeNumber : e.notANumber
    case 'invalid_format':
      return issue.format === 'url' ? e.url : issue.path.at(-1) === 'currency' ? e.currency : e.refused
    default:
      return e.refused
  }
}

/** Every wrong value of a patch at once, each under its own path; empty when the patch is valid. */
export function validateSettingsPatch(patch: SettingsPatch): FieldErrors {
  const result = SettingsPatchSchema.safeParse(patch)
  return result.success ? {} : fieldErrors(result.error.issues)
}

/** Issues by the path of their value, in the user's language (any schema of src/shared). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    // The first problem of a field is the one to fix first.
    errors[path] ??= issueText(issue)
  }
  return errors
}
