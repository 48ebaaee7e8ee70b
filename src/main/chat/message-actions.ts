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
   * Edit and resend replaces: the question and everything after it are deleted, and the new text is
   * sent as the last message of the same conversation. Refused while an answer of that
   * conversation streams, so no stream writes into a message that is gone.
   */
  editAndResend(request: { messageId: string; content: string; model?: string }): Result<ChatSendResponse> {
    const { history, conversations } = this.options
    const message = history.getMessage(request.messageId)
    if (!message) return fail('not_found', 'This message no longer exists.')
    if (message.role !== 'user') return fail('invalid_payload', 'Only your own messages can be edited.')
    const { conversationId } = message
    if (conversations.active().some((stream) => stream.conversationId === conversationId))
      return fail('invalid_payload', 'An answer is still streaming in this conversation. Stop it first.')
    history.deleteMessagesFrom(message.id)
    return conversations.send({
      conversationId,
      content: request.content,
      ...(request.model === undefined ? {} : { model: request.model }),
    })
  }

  /** Deletes one message for good; an answer still streaming must be stopped first. */
  deleteMessage(messageId: string): Result<{ deleted: boolean }> {
    const { history } = this.options
    const message = history.getMessage(messageId)
    if (!message) return ok({ deleted: false })
    if (message.status === 'streaming') return fail('invalid_payload', 'This answer is still streaming. Stop it first.')
    history.deleteMessage(messageId)
    const conversation = history.getConversation(message.conversationId)
    if (conversation) this.options.emit({ type: 'history', change: 'conversation', conversation })
    return ok({ deleted: true })
  }
}
