import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'

export type SaveNotice = { kind: 'ok' | 'error'; text: string } | null

/** An error in the user's words: main's invalid_payload text is for developers (English, field names), never shown. */
export function errorText(error: AppError): string {
  return error.kind === 'invalid_payload' ? strings.settingsPage.errors.refused : strings.errors[error.kind]
}

export function SaveNoticeLine({ notice }: { notice: SaveNotice }) {
  if (!notice) return null
  return (
    <p className={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  )
}
