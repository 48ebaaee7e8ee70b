/**
 * Markdown export: for reading and sharing, not for import. Each conversation is a title, its dates
 * and the exchange; answers that did not finish say so, so a reader knows the text is partial. Only the
 * shown branch is written (a transcript reads as one conversation); a line says how many other
 * versions (from Regenerate, Edit or Compare) there are, which the JSON export keeps. The words and
 * dates are in the UI's language (export-text.ts).
 */
import { isImageMime, type Attachment } from '../../../shared/attachments'
import type { StoredMessage } from '../../../shared/history'
import type { ExportLanguage } from '../../../shared/transfer'
import type { ConversationBundle } from '../history-api'
import { exportText } from './export-text'

/**
 * `linkOf` gives the relative path of an attachment's copy beside the .md (the worker writes it
 * there), or null when it has none; its link is then its name alone.
 */
export function markdownConversation(
  bundle: ConversationBundle,
  first: boolean,
  language: ExportLanguage,
  linkOf: (attachment: Attachment) => string | null = () => null,
): string {
  const text = exportText(language)
  const { conversation } = bundle
  const messages = shownBranch(bundle)
  const others = bundle.messages.length - messages.length
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
    ...(others > 0 ? ['', `_${text.otherVersions(others)}_`] : []),
  ]
  for (const message of messages) {
    lines.push('', `### ${heading(message, text)}`, '')
    for (const attachment of message.attachments ?? []) lines.push(attachmentLine(attachment, linkOf(attachment)))
    if (message.attachments?.length) lines.push('')
    if (message.content) lines.push(message.content)
    const note =
      message.status === 'error'
        ? text.failed(message.errorMessage ?? message.errorKind ?? null)
        : unfinished[message.status]
    if (note) lines.push('', `_${note}_`)
  }
  return `${lines.join('\n')}\n`
}

/** An image as an image, a document as a link; the name in brackets has its brackets escaped. */
function attachmentLine(attachment: Attachment, link: string | null): string {
  const label = attachment.name.replace(/[[\]\\]/g, (char) => `\\${char}`)
  if (link === null) return `- ${label}`
  return isImageMime(attachment.mime) ? `![${label}](<${link}>)` : `- [${label}](<${link}>)`
}

function heading(message: StoredMessage, text: ReturnType<typeof exportText>): string {
  if (message.role === 'user') return text.you
  if (message.role === 'system') return text.system
  return text.assistant(message.model)
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
