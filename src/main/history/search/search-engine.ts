import type { StoredMessage } from '../../../shared/history'
import type { HistoryDb } from '../history-db'

/** A message that matched, with what a hit needs; newest first. */
export interface SearchCandidate {
  id: string
  conversation_id: string
  role: StoredMessage['role']
  content: string
  created_at: number
  title: string
}

/**
 * How messages are found. Finished messages (every status but `streaming`) are searchable; the
 * store tells the engine when one becomes searchable or goes away. Both engines give the same
 * answers: every query word must start a word of the message (a prefix), in any order.
 */
export interface SearchEngine {
  readonly kind: 'fts5' | 'scan'
  /** `seq` now holds `content`, finished. Replaces whatever was indexed for `seq`. */
  index(db: HistoryDb, seq: number, content: string, wasIndexed: boolean): void
  /** `seq` is deleted. */
  unindex(db: HistoryDb, seq: number): void
  /** Every finished message of a conversation that is about to be purged. */
  unindexConversation(db: HistoryDb, conversationId: string): void
  /** Finished messages of live conversations matching every one of `words` (folded), newest first. */
  find(db: HistoryDb, words: readonly string[], limit: number): SearchCandidate[]
}
