/** Export and import of whole conversations (`ConversationBundle`), for the transfer worker. */
import { randomUUID } from 'node:crypto'
import type { ConversationBundle } from './history-api'
import { inReadTransaction, inTransaction, type HistoryDb } from './history-db'
import {
  conversationIdExists,
  findLiveConversation,
  insertConversation,
  liveConversationIdsByAge,
} from './conversation-queries'
import { insertMessage, iterateConversationMessages, messageIdExists } from './message-queries'
import { rowForImportedMessage, toConversation, toStoredMessage } from './rows'
import type { SearchEngine } from './search/search-engine'

function exportOrder(db: HistoryDb, ids: string[] | null): string[] {
  if (ids === null) return liveConversationIdsByAge(db)
  const rows = [...new Set(ids)].flatMap((id) => findLiveConversation(db, id) ?? [])
  rows.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rows.map((row) => row.id)
}

/**
 * Conversations oldest first, each read in its own read transaction (a consistent conversation)
 * and handed out before the next is read: memory holds one conversation at a time.
 */
export function* exportBundles(db: HistoryDb, ids: string[] | null): Generator<ConversationBundle> {
  for (const id of exportOrder(db, ids)) {
    const bundle = inReadTransaction(db, (): ConversationBundle | null => {
      const row = findLiveConversation(db, id)
      if (!row) return null
      const { messageCount: _count, ...conversation } = toConversation(row)
      return { conversation, messages: Array.from(iterateConversationMessages(db, id), toStoredMessage) }
    })
    if (bundle) yield bundle
  }
}

/**
 * One transaction: any row SQLite refuses (a CHECK, a NOT NULL) rolls back every bundle. Ids that
 * are taken get fresh ones, so importing the same file twice gives two copies and never mixes
 * them. A message still `streaming` in the file was cut off where it came from: it arrives
 * `interrupted`.
 */
export function importBundles(
  db: HistoryDb,
  search: SearchEngine,
  bundles: ConversationBundle[],
  onProgress: ((conversationsDone: number) => void) | undefined,
): { conversations: number; messages: number } {
  return inTransaction(db, () => {
    let conversations = 0
    let messages = 0
    for (const { conversation, messages: bundleMessages } of bundles) {
      const conversationId = conversationIdExists(db, conversation.id) ? randomUUID() : conversation.id
      insertConversation(db, {
        id: conversationId,
        title: conversation.title,
        createdAt: conversation.createdAt,
        updatedAt: conversation.updatedAt,
        pinned: conversation.pinned,
        overrides: JSON.stringify(conversation.overrides ?? {}),
      })
      for (const message of bundleMessages) {
        const status = message.status === 'streaming' ? 'interrupted' : message.status
        const id = messageIdExists(db, message.id) ? randomUUID() : message.id
        const seq = insertMessage(db, rowForImportedMessage(message, id, conversationId, status))
        search.index(db, seq, message.content, false)
        messages++
      }
      conversations++
      onProgress?.(conversations)
    }
    return { conversations, messages }
  })
}
