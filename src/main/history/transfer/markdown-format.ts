/**
 * Markdown export: for reading and sharing, not for import. Each conversation is a title, its dates
 * and the exchange; answers that did not finish say so, so a reader knows the text is partial.
 */
import type { StoredMessage } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'

const unfinished: Partial<Record<StoredMessage['status'], string>> = {
  stopped: '_Stopped before the end._',
  interrupted: '_The app closed before this answer finished._',
  streaming: '_Still being written when exported._',
}

export function markdownConversation(bundle: ConversationBundle, first: boolean): string {
  const { conversation, messages } = bundle
  const lines = [
    ...(first ? [] : ['', '---', '']),
    `# ${conversation.title || 'Untitled conversation'}`,
    '',
    `_Started ${new Date(conversation.createdAt).toISOString()}, last message ${new Date(conversation.updatedAt).toISOString()}_`,
  ]
  for (const message of messages) {
    lines.push('', `### ${heading(message)}`, '')
    if (message.content) lines.push(message.content)
    const note =
      message.status === 'error'
        ? `_Failed: ${message.errorMessage ?? message.errorKind ?? 'unknown error'}_`
        : unfinished[message.status]
    if (note) lines.push('', note)
  }
  return `${lines.join('\n')}\n`
}

function heading(message: StoredMessage): string {
  if (message.role === 'user') return 'You'
  if (message.role === 'system') return 'System'
  return message.model ? `Assistant (${message.model})` : 'Assistant'
}
