/**
 * What a page of messages may weigh when it crosses to the renderer. Before this, a 536-million-
 * character answer made one `history:messages` response of 536 MB. A page stops adding messages
 * once it holds `maxPageChars` (it always holds at least one, and `hasMore` stays true for the rest),
 * and a text over `maxMessageChars` is cut, with its full length, for the renderer to read on in
 * slices (`history:messageText`).
 */
import type { PagedMessage, StoredMessage } from '../../shared/history'

export interface PageLimits {
  maxPageChars: number
  maxMessageChars: number
}

/** About 8 MB of UTF-16 per page, and 2 MB per text: a long answer at the default cap fits whole. */
export const defaultPageLimits: PageLimits = { maxPageChars: 4_000_000, maxMessageChars: 1_000_000 }

function cut(message: StoredMessage, maxChars: number): PagedMessage {
  const reasoning = message.reasoning ?? ''
  if (message.content.length <= maxChars && reasoning.length <= maxChars) return message
  return {
    ...message,
    content: message.content.slice(0, maxChars),
    reasoning: message.reasoning === null ? null : reasoning.slice(0, maxChars),
    fullLength: { content: message.content.length, reasoning: reasoning.length },
  }
}

/** `page` is oldest first, as history lists it; the newest messages are the ones kept. */
export function pageForRenderer(
  page: { messages: StoredMessage[]; hasMore: boolean },
  limits: PageLimits = defaultPageLimits,
): { messages: PagedMessage[]; hasMore: boolean } {
  const kept: PagedMessage[] = []
  let chars = 0
  for (let index = page.messages.length - 1; index >= 0; index--) {
    const message = cut(page.messages[index]!, limits.maxMessageChars)
    const weight = message.content.length + (message.reasoning?.length ?? 0)
    if (kept.length > 0 && chars + weight > limits.maxPageChars) return { messages: kept.reverse(), hasMore: true }
    kept.push(message)
    chars += weight
  }
  return { messages: kept.reverse(), hasMore: page.hasMore }
}
