/** Why a file was refused, in the user's language, naming the file and the limit. */
import type { AttachmentProblem } from '../../../../shared/attachments'
import { friendlyModelName } from '../../../../shared/models'
import { strings } from '../../i18n'
import { formatBytes, formatNumber } from '../../i18n/format'

export function refusalText(problem: AttachmentProblem): string {
  const words = strings.attachments.refused
  const limit = problem.limit ?? 0
  switch (problem.reason) {
    case 'file_too_large':
      return words.file_too_large(problem.name, formatBytes(limit))
    case 'message_too_large':
      return words.message_too_large(formatBytes(limit))
    case 'too_many':
      return words.too_many(formatNumber(limit))
    case 'model_without_vision':
      return words.model_without_vision(friendlyModelName(problem.model ?? ''))
    default:
      return words[problem.reason](problem.name)
  }
}
