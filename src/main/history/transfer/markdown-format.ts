/**
 * Markdown export: for reading and sharing, not for import. Each conversation is a title, its dates
 * and the exchange; answers that did not finish say so, so a reader knows the text is partial. Only the
 * shown branch is written (a transcript reads as one conversation); a line says how many other
 * versions (from Regenerate, Edit or Compare) there are, which the JSON export keeps.
 */
import type { StoredMessage } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'

const unfinished: Partial<Record<StoredMessage['status'], string>> = {
  stopped: '_Stopped before the end._',
  interrupted: '_The app closed before this answer finished._',
  streaming: '_Still being written when exported._',
}

export function markdownConversation(bundle: ConversationBundle, first: boolean): string {
  const { conversation } = bundle
  const messages = shownBranch(bundle)
  const others = bundle.messages.length - messages.length
  const lines = [
    ...(first ? [] : ['', '---', '']),
    `# ${conversation.title || 'Untitled conversation'}`,
    '',
    `_Started ${new Date(conversation.createdAt).toISOString()}, last message ${new Date(conversation.updatedAt).toISOString()}_`,
    ...(others > 0
      ? [
          '',
          `_This is the shown branch. ${others} other ${others === 1 ? 'version' : 'versions'} of messages in this conversation ${others === 1 ? 'is' : 'are'} not included; the JSON export keeps them._`,
        ]
      : []),
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

/** The path from the root to the shown leaf; a bundle without tree fields is one chain already. */
function shownBranch(bundle: ConversationBundle): StoredMessage[] {
  const { messages } = bundle
  const leafId = bundle.currentLeafId ?? messages.at(-1)?.id
  if (leafId === undefined || messages.every((message) => message.parentId === undefined)) return messages
  const byId = new Map(messages.map((message) => [message.id, message]))
  const path: StoredMessage[] = []
  for (let message = byId.get(leafId); message; message = message.parentId ? byId.get(message.parentId) : undefined)
    path.push(message)
  return path.reverse()
}
