import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { KeyStatus } from '../../../../shared/key-status'
import { SetKeyRequestSchema } from '../../../../shared/key-status'
import { strings } from '../../i18n'

/** Which field a failed check belongs beside: the key itself, or the gateway's address. */
export type KeyFailure = { field: 'key' | 'baseURL'; text: string }

/** A failed check or save in the user's language (never main's developer text). */
export function keyFailure(error: AppError): KeyFailure {
  const failures = strings.onboarding.failures
  const cause = error.cause ? ` ${strings.connectionCauses[error.cause]}` : ''
  switch (error.kind) {
    case 'invalid_key':
    case 'forbidden':
      return { field: 'key', text: failures.invalid_key }
    case 'network':
    case 'tls':
      return { field: 'baseURL', text: `${failures.network}${cause}` }
    case 'timeout':
      return { field: 'baseURL', text: failures.timeout }
    case 'not_found':
    case 'unknown_model':
      return { field: 'baseURL', text: failures.not_found }
    case 'invalid_payload':
      return { field: 'key', text: strings.settingsPage.errors.refused }
    default:
      return { field: 'key', text: `${failures.other} ${strings.errors[error.kind]}` }
  }
}

/** The key's own shape (main's schema), checked before anything is sent: a paste of half a key. */
export function keyShapeError(key: string): string | null {
  const result = SetKeyRequestSchema.safeParse({ key })
  if (result.success) return null
  const issue = result.error.issues[0]
  return issue?.code === 'too_big' ? strings.settingsPage.errors.keyTooLong : strings.settingsPage.errors.keyTooShort
}

/**
 * Onboarding's and Settings' one path: try the key with GET /models (against `baseURL`, or the
 * address in use when null), and save it only if the gateway took it, unless told not to check.
 */
export async function checkAndSaveKey(
  api: Api,
  key: string,
  options: {
    baseURL: string | null
    check: boolean
    /** Runs between a good check and the save (onboarding saves the address it checked). */
    afterCheck?(): Promise<KeyFailure | null>
  },
): Promise<{ ok: true; status: KeyStatus } | { ok: false; failure: KeyFailure }> {
  const shape = keyShapeError(key)
  if (shape) return { ok: false, failure: { field: 'key', text: shape } }
  if (options.check) {
    const checked = await api.key.check({ key, baseURL: options.baseURL })
    if (!checked.ok) return { ok: false, failure: keyFailure(checked.error) }
  }
  const failed = options.afterCheck ? await options.afterCheck() : null
  if (failed) return { ok: false, failure: failed }
  const stored = await api.key.set({ key })
  if (!stored.ok) return { ok: false, failure: keyFailure(stored.error) }
  return { ok: true, status: stored.value }
}
