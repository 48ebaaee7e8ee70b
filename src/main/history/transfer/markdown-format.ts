/**
 * Markdown export: for reading and sharing, not for import. Each conversation is a title, its dates
 * and the exchange; answers that did not finish say so, so a reader knows the text is partial. The
 * words and dates are in the UI's language (export-text.ts).
 */
import type { StoredMessage } from '../../../shared/history'
import type { ExportLanguage } from '../../../shared/transfer'
import type { ConversationBundle } from '../history-api'
import { exportText } from './export-text'

export function markdownConversation(bundle: ConversationBundle, first: boolean, language: ExportLanguage): string {
  const text = exportText(language)
  const { conversation, messages } = bundle
  const unfinished: Partial<Record<StoredMessage['status'], string>> = {
    stopped: text.stopped,
    interrupted: text.interrupted,
    streaming: text.streaming,
  }
  const lines = [
    ...(first ? [] : ['', '---', '']),
    `# ${conversation.title || text.untitled}`,
    '',
    `_${text.dates(text.date(conversation.createdAt), text.date(conversation.updatedAt))}_`,
  ]
  for (const message of messages) {
    lines.push('', `### ${heading(message, text)}`, '')
    if (message.content) lines.push(message.content)
    const note =
      message.status === 'error'
        ? text.failed(message.errorMessage ?? message.errorKind ?? null)
        : unfinished[message.status]
    if (note) lines.push('', `_${note}_`)
  }
  return `${lines.join('\n')}\n`
}

function heading(message: StoredMessage, text: ReturnType<typeof exportText>): string {
  if (message.role === 'user') return text.you
  if (message.role === 'system') return text.system
  return text.assistant(message.model)
}
