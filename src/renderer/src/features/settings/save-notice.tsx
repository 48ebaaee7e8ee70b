import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'

export type SaveNotice = { kind: 'ok' | 'error'; text: string } | null

/** Validation messages name the field; other kinds have their own sentence. */
export function errorText(error: AppError): string {
  return error.kind === 'invalid_payload' ? error.message : strings.errors[error.kind]
}

export function SaveNoticeLine({ notice }: { notice: SaveNotice }) {
  if (!notice) return null
  return (
    <p className={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  )
}
