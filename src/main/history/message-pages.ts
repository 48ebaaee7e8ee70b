/**
 * What a page of messages may weigh when it crosses to the renderer. Before this, a 536-million-
 * character answer made one `history:messages` response of 536 MB. SQLite cuts a text over
 * `maxMessageChars` (`HistoryStore.listCutMessages`, with its full length, for the renderer to read on
 * in slices through `history:messageText`), and a page stops adding messages once it holds
 * `maxPageChars` (it always holds at least one, and `hasMore` stays true for the rest).
 */
import type { PagedMessage } from '../../shared/history'

export interface PageLimits {
  maxPageChars: number
  maxMessageChars: number
}

/** About 8 MB of UTF-16 per page, and 2 MB per text: a long answer at the default cap fits whole. */
export const defaultPageLimits: PageLimits = { maxPageChars: 4_000_000, maxMessageChars: 1_000_000 }

/** `page` is oldest first, its texts already cut; the newest messages are the ones kept. */
export function pageForRenderer(
  page: { messages: PagedMessage[]; hasMore: boolean },
  limits: PageLimits = defaultPageLimits,
): { messages: PagedMessage[]; hasMore: boolean } {
  const kept: PagedMessage[] = []
  let chars = 0
  for (let index = page.messages.length - 1; index >= 0; index--) {
    const message = page.messages[index]!
    const weight = message.content.length + (message.reasoning?.length ?? 0)
    if (kept.length > 0 && chars + weight > limits.maxPageChars) return { messages: kept.reverse(), hasMore: true }
    kept.push(message)
    chars += weight
  }
  return { messages: kept.reverse(), hasMore: page.hasMore }
}
