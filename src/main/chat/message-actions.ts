/**
 * What the user can do to single messages: edit a question and send it again, or delete a message.
 * Kept apart from ConversationChat (which streams answers) so each file keeps one job.
 */
import type { ChatSendResponse } from '../../shared/chat'
import { fail, ok, type Result } from '../../shared/errors'
import type { HistoryEvent } from '../../shared/events'
import type { HistoryApi } from '../history/history-api'
import type { ConversationChat } from './conversation-chat'

export interface MessageActionsOptions {
  history: HistoryApi
  conversations: ConversationChat
  emit(event: HistoryEvent): void
}

export class MessageActions {
  constructor(private readonly options: MessageActionsOptions) {}

  /**
   * Edit and resend adds a version: the new text becomes a sibling of the question (same parent),
   * its answer streams, and the old question with its whole branch stays, one `‹ › ` away.
   */
  editAndResend(request: { messageId: string; content: string; model?: string }): Result<ChatSendResponse> {
    const { history, conversations } = this.options
    const message = history.getMessage(request.messageId)
    if (!message) return fail('not_found', 'This message no longer exists.')
    if (message.role !== 'user') return fail('invalid_payload', 'Only your own messages can be edited.')
    return conversations.send(
      {
        conversationId: message.conversationId,
        content: request.content,
        ...(request.model === undefined ? {} : { model: request.model }),
        // The edited question keeps the files of the one it replaces.
        ...(message.attachments?.length
          ? { attachments: message.attachments.map(({ id, name }) => ({ id, name })) }
          : {}),
      },
      { parentId: history.parentOf(message.id) },
    )
  }

  /**
   * Deletes a message and everything below it, restorably (`restoreMessage` is the Undo). Refused
   * while an answer in that subtree streams: it must be stopped first.
   */
  deleteMessage(messageId: string): Result<{ deleted: boolean }> {
    const { history, conversations } = this.options
    const message = history.getMessage(messageId)
    if (!message) return ok({ deleted: false })
    const below = new Set(history.subtreeIds(messageId))
    if (conversations.active().some((stream) => below.has(stream.messageId)))
      return fail('invalid_payload', 'This answer is still streaming. Stop it first.')
    history.deleteSubtree(messageId)
    this.announce(message.conversationId)
    return ok({ deleted: true })
  }

  /** Undo of `deleteMessage`: the message and its subtree come back, shown. */
  restoreMessage(messageId: string): Result<{ restored: boolean }> {
    const conversation = this.options.history.restoreSubtree(messageId)
    this.options.emit({ type: 'history', change: 'conversation', conversation })
    return ok({ restored: true })
  }

  /** Shows the branch through a message (a version switched to, a search hit opened, a compared answer kept). */
  showMessage(messageId: string): Result<{ conversationId: string; leafId: string }> {
    const shown = this.options.history.showMessage(messageId)
    this.announce(shown.conversationId)
    return ok(shown)
  }

  private announce(conversationId: string): void {
    const conversation = this.options.history.getConversation(conversationId)
    if (conversation) this.options.emit({ type: 'history', change: 'conversation', conversation })
  }
}
