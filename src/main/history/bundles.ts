/** Export and import of whole conversations (`ConversationBundle`), for the transfer worker. */
import { randomUUID } from 'node:crypto'
import { conversationFiles, insertAttachment, linkAttachments, messageAttachments } from './attachment-queries'
import type { BundleMessage, ConversationBundle } from './history-api'
import { inReadTransaction, inTransaction, type HistoryDb } from './history-db'
import {
  clearDeleted,
  conversationIdExists,
  deleteConversationRow,
  findLiveConversation,
  insertConversation,
  liveConversationIdsByAge,
  markDeleted,
} from './conversation-queries'
import { insertMessage, iterateConversationMessages, messageIdExists } from './message-queries'
import { rowForImportedMessage, toConversation, toStoredMessage } from './rows'
import type { SearchEngine } from './search/search-engine'
import { currentLeafSeq, setCurrentLeaf } from './tree-queries'

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
      // Parents come before their children (seq order), so each parent's id is known when needed.
      const idBySeq = new Map<number, string>()
      const messages = Array.from(iterateConversationMessages(db, id), (message): BundleMessage => {
        idBySeq.set(message.seq, message.id)
        const attachments = messageAttachments(db, message.seq)
        return {
          ...toStoredMessage(message),
          ...(attachments.length ? { attachments } : {}),
          parentId: message.parent_seq === null ? null : (idBySeq.get(message.parent_seq) ?? null),
        }
      })
      const leaf = currentLeafSeq(db, id)
      const files = conversationFiles(db, id).map((file) => ({
        id: file.id,
        mime: file.mime as NonNullable<ConversationBundle['files']>[number]['mime'],
        size: file.size,
        width: file.width,
        height: file.height,
        pageCount: file.page_count,
        text: file.extracted_text,
      }))
      return {
        conversation,
        messages,
        currentLeafId: leaf === null ? null : (idBySeq.get(leaf) ?? null),
        ...(files.length ? { files } : {}),
      }
    })
    if (bundle) yield bundle
  }
}

/**
 * A staged conversation is stored but hidden: `deleted_at = 0`, so every list, search and export
 * skips it, and should the app die mid-import, the next start-up's purge of old deletions removes it.
 */
const stagedMark = 0

/** Conversations per write transaction: short enough that main's own writes never wait long for the lock. */
const conversationsPerChunk = 10

/**
 * All or nothing, without holding the database for the whole import: conversations are written
 * staged (hidden) in short transactions, then made visible together in one quick transaction. If
 * any row is refused (a CHECK, a NOT NULL), everything staged so far is removed and the error
 * rethrown. Ids that are taken get fresh ones, so importing the same file twice gives two copies
 * and never mixes them. A message still `streaming` in the file was cut off where it came from: it
 * arrives `interrupted`.
 */
export function importBundles(
  db: HistoryDb,
  search: SearchEngine,
  bundles: ConversationBundle[],
  onProgress: ((conversationsDone: number) => void) | undefined,
): { conversations: number; messages: number } {
  const staged: string[] = []
  let messages = 0
  try {
    for (let start = 0; start < bundles.length; start += conversationsPerChunk) {
      const chunk = bundles.slice(start, start + conversationsPerChunk)
      inTransaction(db, () => {
        for (const bundle of chunk) {
          const conversationId = stageConversation(db, search, bundle)
          staged.push(conversationId)
          messages += bundle.messages.length
          onProgress?.(staged.length)
        }
      })
      // Copy this chunk from the WAL into the database here, in the importing thread: otherwise
      // SQLite's auto-checkpoint makes whichever connection commits next (main's, mid-stream) do it.
      db.sqlite.exec('PRAGMA wal_checkpoint(PASSIVE)')
    }
  } catch (error) {
    inTransaction(db, () => {
      for (const id of staged) {
        search.unindexConversation(db, id)
        deleteConversationRow(db, id)
      }
    })
    throw error
  }
  inTransaction(db, () => {
    for (const id of staged) clearDeleted(db, id)
  })
  return { conversations: staged.length, messages }
}

function stageConversation(db: HistoryDb, search: SearchEngine, bundle: ConversationBundle): string {
  const { conversation, messages } = bundle
  const conversationId = conversationIdExists(db, conversation.id) ? randomUUID() : conversation.id
  insertConversation(db, {
    id: conversationId,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    pinned: conversation.pinned,
    overrides: JSON.stringify(conversation.overrides ?? {}),
  })
  markDeleted(db, conversationId, stagedMark)
  // The files were written to the folder (and their hashes checked) before; the rows follow here.
  const firstNames = new Map<string, string>()
  for (const message of messages)
    for (const link of message.attachments ?? []) if (!firstNames.has(link.id)) firstNames.set(link.id, link.name)
  for (const file of bundle.files ?? [])
    insertAttachment(
      db,
      { ...file, name: firstNames.get(file.id) ?? file.id, extractedText: file.text },
      conversation.createdAt,
    )
  // A file from before the tree has no parent ids: its messages are a chain, each under the one before.
  const seqById = new Map<string, number>()
  let previous: number | null = null
  for (const message of messages) {
    const status = message.status === 'streaming' ? 'interrupted' : message.status
    const id = messageIdExists(db, message.id) ? randomUUID() : message.id
    const parentSeq = message.parentId === undefined ? previous : parentSeqOf(seqById, message.parentId)
    const seq = insertMessage(db, rowForImportedMessage(message, id, conversationId, status, parentSeq))
    if (message.attachments?.length) linkAttachments(db, seq, message.attachments)
    seqById.set(message.id, seq)
    previous = seq
    search.index(db, seq, message.content, false)
  }
  const leaf = bundle.currentLeafId ? seqById.get(bundle.currentLeafId) : undefined
  setCurrentLeaf(db, conversationId, leaf ?? previous)
  return conversationId
}

/** The formats check that a parent comes before its children; a bundle that breaks it is refused whole. */
function parentSeqOf(seqById: Map<string, number>, parentId: string | null): number | null {
  if (parentId === null) return null
  const seq = seqById.get(parentId)
  if (seq === undefined) throw new Error(`message parent ${parentId} does not come before its reply`)
  return seq
}
